import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ONE_SHOT_V8_FLAGS, run } from '../../../bin/cli';
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

// The one-shot process setting (configureOneShotProcess) lets V8's optimising compiler
// take only code that runs very hot. Checked in a child Node through V8's test hooks, so
// that a Node whose V8 no longer knows the flag, or ignores it when set at run time, fails
// here. (Recompilation is made synchronous there, so the answer does not race a thread.)
describe('configureOneShotProcess', () => {
  const optimised = (flags: readonly string[]) => {
    const script = [
      `import { setFlagsFromString } from 'node:v8';`,
      `for (const f of ${JSON.stringify(flags)}) setFlagsFromString(f);`,
      `function hot(x) { return (x * 2 + 1) | 0; }`,
      `function call(i) { return hot(i); }`,
      `let sum = 0;`,
      `for (let i = 0; i < 30000; i++) sum += call(i);`,
      // V8's OptimizationStatus: bit 4 is "optimised".
      `console.log(sum > 0 && (%GetOptimizationStatus(hot) & 16) !== 0);`,
    ].join('\n');
    const r = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '--no-concurrent-recompilation',
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  };

  it('leaves a function called 30,000 times unoptimised, which V8 otherwise optimises', () => {
    expect(optimised([])).toBe('true');
    expect(optimised(ONE_SHOT_V8_FLAGS)).toBe('false');
  });
});
