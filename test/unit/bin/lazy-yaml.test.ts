import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../bin/cli';
import * as lazy from '../../../bin/lazy-yaml';

// In the CLI bundle, core/openapi/source.ts reads the YAML library through bin/lazy-yaml.ts,
// whose bindings are empty until analyze calls loadYaml (vite.cli.config.ts). These tests
// give source.ts the library in the same state: unusable until loadYaml has run.
const { state, COVERED } = vi.hoisted(() => ({
  state: { loaded: false },
  COVERED: new Set(['LineCounter', 'isAlias', 'isMap', 'isScalar', 'isSeq', 'parseDocument']),
}));

vi.mock('yaml', async (importOriginal) => {
  const real: Record<string, unknown> = { ...(await importOriginal<Record<string, unknown>>()) };
  return new Proxy(real, {
    get: (target, key) => {
      if (typeof key === 'string' && COVERED.has(key) && !state.loaded)
        throw new Error(`yaml.${key} used before loadYaml`);
      return target[key as string];
    },
  });
});

vi.mock('../../../bin/lazy-yaml', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../bin/lazy-yaml')>();
  const loadYaml = async () => {
    state.loaded = true;
    await real.loadYaml();
  };
  // A proxy rather than a copy, so that the bindings stay live.
  return new Proxy(real, {
    get: (target, key) => (key === 'loadYaml' ? loadYaml : target[key as keyof typeof real]),
  });
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const FIXTURES = join(__dirname, '../../fixtures/openapi');
const dir = mkdtempSync(join(tmpdir(), 'bulwark-lazy-yaml-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('the YAML library in the CLI (bin/lazy-yaml.ts)', () => {
  it('analyze reads JSON descriptions, valid or not, without loading it', async () => {
    const json = readFileSync(join(FIXTURES, 'swagger.json'), 'utf8');
    expect((await cli('analyze', join(FIXTURES, 'swagger.json'))).code).toBe(0);
    expect((await cli('analyze', file('spaced.yaml', `\n  ${json}`))).code).toBe(0);
    const truncated = await cli('analyze', join(FIXTURES, 'truncated.json'));
    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/invalid JSON/);
    expect((await cli('analyze', file('list.json', '[1]'))).code).toBe(2);
    expect(state.loaded).toBe(false);
  });

  it('analyze loads it for a YAML description, which then reads as before', async () => {
    const r = await cli('analyze', join(FIXTURES, 'insecure.yaml'), '--format', 'sarif');
    expect(state.loaded).toBe(true);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/"startLine": \d+/);
    const broken = await cli('analyze', file('broken.yaml', 'openapi: 3.0.0\ninfo: [\n'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it('holds the library’s own class and functions once loaded', async () => {
    await lazy.loadYaml();
    expect(lazy.LineCounter).toBe(yaml.LineCounter);
    expect(lazy.isAlias).toBe(yaml.isAlias);
    expect(lazy.isMap).toBe(yaml.isMap);
    expect(lazy.isScalar).toBe(yaml.isScalar);
    expect(lazy.isSeq).toBe(yaml.isSeq);
    expect(lazy.parseDocument).toBe(yaml.parseDocument);
  });
});
