import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { bundleToJson, createBundle, type IncidentBundle } from '../../../core/incidents/bundle';
import type { TimelineEntry } from '../../../core/incidents/types';
import { T0, sampleIncident, timelineOf } from '../core/incidents/helpers';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-verify-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const incident = sampleIncident();
const timeline = timelineOf(
  incident,
  Array.from({ length: 8 }, (_, i) => ({
    at: T0 + i * 60_000,
    recordedAt: T0 + i * 60_000,
    actor: 'Ana',
    kind: i === 0 ? 'declared' : 'note',
    text: `entry ${i}`,
  })),
);
const bundle = createBundle({
  incident,
  timeline,
  evidence: [],
  exportedAt: T0 + 86_400_000,
  exportedBy: 'Ana',
  appVersion: '0.0.0-test',
});
const withTimeline = (t: readonly TimelineEntry[]): IncidentBundle => ({ ...bundle, timeline: t });

function expectOneLineReason(err: string) {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^bulwark: /);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('bulwark verify', () => {
  it('exits 0 and prints the head when the chain is intact', async () => {
    const file = write('ok.json', bundleToJson(bundle));
    const r = await cli('verify', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${file}: intact — 8 timeline entries, head ${timeline[7]?.hash ?? ''}\n`);
    const json = await cli('verify', file, '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, length: 8, incidentId: 'inc-7' });
  });

  it.each([
    ['altered', timeline.map((e) => (e.seq === 3 ? { ...e, text: 'edited' } : e)), 3],
    ['removed', timeline.filter((e) => e.seq !== 4), 4],
    ['removed', timeline.slice(0, 6), 6],
    [
      'reordered',
      [
        ...timeline.slice(0, 2),
        ...[timeline[3], timeline[2]].flatMap((e) => (e ? [e] : [])),
        ...timeline.slice(4),
      ],
      3,
    ],
    ['inserted', [...timeline.slice(0, 5), ...timeline.slice(4)], 4],
  ] as const)(
    'exits 1 when an entry was %s, naming the first bad entry',
    async (kind, t, first) => {
      const file = write(`${kind}-${first}.json`, bundleToJson(withTimeline(t)));
      const r = await cli('verify', file);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`: ${kind} — first bad entry ${first} `);
      expect(r.out.trim().split('\n')).toHaveLength(1);
    },
  );

  it('exits 2 with line and column for broken JSON', async () => {
    const text = bundleToJson(bundle);
    const file = write('truncated.json', text.slice(0, 200));
    const r = await cli('verify', file);
    expect(r.code).toBe(2);
    expectOneLineReason(r.err);
    expect(r.err).toMatch(/truncated\.json: line \d+, column \d+: /);
    const bad = write('comma.json', '{\n  "format": "bulwark-incident-bundle",,\n}');
    expect((await cli('verify', bad)).err).toContain('comma.json: line 2, column 39: ');
  });

  it('exits 2 naming the field of a structurally bad bundle', async () => {
    const wrong = JSON.parse(bundleToJson(bundle)) as { timeline: { seq: unknown }[] };
    const first = wrong.timeline[2];
    if (first) first.seq = 'two';
    const r = await cli('verify', write('seq.json', JSON.stringify(wrong)));
    expect(r.code).toBe(2);
    expectOneLineReason(r.err);
    expect(r.err).toContain('timeline[2].seq: The seq must be a number.');
    const other = await cli('verify', write('other.json', '{"format":"something-else"}'));
    expect(other.code).toBe(2);
    expect(other.err).toContain('format: This is not an incident bundle');
  });

  it('exits 2 for a missing file and bad arguments', async () => {
    const missing = await cli('verify', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    expect((await cli('verify')).code).toBe(2);
    expect((await cli('verify', 'a', 'b')).code).toBe(2);
    expect((await cli('verify', '--format', 'xml', 'a')).code).toBe(2);
    const help = await cli('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: bulwark verify');
    expect((await cli('--help')).out).toContain('verify');
  });
});
