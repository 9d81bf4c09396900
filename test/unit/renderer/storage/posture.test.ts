import { afterEach, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../../core/backup/format';
import type { IncidentId, TimelineEntry } from '../../../../core/incidents/types';
import type { PostureSnapshot } from '../../../../core/posture';
import type { IsoDate, IsoTimestamp } from '../../../../core/shared/brand';
import { bulkAddApis } from '../../../../renderer/storage/apis';
import {
  exportWorkspace,
  readBackupFile,
  restoreWorkspace,
} from '../../../../renderer/storage/backup';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  deletePostureSnapshot,
  listPostureSnapshots,
  readPostureRecords,
  savePostureSnapshot,
} from '../../../../renderer/storage/posture';
import { entry } from '../../../fixtures/inventory';
import { freshDb } from './helpers';

const opened: BulwarkDb[] = [];
function db(): BulwarkDb {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

const snap = (id: string, takenAt: string, value: number | null): PostureSnapshot => ({
  id,
  takenAt: takenAt as IsoTimestamp,
  period: { from: '2026-07-01' as IsoDate, to: '2026-09-30' as IsoDate },
  figures: [{ id: 'inventory.in-service', label: 'APIs in service', unit: 'count', value }],
});
const DEPS = { now: () => new Date('2026-11-23T10:00:00.000Z'), appVersion: '0.1.0' };

describe('posture storage', () => {
  it('keeps snapshots and lists them newest first', async () => {
    const d = db();
    await savePostureSnapshot(d, snap('a', '2026-07-01T00:00:00.000Z', 3));
    await savePostureSnapshot(d, snap('b', '2026-10-01T00:00:00.000Z', null));
    expect((await listPostureSnapshots(d)).map((s) => s.id)).toEqual(['b', 'a']);
    await deletePostureSnapshot(d, 'b');
    expect((await listPostureSnapshots(d)).map((s) => s.id)).toEqual(['a']);
  });

  it('refuses a malformed snapshot and writes nothing', async () => {
    const d = db();
    const bad = { ...snap('x', 'yesterday', 1) };
    await expect(savePostureSnapshot(d, bad)).rejects.toThrow(/could not be kept/);
    expect(await listPostureSnapshots(d)).toEqual([]);
  });

  it('reads the records behind the figures together', async () => {
    const d = db();
    await bulkAddApis(d, [entry('a1'), entry('a2')]);
    const r = await readPostureRecords(d);
    expect(r.apis.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect(r.incidents).toEqual([]);
  });

  it('reads only the role assignments and handoffs of the timelines', async () => {
    const d = db();
    const e = (seq: number, kind: TimelineEntry['kind'], roleId: string): TimelineEntry => ({
      incidentId: 'inc-1' as IncidentId,
      seq,
      at: 1_000 + seq,
      recordedAt: 1_000 + seq,
      actor: 'Ann',
      kind,
      text: 'x',
      data: { roleId },
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    });
    await d.timeline.bulkAdd([
      e(0, 'note', ''),
      e(1, 'role-assigned', 'incident-commander'),
      e(2, 'role-handoff', 'incident-commander'),
    ]);
    const r = await readPostureRecords(d);
    expect(r.timeline.map((t) => t.seq)).toEqual([1, 2]);
  });

  it('carries snapshots through a backup and restore', async () => {
    const from = db();
    await savePostureSnapshot(from, snap('q3', '2026-10-01T00:00:00.000Z', 6));
    const text = serializeBackup(await exportWorkspace(from, DEPS));
    const parsed = readBackupFile(text, 'b.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const to = db();
    await savePostureSnapshot(to, snap('old', '2025-01-01T00:00:00.000Z', 1));
    await restoreWorkspace(to, parsed.backup);
    expect(await listPostureSnapshots(to)).toEqual([snap('q3', '2026-10-01T00:00:00.000Z', 6)]);
  });

  it('restores a format 3 backup written before snapshots existed as having none', async () => {
    const from = db();
    const backup = await exportWorkspace(from, DEPS);
    const withoutSnapshots = JSON.parse(serializeBackup(backup)) as {
      data: Record<string, unknown>;
    };
    delete withoutSnapshots.data.postureSnapshots;
    const parsed = readBackupFile(JSON.stringify(withoutSnapshots), 'old.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const to = db();
    await savePostureSnapshot(to, snap('old', '2025-01-01T00:00:00.000Z', 1));
    await restoreWorkspace(to, parsed.backup);
    expect(await listPostureSnapshots(to)).toEqual([]);
  });

  it('names the place of a bad snapshot in a backup', async () => {
    const from = db();
    await savePostureSnapshot(from, snap('q3', '2026-10-01T00:00:00.000Z', 6));
    const json = JSON.parse(serializeBackup(await exportWorkspace(from, DEPS))) as {
      data: { postureSnapshots: { figures: { unit: string }[] }[] };
    };
    const first = json.data.postureSnapshots[0]?.figures[0];
    if (first) first.unit = 'furlongs';
    const parsed = readBackupFile(JSON.stringify(json), 'b.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toMatch(
        /^b\.json, at data\.postureSnapshots\[0\]\.figures\[0\]\.unit: /,
      );
  });
});
