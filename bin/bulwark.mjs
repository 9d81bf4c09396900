#!/usr/bin/env node
// Launcher for the bundled CLI (out/cli/bulwark.mjs, built by `npm install` through the
// `prepare` script, or by `npm run build`). Built-ins come through process.getBuiltinModule
// and standard output is first touched when something is written to it: importing node:fs
// or reading process.stdout at start loads Node's stream and terminal modules, about 3 ms
// of every run, although `analyze --out` never writes to standard output.
const { existsSync } = process.getBuiltinModule('node:fs');
const { fileURLToPath } = process.getBuiltinModule('node:url');

const bundleUrl = new URL('../out/cli/bulwark.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundleUrl))) {
  process.stderr.write(
    'bulwark: the CLI is not built yet; run `npm run build:cli` (or `npm install`) first.\n',
  );
  process.exit(2);
}
// `bulwark analyze … | head` closes the pipe early: that is the reader's choice, not an
// error worth a stack trace.
let stdout;
const out = () => {
  if (stdout === undefined) {
    stdout = process.stdout;
    stdout.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return stdout;
};
const { run, configureOneShotProcess } = await import(bundleUrl.href);
configureOneShotProcess();
process.exitCode = await run(process.argv.slice(2), {
  out: (t) => out().write(t),
  err: (t) => process.stderr.write(t),
});
