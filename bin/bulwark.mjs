#!/usr/bin/env node
// Launcher for the bundled CLI (out/cli/bulwark.mjs, built by `npm install` through the
// `prepare` script, or by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/bulwark.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'bulwark: the CLI is not built yet; run `npm run build:cli` (or `npm install`) first.\n',
  );
  process.exit(2);
}
// `bulwark analyze … | head` closes the pipe early: that is the reader's choice, not an
// error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { run, configureOneShotProcess } = await import(pathToFileURL(bundle).href);
configureOneShotProcess();
process.exitCode = await run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
