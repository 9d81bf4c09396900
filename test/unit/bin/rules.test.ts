import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { BUILTIN_RULES } from '../../../core/threats';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('bulwark rules', () => {
  it('prints the catalogue as JSON with the exact keys', async () => {
    const r = await cli('rules', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const rules = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rules).toHaveLength(BUILTIN_RULES.length);
    for (const rule of rules) {
      expect(Object.keys(rule)).toEqual([
        'id',
        'title',
        'stride',
        'owasp',
        'cwe',
        'capec',
        'appliesTo',
      ]);
      expect(rule.stride).toMatch(/^[STRIDE]$/);
      if (rule.owasp !== null) expect(rule.owasp).toMatch(/^API\d{1,2}:2023$/);
      for (const c of rule.cwe as string[]) expect(c).toMatch(/^CWE-\d+$/);
      for (const c of rule.capec as string[]) expect(c).toMatch(/^CAPEC-\d+$/);
      for (const k of rule.appliesTo as string[])
        expect([
          'external-entity',
          'process',
          'data-store',
          'data-flow',
          'trust-boundary',
        ]).toContain(k);
    }
    expect(rules.find((x) => x.id === 'BW-E-010')).toEqual({
      id: 'BW-E-010',
      title: 'Broken object level authorization (BOLA)',
      stride: 'E',
      owasp: 'API1:2023',
      cwe: ['CWE-639', 'CWE-285'],
      capec: ['CAPEC-122'],
      appliesTo: ['process'],
    });
    expect((await cli('rules')).out).toBe(r.out);
  });

  it('prints the catalogue as Markdown', async () => {
    const r = await cli('rules', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Bulwark threat rules \(\d+\)\n/);
    expect(r.out).toContain(
      '| BW-S-013 | Credentials sent in the URL | S Spoofing | API2:2023 | CWE-598 |',
    );
  });

  it('exits 2 with one line on bad arguments, and shows help', async () => {
    for (const argv of [
      ['rules', '--format', 'yaml'],
      ['rules', '--nope'],
      ['rules', 'extra'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^bulwark: /);
    }
    const help = await cli('rules', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: bulwark rules [--format json|markdown]');
  });
});
