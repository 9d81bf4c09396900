import { appendEntries, genesisHead } from '../../core/incidents/chain';
import type {
  ChainHead,
  CustodyEvent,
  Evidence,
  EvidenceId,
  Incident,
  IncidentId,
  TimelineDraft,
  TimelineEntry,
} from '../../core/incidents/types';
import type { IsoTimestamp } from '../../core/shared/brand';
import type { ThreatModelRecord } from '../../core/workspace/records';
import type { BulwarkDb, EvidenceContentRow } from './db';

// The incident room's repository. Every action in the room is one call of commitIncident:
// a pure change of the incident plus the timeline entries that record it, chained (core
// computes each hash from the previous one) and written with the incident in ONE
// read-write transaction. A crash or a full disk therefore never leaves an incident whose
// state and timeline disagree, and the chain head is read inside the transaction, so two
// appends (two tabs, a timer and a click) can never link to the same previous entry.
//
// The head is found through the compound primary key [incidentId+seq] (the last key of
// the incident's range): one index step, whatever the length of the timeline, which keeps
// an append at 100,000 entries as fast as at ten.

/** The incident is gone (deleted in another window, or a bad id). */
export class IncidentMissingError extends Error {
  override readonly name = 'IncidentMissingError';
  constructor(id: string) {
    super(`There is no incident with id "${id}" (deleted in another window?).`);
  }
}

/** What one action changes: the new incident, and the entries that record the change. */
export type IncidentChange = {
  readonly incident: Incident;
  readonly entries: readonly TimelineDraft[];
};

/** The result of a commit: the incident as stored and the chained entries written. */
export type Committed = { readonly incident: Incident; readonly entries: readonly TimelineEntry[] };

const range = (db: BulwarkDb, id: string, from: number, to: number) =>
  db.timeline.where('[incidentId+seq]').between([id, from], [id, to], true, false);

/** The chain head of a timeline: its last entry, or the empty head of a new incident. */
export async function timelineHead(db: BulwarkDb, id: IncidentId): Promise<ChainHead> {
  const last = await range(db, id, -1, Number.MAX_SAFE_INTEGER).last();
  return last ? { incidentId: id, seq: last.seq, hash: last.hash } : genesisHead(id);
}

/** Chains drafts onto a head (core computes every hash). */
const chain = appendEntries;

/**
 * Creates an incident and its first timeline entries (the declaration) in one transaction.
 * `add`, not `put`: a colliding id fails loudly rather than overwrite another incident.
 */
export async function createIncident(
  db: BulwarkDb,
  incident: Incident,
  entries: readonly TimelineDraft[],
): Promise<Committed> {
  return db.transaction('rw', db.incidents, db.timeline, async () => {
    await db.incidents.add(incident);
    const written = chain(genesisHead(incident.id), entries);
    await db.timeline.bulkAdd(written);
    return { incident, entries: written };
  });
}

/**
 * Applies one action: reads the incident inside a read-write transaction, calls the pure
 * `change` on it (null: nothing to do), chains its entries onto the head and writes both.
 * `change` must be synchronous and pure: it runs inside the transaction.
 */
export async function commitIncident(
  db: BulwarkDb,
  id: IncidentId,
  change: (current: Incident) => IncidentChange | null,
  updatedAt: number,
): Promise<Committed | null> {
  return db.transaction('rw', db.incidents, db.timeline, async () => {
    const current = await db.incidents.get(id);
    if (!current) throw new IncidentMissingError(id);
    const next = change(current);
    if (next === null) return null;
    const head = await timelineHead(db, id);
    const written = chain(head, next.entries);
    const incident: Incident = { ...next.incident, updatedAt };
    await db.timeline.bulkAdd(written);
    await db.incidents.put(incident);
    return { incident, entries: written };
  });
}

/** Every incident (live and exercise), most recently updated first. */
export async function listIncidents(db: BulwarkDb): Promise<Incident[]> {
  return db.incidents.orderBy('updatedAt').reverse().toArray();
}

/** One incident, or undefined when there is none with this id. */
export async function getIncident(db: BulwarkDb, id: string): Promise<Incident | undefined> {
  return db.incidents.get(id);
}

/** The incidents touching one inventory API (the multi-entry `*apiIds` index). */
export async function incidentsForApi(db: BulwarkDb, apiId: string): Promise<Incident[]> {
  return db.incidents.where('apiIds').equals(apiId).toArray();
}

/** Entries with `from <= seq < to`, in order: one page of the virtualized timeline. */
export async function timelineRange(
  db: BulwarkDb,
  id: IncidentId,
  from: number,
  to: number,
): Promise<TimelineEntry[]> {
  return range(db, id, from, to).toArray();
}

