import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { PAYMENTS_FILE } from '../../fixtures/threats/models';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-analyze-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const SEVERITIES = ['low', 'medium', 'elevated', 'high', 'critical'];
const KINDS = ['external-entity', 'process', 'data-store', 'data-flow', 'trust-boundary'];

describe('bulwark analyze', () => {
  it('prints the analysis JSON in the documented shape', async () => {
    const r = await cli('analyze', PAYMENTS_FILE);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as {
      model: { elements: Record<string, unknown>[] };
      threats: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['model', 'threats']);
    expect(Object.keys(json.model)).toEqual(['elements']);
    for (const e of json.model.elements) {
      expect(KINDS).toContain(e.kind);
      expect(typeof e.id).toBe('string');
      expect(typeof e.name).toBe('string');
    }
    expect(json.threats.length).toBeGreaterThan(50);
    for (const t of json.threats) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining([
          'id',
          'ruleId',
          'elementId',
          'stride',
          'owasp',
          'cwe',
          'capec',
          'likelihood',
          'impact',
          'severity',
          'title',
          'mitigations',
        ]),
      );
      expect(SEVERITIES).toContain(t.severity);
      expect(t.id).toBe(`${String(t.ruleId)}@${String(t.elementId)}`);
      expect(Array.isArray(t.mitigations)).toBe(true);
    }
    const bola = json.threats.find((t) => t.id === 'BW-E-010@payments');
    expect(bola).toMatchObject({
      stride: 'E',
      owasp: 'API1:2023',
      cwe: ['CWE-639', 'CWE-285'],
      likelihood: 4,
      impact: 3,
      severity: 'high',
    });
    // Most severe first.
    const ranks = json.threats.map((t) => SEVERITIES.indexOf(String(t.severity)));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('exits 1 when an open threat reaches --fail-on, 0 otherwise', async () => {
    const high = await cli('analyze', PAYMENTS_FILE, '--fail-on', 'high');
    expect(high.code).toBe(1);
    expect(high.err).toMatch(
      /^bulwark: \d+ open threats at or above high \(first: BW-[A-Z]-\d{3}@[\w-]+, high\)\n$/,
    );
    expect((await cli('analyze', PAYMENTS_FILE, '--fail-on', 'critical')).code).toBe(0);
  });

  it('does not fail on threats the model has decided', async () => {
    const text = readFileSync(PAYMENTS_FILE, 'utf8');
    const out = join(dir, 'generated.json');
    // Analyse once, then mark every high threat accepted in the model file and re-run.
    const first = JSON.parse((await cli('analyze', PAYMENTS_FILE)).out) as {
      threats: { id: string; severity: string }[];
    };
    expect(first.threats.some((t) => t.severity === 'high')).toBe(true);
    const { parseModelFile, generateThreats, defaultLibrary, serializeModelFile } =
      await import('../../../core/threats');
    const parsed = parseModelFile(text, 'p.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const g = generateThreats(parsed.model, defaultLibrary());
    const highIds = new Set(first.threats.filter((t) => t.severity === 'high').map((t) => t.id));
    const decided = {
      ...g,
      threats: {
        ...g.threats,
        instances: g.threats.instances.map((t) =>
          highIds.has(t.id)
            ? {
                ...t,
                status: 'accepted' as const,
                acceptance: {
                  owner: 'CISO',
                  rationale: 'Tracked in JIRA-1',
                  expires: '2027-06-30' as never,
                },
              }
            : t,
        ),
      },
    };
    writeFileSync(out, serializeModelFile(decided));
    expect((await cli('analyze', out, '--fail-on', 'high')).code).toBe(0);
    expect((await cli('analyze', out, '--fail-on', 'elevated')).code).toBe(1);
  });

  it('writes Markdown, CSV and SARIF, to standard output or --out', async () => {
    const md = await cli('analyze', PAYMENTS_FILE, '--format', 'markdown');
    expect(md.out).toContain('# Threat model: Payments API');
    expect(md.out).toContain('```mermaid\nflowchart LR');
    const csv = await cli('analyze', PAYMENTS_FILE, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toMatch(/^Threat id,Title,Element,/);
    const target = join(dir, 'out.sarif');
    const sarif = await cli('analyze', PAYMENTS_FILE, '--format', 'sarif', '--out', target);
    expect(sarif).toEqual({ code: 0, out: '', err: '' });
    const log = JSON.parse(readFileSync(target, 'utf8')) as {
      version: string;
      runs: { results: { message: { text: string } }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.length).toBeGreaterThan(50);
  });

  it('exits 2 with one line naming the file and the place on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json')], /^bulwark: cannot read .*missing\.json: no such file\n$/],
      [
        [file('broken.json', '{\n  "format": "bulwark-threat-model",\n  "version": 1,,\n}')],
        /^bulwark: .*broken\.json is not valid JSON: line 3, column \d+: .+\n$/,
      ],
      [
        [
          file(
            'dangling.bulwark.json',
            JSON.stringify(
              {
                format: 'bulwark-threat-model',
                version: 1,
                model: {
                  id: 'm',
                  title: 'M',
                  apiIds: ['a'],
                  elements: [
                    { kind: 'process', id: 'p', name: 'P' },
                    { kind: 'data-flow', id: 'f', name: 'F', source: 'p', target: 'ghost' },
                  ],
                },
              },
              null,
              2,
            ),
          ),
        ],
        /^bulwark: .*dangling\.bulwark\.json, at model\.elements\[1\]\.target \(line 21, column 19\): There is no element with id "ghost"\.\n$/,
      ],
      [
        [file('foreign.json', '{"asyncapi": "3.0.0"}')],
        /^bulwark: .*foreign\.json is not a Bulwark model file/,
      ],
      [
        [file('bare.json', '{"openapi": "3.1.0"}')],
        /^bulwark: .*bare\.json:1:1: incomplete OpenAPI description: the required `info` object .* is missing\n$/,
      ],
      [[file('notes.txt', 'hello')], /^bulwark: .*notes\.txt: not a recognised input/],
      [[file('evil\nname.json', '[')], /^bulwark: .*evil name\.json is not valid JSON/],
      [
        [PAYMENTS_FILE, '--format', 'pdf'],
        /^bulwark: --format must be one of json, markdown, csv, sarif \(got 'pdf'\)\n$/,
      ],
      [
        [PAYMENTS_FILE, '--fail-on', 'severe'],
        /^bulwark: --fail-on must be one of low, medium, elevated, high, critical/,
      ],
      [[], /^bulwark: analyze: name the model file to analyse\n$/],
      [
        [PAYMENTS_FILE, '--out', join(dir, 'no', 'such', 'dir.json')],
        /^bulwark: cannot write .*dir\.json: /,
      ],
    ];
    for (const [argv, expected] of cases) {
      const r = await cli('analyze', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(expected);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
