import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { postureBackup, postureBackupText } from '../../fixtures/posture/backup';
import { serializeBackup } from '../../../core/backup/format';
import type { TimelineEntry } from '../../../core/incidents/types';

// The backup holds the posture fixture (test/fixtures/posture) as a format 3 file, its
// incidents as incident-room records. Expected values are the ones worked out by hand in
// test/unit/core/posture/compute.test.ts; the CLI counts the built-in playbooks.

const BACKUP = join(mkdtempSync(join(tmpdir(), 'bulwark-report-')), 'workspace-backup.json');
writeFileSync(BACKUP, postureBackupText());
const AT = ['--from', '2026-07-01', '--to', '2026-09-30', '--now', '2026-10-15T12:00:00Z'];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type Json = {
  format: string;
  period: { from: string; to: string };
  previous: { from: string; to: string };
  figures: {
    id: string;
    value: number | null;
    previous: number | null;
    definition: string;
    unit: string;
    drill: { kind: string; id: string }[];
  }[];
};

describe('bulwark report posture', () => {
  it('prints the figures with their definitions as JSON', async () => {
    const r = await cli('report', 'posture', BACKUP, ...AT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json.format).toBe('bulwark-posture');
    expect(json.period).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(json.previous).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    const f = (id: string) => json.figures.find((x) => x.id === id);
    expect(f('inventory.in-service')).toMatchObject({ value: 6, previous: 5, unit: 'count' });
    expect(f('design.current-model-share')).toMatchObject({
      value: 20,
      previous: 50,
      unit: 'percent',
    });
    expect(f('design.accepted-expired')?.drill).toEqual([
      { kind: 'threat', id: 'c5@e2', label: 'Threat c5 — Records service', parent: 'tm2' },
    ]);
    // Read through the incident-room adapter: live incidents only, i4 (an exercise) left out.
    expect(f('response.incidents')).toMatchObject({ value: 3, previous: 1 });
    expect(f('response.exercises-excluded')).toMatchObject({ value: 1 });
    // Contained from detection (core/incidents' definition): i1 6 h, i2 8 h, i3 3 h → 6;
    // Q2 i5 4 h. As a backup, each incident was declared at its earliest key time, before
    // (or at) its detection, so every acknowledgement takes 0 h.
    expect(f('response.ttc.median')).toMatchObject({ value: 6, previous: 4, unit: 'hours' });
    expect(f('response.tta.p90')).toMatchObject({ value: 0, previous: 0 });
    expect(f('response.notifications-on-time-share')).toMatchObject({
      value: 33.3,
      previous: null,
    });
    expect(f('response.notifications-missed')?.drill).toEqual([
      { kind: 'notification', id: 'n3', label: 'n3 — Leaked key', parent: 'i2' },
    ]);
    expect(f('response.action-items-overdue')).toMatchObject({ value: 2, previous: 1 });
    // Exercises read through the exercises adapter, with the hand-worked answers.
    expect(f('preparedness.exercises-12m')).toMatchObject({ value: 1, previous: 1 });
    expect(f('preparedness.days-since-exercise')).toMatchObject({ value: 41, previous: 302 });
    expect(f('preparedness.evaluation.S')).toMatchObject({ value: 2, previous: 0 });
    expect(f('preparedness.improvements-overdue')?.drill.map((r) => r.id)).toEqual([
      'imp1',
      'imp3',
    ]);
    for (const x of json.figures) expect(x.definition.length).toBeGreaterThan(20);
  });

  it('writes Markdown and HTML to a file with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-report-'));
    const md = join(dir, 'board.md');
    expect(
      (await cli('report', 'posture', BACKUP, ...AT, '--format', 'markdown', '--out', md)).code,
    ).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('# API security posture: Q3 2026');
    const html = join(dir, 'board.html');
    expect(
      (await cli('report', 'posture', BACKUP, ...AT, '--format', 'html', '--out', html)).code,
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<h1>API security posture: Q3 2026</h1>');
  });

  it('defaults to the calendar quarter containing --now', async () => {
    const r = await cli('report', 'posture', BACKUP, '--now', '2026-08-10T00:00:00Z');
    expect((JSON.parse(r.out) as Json).period).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    const y = await cli(
      'report',
      'posture',
      BACKUP,
      '--now',
      '2026-08-10T00:00:00Z',
      '--period',
      'year',
    );
    expect((JSON.parse(y.out) as Json).period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('exits 2 naming the file and the place of an invalid record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-report-'));
    const bad = JSON.parse(readFileSync(BACKUP, 'utf8')) as {
      data: { apis: { lifecycle: string }[] };
    };
    const first = bad.data.apis[2];
    if (first) first.lifecycle = 'sunset';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli('report', 'posture', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^bulwark: bad\.json, at data\.apis\[2\]\.lifecycle: /);
  });

  it('exits 2 on broken JSON with the line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-report-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "format": "bulwark-workspace-backup",\n  "version": 2,,\n}');
    const r = await cli('report', 'posture', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json is not valid JSON: .*line 3/);
  });

  it('exits 2 on a missing file and on bad arguments', async () => {
    expect((await cli('report', 'posture', '/nonexistent/x.json')).err).toMatch(
      /cannot read .*no such file/,
    );
    const cases: [string[], RegExp][] = [
      [['report'], /name the report/],
      [['report', 'risk', BACKUP], /unknown report 'risk'/],
      [['report', 'posture'], /name the backup file/],
      [
        ['report', 'posture', BACKUP, '--format', 'pdf'],
        /--format must be one of json, markdown, html/,
      ],
      [['report', 'posture', BACKUP, '--from', '2026-07-01'], /--from and --to go together/],
      [
        ['report', 'posture', BACKUP, '--from', '2026-09-01', '--to', '2026-07-01'],
        /starts .* after it ends/,
      ],
      [['report', 'posture', BACKUP, '--now', 'yesterday'], /--now must be an ISO timestamp/],
      [['report', 'posture', BACKUP, '--review-days', '0'], /--review-days must be a whole number/],
      [['report', 'posture', BACKUP, '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.err).toMatch(message);
    }
  });

  it('is listed in the help', async () => {
    expect((await cli('--help')).out).toMatch(/report\s+compute the security posture report/);
  });

  it("reads the backup's timeline: an incident-commander assignment acknowledges", async () => {
    // i1 (detected 2 Jul 06:00) is declared only at 11:00 and has no aware time, but a
    // commander was assigned at 06:30: acknowledged after 0.5 h, not 5 h. i2 and i3 were
    // declared before or at detection (0 h). Q3 sample 0 0 0.5: p90 rank ⌈0.9×3⌉ = 3 → 0.5.
    const b = postureBackup();
    const detected = Date.parse('2026-07-02T06:00:00.000Z');
    const H = 3_600_000;
    const incidents = b.data.incidents.map((i) => {
      if (i.id !== 'i1') return i;
      const keyTimes = { ...i.keyTimes };
      delete keyTimes.aware;
      return { ...i, createdAt: detected + 5 * H, keyTimes };
    });
    const entry = (seq: number, at: number, roleId: string): TimelineEntry => ({
      incidentId: 'i1' as TimelineEntry['incidentId'],
      seq,
      at,
      recordedAt: at,
      actor: 'Ann',
      kind: 'role-assigned',
      text: `Ann took ${roleId}`,
      data: { roleId, person: 'Ann' },
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    });
    // A scribe assigned earlier does not acknowledge; only the commander does.
    const timeline = [
      entry(0, detected + 0.25 * H, 'scribe'),
      entry(1, detected + 0.5 * H, 'incident-commander'),
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'bulwark-report-')), 'commander.json');
    writeFileSync(file, serializeBackup({ ...b, data: { ...b.data, incidents, timeline } }));
    const r = await cli('report', 'posture', file, ...AT, '--format', 'json');
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Json;
    expect(json.figures.find((x) => x.id === 'response.tta.p90')?.value).toBe(0.5);
  });
});