/** The whole timeline in order, for verification and exports. */
export async function readTimeline(db: BulwarkDb, id: IncidentId): Promise<TimelineEntry[]> {
  return range(db, id, -1, Number.MAX_SAFE_INTEGER).toArray();
}

/** The evidence of an incident (metadata only), oldest first. */
export async function listEvidence(db: BulwarkDb, id: IncidentId): Promise<Evidence[]> {
  const rows = await db.evidence.where('incidentId').equals(id).toArray();
  return rows.sort((a, b) => a.collectedAt - b.collectedAt || a.id.localeCompare(b.id));
}

/** The stored content of an evidence item. */
export async function getEvidenceContent(
  db: BulwarkDb,
  id: EvidenceId,
): Promise<EvidenceContentRow | undefined> {
  return db.evidenceContent.get(id);
}

/**
 * Stores an evidence item, its content and the timeline entry that records it, all in one
 * transaction with the incident's updatedAt (so the list re-sorts).
 */
export async function addEvidence(
  db: BulwarkDb,
  evidence: Evidence,
  content: EvidenceContentRow,
  entry: TimelineDraft,
  updatedAt: number,
): Promise<Committed> {
  return db.transaction(
    'rw',
    [db.incidents, db.timeline, db.evidence, db.evidenceContent],
    async () => {
      const current = await db.incidents.get(evidence.incidentId);
      if (!current) throw new IncidentMissingError(evidence.incidentId);
      const head = await timelineHead(db, evidence.incidentId);
      const written = chain(head, [entry]);
      const incident: Incident = { ...current, updatedAt };
      await db.evidence.add(evidence);
      await db.evidenceContent.put(content);
      await db.timeline.bulkAdd(written);
      await db.incidents.put(incident);
      return { incident, entries: written };
    },
  );
}

/** Appends one custody event to an evidence item, recorded in the timeline, in one transaction. */
export async function addCustodyEvent(
  db: BulwarkDb,
  evidenceId: EvidenceId,
  event: CustodyEvent,
  entry: TimelineDraft,
  updatedAt: number,
): Promise<Committed> {
  return db.transaction('rw', [db.incidents, db.timeline, db.evidence], async () => {
    const item = await db.evidence.get(evidenceId);
    if (!item) throw new Error(`There is no evidence item "${evidenceId}".`);
    const current = await db.incidents.get(item.incidentId);
    if (!current) throw new IncidentMissingError(item.incidentId);
    const head = await timelineHead(db, item.incidentId);
    const written = chain(head, [entry]);
    const incident: Incident = { ...current, updatedAt };
    await db.evidence.put({ ...item, custody: [...item.custody, event] });
    await db.timeline.bulkAdd(written);
    await db.incidents.put(incident);
    return { incident, entries: written };
  });
}

// Drafts: what the person has typed but not saved (a note, the review). Written as they
// type (debounced by the caller) and read back when the room opens after a reload or a
// crash. They live on this device only: a backup carries what was saved.

/** Stores a draft under its key. */
export async function saveDraft(
  db: BulwarkDb,
  key: string,
  value: unknown,
  savedAt: number,
): Promise<void> {
  await db.drafts.put({ key, value, savedAt });
}

/** A stored draft's value, or undefined. */
export async function readDraft(db: BulwarkDb, key: string): Promise<unknown> {
  return (await db.drafts.get(key))?.value;
}

/** Forgets a draft (after it was saved for real, or discarded). */
export async function clearDraft(db: BulwarkDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/**
 * Writes a threat model changed from the incident room (an action item turned into a
 * threat or mitigation) together with the incident change that links back to it, in one
 * transaction: the link exists both ways or not at all. The model must be validated by
 * the caller (core validateThreatModel) before it is passed here.
 */
export async function commitWithThreatModel(
  db: BulwarkDb,
  id: IncidentId,
  model: ThreatModelRecord,
  change: (current: Incident) => IncidentChange | null,
  updatedAt: number,
  modelUpdatedAt: IsoTimestamp,
): Promise<Committed | null> {
  return db.transaction('rw', [db.incidents, db.timeline, db.threatModels], async () => {
    const existing = await db.threatModels.get(model.id);
    if (!existing) throw new Error(`The threat model "${model.title}" no longer exists.`);
    const current = await db.incidents.get(id);
    if (!current) throw new IncidentMissingError(id);
    const next = change(current);
    if (next === null) return null;
    const head = await timelineHead(db, id);
    const written = chain(head, next.entries);
    const incident: Incident = { ...next.incident, updatedAt };
    await db.threatModels.put({
      ...model,
      createdAt: existing.createdAt,
      updatedAt: modelUpdatedAt,
    });
    await db.timeline.bulkAdd(written);
    await db.incidents.put(incident);
    return { incident, entries: written };
  });
}
