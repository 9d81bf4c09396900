import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

// bin/bulwark.mjs, the `bulwark` command: it runs the built bundle (out/cli, built by
// `npm install` through `prepare`), touching standard output only to write to it.
const LAUNCHER = join(__dirname, '../../../bin/bulwark.mjs');

function launch(args: string[], closeStdout = false) {
  const child = spawn(process.execPath, [LAUNCHER, ...args], { stdio: 'pipe' });
  if (closeStdout) child.stdout.destroy();
  let out = '';
  let err = '';
  if (!closeStdout) child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    child.on('close', (code) => {
      done({ code, out, err });
    });
  });
}

describe('bin/bulwark.mjs', () => {
  it('runs the bundle and writes its output', async () => {
    expect(await launch(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('ends quietly with the exit code when the reader closes the pipe first', async () => {
    expect(await launch(['rules', '--format', 'markdown'], true)).toEqual({
      code: 0,
      out: '',
      err: '',
    });
  });
});
