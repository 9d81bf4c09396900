import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../bin/cli';
import { parseModelFile } from '../../../core/threats';
import { sharedFixture } from '../../fixtures/shared';
import { PAYMENTS_FILE } from '../../fixtures/threats/models';

// The .tm7 sample is 1.2 MB: a generous limit on a shared machine, not a speed claim.
vi.setConfig({ testTimeout: 30_000 });

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-convert-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const TD_V2 = sharedFixture('threat-dragon', 'v2-threat-model.json');
const TM7 = sharedFixture('tm7', 'MTMT_example.tm7');
const OTM_YAML = sharedFixture('otm', 'EXAMPLE.yaml');

describe('bulwark convert', () => {
  it('is listed in the help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/^ {2}convert {10}/m);
  });

  it('converts a Threat Dragon model to a Bulwark model file that Bulwark reads back', async () => {
    const r = await cli('convert', TD_V2, '--to', 'bulwark');
    expect(r.code).toBe(0);
    const parsed = parseModelFile(r.out, 'out.bulwark.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.model.title).toBe('Demo Threat Model');
      expect(parsed.model.id).toBe('v2-threat-model');
      expect(parsed.model.threats.instances).toHaveLength(14);
    }
    // What Threat Dragon had and Bulwark does not keep goes to stderr, with its line.
    expect(r.err).toMatch(
      /^bulwark: not carried from Threat Dragon v2 JSON: .*v2-threat-model\.json:4:\d+: The owner \("Mike Goodwin"\)\. \(at \/summary\/owner\)$/m,
    );
  });

  it('converts a .tm7 to OTM that validates against the OTM schema, written with --out', async () => {
    const out = join(dir, 'mtmt.otm.json');
    const r = await cli('convert', TM7, '--to', 'otm', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const schema = JSON.parse(
      readFileSync(sharedFixture('otm', 'otm_schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    const otm = JSON.parse(readFileSync(out, 'utf8')) as {
      components: unknown[];
      dataflows: unknown[];
    };
    expect(validate(otm)).toBe(true);
    expect(otm.components).toHaveLength(4);
    expect(otm.dataflows).toHaveLength(6);
    expect(r.err).toMatch(
      /not carried from Microsoft Threat Modeling Tool \(\.tm7\): .*embedded threat template/,
    );
  });

  it('converts a Bulwark model file to Threat Dragon, listing rule ids it cannot carry', async () => {
    const analysed = await cli('convert', PAYMENTS_FILE, '--to', 'threat-dragon');
    expect(analysed.code).toBe(0);
    const td = JSON.parse(analysed.out) as {
      version: string;
      detail: { diagrams: { cells: unknown[] }[] };
    };
    expect(td.version).toMatch(/^2\./);
    expect(td.detail.diagrams[0]?.cells.length).toBeGreaterThan(5);
    expect(analysed.err).toMatch(
      /^bulwark: not carried to Threat Dragon: Recorded controls and properties/m,
    );
  });

  it('reads OTM YAML', async () => {
    const r = await cli('convert', OTM_YAML, '--to', 'threat-dragon');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*EXAMPLE\.yaml.*Line 133/);
  });

  it('exits 2 with the reason and the place for a malformed model, without a stack trace', async () => {
    const r = await cli(
      'convert',
      sharedFixture('threat-dragon', 'v2-malformed-new-model.json'),
      '--to',
      'otm',
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^bulwark: .*v2-malformed-new-model\.json:3:\d+: the summary needs a "title" text \(found "titled" instead\)\. \(at \/summary\)\n$/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for broken XML, broken JSON, unknown files and bad arguments', async () => {
    const xml = await cli(
      'convert',
      file('cut.tm7', readFileSync(TM7, 'utf8').slice(0, 3000)),
      '--to',
      'otm',
    );
    expect(xml.code).toBe(2);
    expect(xml.err).toMatch(/cut\.tm7:1:\d+: not well-formed XML/);
    const json = await cli(
      'convert',
      file('bad.json', '{"summary": {"title": "x"},\n "detail": {"diagrams": [}}'),
      '--to',
      'otm',
    );
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/bad\.json:2:\d+: not valid JSON/);
    const text = await cli('convert', file('notes.txt', 'hello'), '--to', 'otm');
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/not a recognised threat model/);
    expect((await cli('convert', TD_V2)).code).toBe(2);
    expect((await cli('convert', TD_V2, '--to', 'pdf')).err).toMatch(
      /--to must be one of bulwark, threat-dragon, otm/,
    );
    expect((await cli('convert', join(dir, 'missing.json'), '--to', 'otm')).err).toMatch(
      /no such file/,
    );
  });
});

describe('bulwark analyze on exchange formats', () => {
  it('analyses a Threat Dragon model, keeping its threats and adding rule threats', async () => {
    const r = await cli('analyze', TD_V2);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      threats: { ruleId: string | null; title: string; status: string }[];
    };
    expect(json.threats.some((t) => t.title === 'Accessing DB credentials')).toBe(true);
    expect(json.threats.some((t) => t.ruleId !== null)).toBe(true);
    expect(r.err).toMatch(/not carried: .*The owner/);
  });

  it('analyses a .tm7 and an OTM YAML file directly', async () => {
    const tm7 = await cli('analyze', TM7, '--format', 'csv');
    expect(tm7.code).toBe(0);
    expect(tm7.out.split('\n').length).toBeGreaterThan(43);
    const otm = await cli('analyze', OTM_YAML);
    expect(otm.code).toBe(0);
    expect((JSON.parse(otm.out) as { model: { elements: unknown[] } }).model.elements).toHaveLength(
      8,
    );
  });

  it('points SARIF results at the element in the source file', async () => {
    const r = await cli('analyze', TD_V2, '--format', 'sarif');
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.out) as {
      runs: {
        results: { locations?: { physicalLocation: { region?: { startLine: number } } }[] }[];
      }[];
    };
    const lines =
      sarif.runs[0]?.results.map((x) => x.locations?.[0]?.physicalLocation.region?.startLine) ?? [];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof l === 'number' && l > 1)).toBe(true);
  });

  it('exits 2 on a malformed exchange file with its place', async () => {
    const r = await cli('analyze', sharedFixture('threat-dragon', 'malformed-new-model.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /malformed-new-model\.json:3:\d+: a Threat Dragon model needs a "summary" object \(found "summarize" instead\)/,
    );
  });
});
