import { afterEach, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../../core/backup/format';
import {
  declareIncident,
  verifyChain,
  type Evidence,
  type EvidenceId,
  type Incident,
  type IncidentId,
  type TimelineDraft,
} from '../../../../core/incidents';
import {
  exportWorkspace,
  readBackupFile,
  restoreWorkspace,
} from '../../../../renderer/storage/backup';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  addCustodyEvent,
  addEvidence,
  clearDraft,
  commitIncident,
  createIncident,
  getEvidenceContent,
  getIncident,
  IncidentMissingError,
  listEvidence,
  listIncidents,
  readDraft,
  readTimeline,
  saveDraft,
  timelineHead,
  timelineRange,
} from '../../../../renderer/storage/incidents';
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

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const ID = 'inc-1' as IncidentId;

function incident(id = ID, mode: 'live' | 'exercise' = 'live'): Incident {
  return declareIncident({
    id,
    now: T0,
    title: 'Leaked key',
    severity: 'SEV2',
    mode,
    declaredBy: 'Ada',
    timeZone: 'Europe/Berlin',
  });
}

const draft = (text: string, at = T0): TimelineDraft => ({
  at,
  recordedAt: at,
  actor: 'Ada',
  kind: 'note',
  text,
});

describe('incident repository', () => {
  it('creates an incident with its declaration entries chained from the genesis hash', async () => {
    const d = db();
    const { entries } = await createIncident(d, incident(), [draft('declared'), draft('second')]);
    expect(entries.map((e) => e.seq)).toEqual([0, 1]);
    expect(await getIncident(d, ID)).toEqual(incident());
    const timeline = await readTimeline(d, ID);
    expect(verifyChain(timeline)).toEqual({ ok: true, length: 2, head: entries[1]?.hash });
  });

  it('commits a change and its entries together, linking onto the stored head', async () => {
    const d = db();
    await createIncident(d, incident(), [draft('declared')]);
    const done = await commitIncident(
      d,
      ID,
      (current) => ({
        incident: { ...current, status: 'investigating' },
        entries: [draft('a'), draft('b')],
      }),
      T0 + 5000,
    );
    expect(done?.entries.map((e) => e.seq)).toEqual([1, 2]);
    const stored = await getIncident(d, ID);
    expect(stored?.status).toBe('investigating');
    expect(stored?.updatedAt).toBe(T0 + 5000);
    expect(await timelineHead(d, ID)).toEqual({
      incidentId: ID,
      seq: 2,
      hash: done?.entries[1]?.hash,
    });
    expect(verifyChain(await readTimeline(d, ID)).ok).toBe(true);
  });

  it('writes nothing when the change throws: incident and timeline stay as they were', async () => {
    const d = db();
    await createIncident(d, incident(), [draft('declared')]);
    await expect(
      commitIncident(
        d,
        ID,
        () => {
          throw new Error('boom');
        },
        T0,
      ),
    ).rejects.toThrow('boom');
    // A draft that is not JSON fails while hashing, after the incident was changed.
    await expect(
      commitIncident(
        d,
        ID,
        (c) => ({
          incident: { ...c, title: 'changed' },
          entries: [draft('ok'), { ...draft('bad'), data: { n: Number.NaN } }],
        }),
        T0,
      ),
    ).rejects.toThrow();
    expect((await getIncident(d, ID))?.title).toBe('Leaked key');
    expect((await readTimeline(d, ID)).map((e) => e.text)).toEqual(['declared']);
  });

  it('keeps one chain when many commits race (each links to the head read in its transaction)', async () => {
    const d = db();
    await createIncident(d, incident(), [draft('declared')]);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        commitIncident(d, ID, (c) => ({ incident: c, entries: [draft(`note ${String(i)}`)] }), T0),
      ),
    );
    const timeline = await readTimeline(d, ID);
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i));
    expect(verifyChain(timeline).ok).toBe(true);
  });

  it('skips a change that returns null, and refuses a missing incident by name', async () => {
    const d = db();
    await createIncident(d, incident(), [draft('declared')]);
    expect(await commitIncident(d, ID, () => null, T0 + 1)).toBeNull();
    expect((await getIncident(d, ID))?.updatedAt).toBe(T0);
    await expect(commitIncident(d, 'nope' as IncidentId, () => null, T0)).rejects.toBeInstanceOf(
      IncidentMissingError,
    );
  });

  it('reads a page of the timeline by seq range, and lists incidents newest first', async () => {
    const d = db();
    await createIncident(
      d,
      incident(),
      Array.from({ length: 10 }, (_, i) => draft(String(i))),
    );
    await createIncident(d, { ...incident('inc-2' as IncidentId), updatedAt: T0 + 1 }, [
      draft('x'),
    ]);
    expect((await timelineRange(d, ID, 3, 6)).map((e) => e.text)).toEqual(['3', '4', '5']);
    expect((await listIncidents(d)).map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
  });

  it('stores evidence, its content and custody with timeline entries in the same chain', async () => {
    const d = db();
    await createIncident(d, incident(), [draft('declared')]);
    const item: Evidence = {
      id: 'ev-1' as EvidenceId,
      incidentId: ID,
      name: 'gateway.log',
      kind: 'text',
      mediaType: 'text/plain',
      size: 5,
      sha256: 'a'.repeat(64),
      source: 'gateway',
      collectedBy: 'Ada',
      collectedAt: T0,
      description: '',
      custody: [{ at: T0, by: 'Ada', action: 'collected', note: '' }],
    };
    await addEvidence(
      d,
      item,
      { id: 'ev-1', encoding: 'utf8', content: 'hello' },
      draft('evidence'),
      T0 + 1,
    );
    await addCustodyEvent(
      d,
      item.id,
      { at: T0 + 2, by: 'Bo', action: 'transferred', note: 'to legal' },
      draft('custody'),
      T0 + 2,
    );
    const [stored] = await listEvidence(d, ID);
    expect(stored?.custody.map((c) => c.action)).toEqual(['collected', 'transferred']);
    expect(await getEvidenceContent(d, item.id)).toEqual({
      id: 'ev-1',
      encoding: 'utf8',
      content: 'hello',
    });
    const timeline = await readTimeline(d, ID);
    expect(timeline.map((e) => e.text)).toEqual(['declared', 'evidence', 'custody']);
    expect(verifyChain(timeline).ok).toBe(true);
  });

  it('keeps, returns and forgets drafts', async () => {
    const d = db();
    await saveDraft(d, 'note:inc-1', 'half a sentence', T0);
    expect(await readDraft(d, 'note:inc-1')).toBe('half a sentence');
    await clearDraft(d, 'note:inc-1');
    expect(await readDraft(d, 'note:inc-1')).toBeUndefined();
  });
});

