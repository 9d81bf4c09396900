// `npm run bench`: prints the figures the issues ask for. Core benchmarks run in Node
// (Vitest bench); the app's start-up and list figures run in Chromium on the built app.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { findChromium, CHROMIUM_MISSING } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });

console.log('== core benchmarks (Vitest bench, Node) ==');
run(bin('vitest'), ['bench', '--run', '--config', 'vitest.bench.config.ts'], { stdio: 'inherit' });

console.log('\n== build ==');
const build = run('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

// Whole `bulwark analyze` processes on real OpenAPI descriptions; `npm run bench --
// --spectral` (or BULWARK_BENCH_SPECTRAL=1) adds the slow side-by-side run with Spectral.
console.log('\n== openapi analyze, whole processes ==');
run('node', ['test/bench/openapi-process.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });

// The first screen is index.html plus the scripts and styles it links (lazy chunks such
// as the diagram renderer are not part of it).
const rendererDir = join(root, 'out', 'renderer');
const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
const linked = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const rel of linked) {
  const bytes = readFileSync(join(rendererDir, rel));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
console.log(
  `figure: first-screen bundle ${(gz / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB raw; ${linked.join(', ')})`,
);

console.log('\n== app in Chromium ==');
if (!findChromium()) {
  console.log(CHROMIUM_MISSING);
  process.exit(1);
}
if (!existsSync(join(rendererDir, 'index.html'))) process.exit(1);
const perf = run(bin('playwright'), ['test', '--config', 'playwright.bench.config.ts'], {
  stdio: 'pipe',
});
const out = `${perf.stdout}${perf.stderr}`;
const figures = out.split('\n').filter((l) => l.includes('figure:'));
console.log(figures.map((l) => l.trim()).join('\n') || out);
process.exitCode = perf.status ?? 1;
