import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import pkg from '../../../package.json' with { type: 'json' };

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('bulwark CLI', () => {
  it('prints help with usage and exit codes', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Bulwark \d+\.\d+\.\d+/);
    expect(r.out).toContain('Usage: bulwark');
    expect(r.out).toContain('2 bad input or bad arguments');
    expect(r.err).toBe('');
  });

  it('lists every verb in the help, and each listed verb loads its own command', async () => {
    const help = (await cli('--help')).out;
    const verbs = [...(help.split('Commands:\n')[1] ?? '').matchAll(/^ {2}(\S+) {2,}\S/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(verbs).toEqual([
      'playbook',
      'rules',
      'analyze',
      'convert',
      'verify',
      'scenario',
      'report',
    ]);
    for (const verb of verbs) {
      const r = await cli(verb, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`bulwark ${verb}`);
      expect(r.out).not.toContain('Commands:\n  playbook');
    }
  });

  it('prints the package version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await cli('-v')).out).toBe(`${pkg.version}\n`);
  });

  it('exits 2 with a one-line reason on an unknown option or command', async () => {
    for (const argv of [['--frobnicate'], ['frobnicate'], ['-x', 'y']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^bulwark: unknown (option|command) '/);
    }
  });
});