describe('backup format 3', () => {
  it('round-trips incidents, their chained timeline and evidence (drafts stay behind)', async () => {
    const source = db();
    await createIncident(source, incident(), [draft('declared'), draft('note')]);
    await addEvidence(
      source,
      {
        id: 'ev-1' as EvidenceId,
        incidentId: ID,
        name: 'a.bin',
        kind: 'file',
        mediaType: 'application/octet-stream',
        size: 3,
        sha256: 'b'.repeat(64),
        source: '',
        collectedBy: 'Ada',
        collectedAt: T0,
        description: '',
        custody: [],
      },
      { id: 'ev-1', encoding: 'base64', content: 'AAEC' },
      draft('evidence'),
      T0,
    );
    await saveDraft(source, 'note:inc-1', 'unsaved', T0);
    const backup = await exportWorkspace(source, { now: () => new Date(T0), appVersion: 'test' });
    const parsed = readBackupFile(serializeBackup(backup), 'b.json');
    if (!parsed.ok) throw new Error(parsed.error);

    const target = db();
    await saveDraft(target, 'note:other', 'old draft', T0);
    await restoreWorkspace(target, parsed.backup);
    expect(await getIncident(target, ID)).toEqual(incident());
    const timeline = await readTimeline(target, ID);
    expect(timeline.map((e) => e.text)).toEqual(['declared', 'note', 'evidence']);
    expect(verifyChain(timeline).ok).toBe(true);
    expect(await getEvidenceContent(target, 'ev-1' as EvidenceId)).toEqual({
      id: 'ev-1',
      encoding: 'base64',
      content: 'AAEC',
    });
    expect(await target.drafts.count()).toBe(0);
  });

  it('refuses timeline entries of an incident that is not in the backup, naming the place', async () => {
    const source = db();
    await createIncident(source, incident(), [draft('declared')]);
    const backup = await exportWorkspace(source, { now: () => new Date(T0), appVersion: 'test' });
    const broken = { ...backup, data: { ...backup.data, incidents: [] } };
    const r = readBackupFile(JSON.stringify(broken), 'b.json');
    expect(!r.ok && r.error).toBe(
      'b.json, at data.timeline[0].incidentId: no incident "inc-1" in this backup. Nothing was restored.',
    );
  });

  it('restores a version 2 file as a workspace without incidents', async () => {
    const target = db();
    await createIncident(target, incident(), [draft('declared')]);
    const v2 = {
      format: 'bulwark-workspace-backup',
      version: 2,
      exportedAt: '2026-11-23T10:00:00.000Z',
      appVersion: '0.1.0',
      data: {
        apis: [],
        threatModels: [],
        playbooks: [],
        ruleLibrary: { disabled: [], custom: [] },
      },
    };
    const r = readBackupFile(JSON.stringify(v2), 'v2.json');
    if (!r.ok) throw new Error(r.error);
    await restoreWorkspace(target, r.backup);
    expect(await listIncidents(target)).toEqual([]);
    expect(await target.timeline.count()).toBe(0);
  });
});
