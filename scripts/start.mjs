// `npm start`: build, then start the desktop app. When Electron's binary is missing it runs
// Electron's own installer; when that is impossible (no network) it says so in one line and
// serves the built app on 127.0.0.1 instead, so Bulwark is usable in any browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));

function run(cmd, argv, options = {}) {
  return spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', shell: false, ...options });
}

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { dir, binary: null };
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { dir, binary: existsSync(binary) ? binary : null };
}

async function serveInBrowser(reason) {
  const { url } = await startServer({ port: Number(process.env.BULWARK_PORT ?? 5178) }).catch(() =>
    startServer({ port: 0 }),
  );
  process.stdout.write(
    `${reason} Serving Bulwark in the browser instead: open ${url}  (Ctrl+C to stop)\n`,
  );
}

if (!args.has('--no-build')) {
  const bin = join(root, 'node_modules', '.bin');
  if (run(join(bin, 'electron-vite'), ['build']).status !== 0) process.exit(1);
  if (
    run(join(bin, 'vite'), ['build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'])
      .status !== 0
  )
    process.exit(1);
}

if (args.has('--browser')) {
  await serveInBrowser('Browser mode requested.');
} else {
  let { dir, binary } = electronBinary();
  if (!binary) {
    process.stdout.write("Electron's binary is missing; running Electron's installer…\n");
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const install = run(process.execPath, [join(dir, 'install.js')], {
      env,
      stdio: 'pipe',
      timeout: 180_000,
    });
    binary = install.status === 0 ? electronBinary().binary : null;
  }
  if (!binary) {
    await serveInBrowser(
      'Electron could not be downloaded (no network access to its release server?).',
    );
  } else {
    // A stray ELECTRON_RUN_AS_NODE would start Electron as plain Node instead of the app.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
