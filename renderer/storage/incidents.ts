import Dexie, { type Transaction } from 'dexie';
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
import { appendFromMemory } from './incident-append';

export { sameData } from './incident-append';

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
//
// A room appends many times to one incident, so this window remembers what its last
// commit stored (the incident and the chain head) and the next commit starts from that:
// it chains onto the remembered head at once and sends the checks and the writes to
// IndexedDB together, one round trip instead of three. The memory is only a guess, never
// trusted: inside the same read-write transaction the stored incident must equal the
// remembered one and the stored entry at the remembered seq must carry the remembered
// hash, and the new entries are added with `add`, so an entry already at the next seq
// (appended by another window) fails the transaction. Any failed check aborts it (nothing
// written) and the commit runs again the slow way, reading the incident and the head.
// Commits of one incident from this window run one after the other, in call order, so
// they never trip over each other's guesses.

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

/** What is stored for an incident after a commit: the incident and its chain head. */
export type KnownIncident = { readonly incident: Incident; readonly head: ChainHead };

/** What a commit of this window stored: the incident, its new head and the entries written. */
export type CommitNotice = KnownIncident & { readonly written: readonly TimelineEntry[] };

type Remembered = {
  readonly known: Map<string, KnownIncident>;
  readonly queues: Map<string, Promise<unknown>>;
  readonly listeners: Set<(notice: CommitNotice) => void>;
};
const remembered = new WeakMap<BulwarkDb, Remembered>();
function memoryOf(db: BulwarkDb): Remembered {
  let m = remembered.get(db);
  if (!m) {
    m = { known: new Map(), queues: new Map(), listeners: new Set() };
    remembered.set(db, m);
  }
  return m;
}

/** The head after a commit: its last written entry, or the head it started from. */
const headAfter = (head: ChainHead, written: readonly TimelineEntry[]): ChainHead => {
  const last = written.at(-1);
  return last ? { incidentId: head.incidentId, seq: last.seq, hash: last.hash } : head;
};

/**
 * Remembers what a finished commit stored and tells the watchers (incident-watch.ts).
 * Called only after the transaction completed, so an aborted write is never remembered.
 */
function remember(db: BulwarkDb, notice: CommitNotice): void {
  const m = memoryOf(db);
  m.known.set(notice.incident.id, { incident: notice.incident, head: notice.head });
  for (const listener of [...m.listeners]) listener(notice);
}

/**
 * Calls `listener` with what each commit of this window stored (the room's watch and its
 * timeline take it from there instead of reading it back); returns the unsubscribe.
 */
export function onIncidentCommitted(
  db: BulwarkDb,
  listener: (notice: CommitNotice) => void,
): () => void {
  const { listeners } = memoryOf(db);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Runs `task` after every earlier task queued for the same incident has settled. */
function inOrder<T>(db: BulwarkDb, id: string, task: () => Promise<T>): Promise<T> {
  const { queues } = memoryOf(db);
  const result = (queues.get(id) ?? Promise.resolve()).then(task);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(id, settled);
  void settled.then(() => {
    if (queues.get(id) === settled) queues.delete(id);
  });
  return result;
}

type Written = Committed & { readonly head: ChainHead };

/** Called inside a caller's transaction (Dexie types currentTransaction as never null). */
const insideTransaction = (): boolean => (Dexie.currentTransaction as Transaction | null) !== null;

/**
 * Runs a write of an incident and its timeline, then remembers what it stored. Inside a
 * caller's transaction (an exercise action), which may still abort, nothing is
 * remembered and the memory is dropped instead.
 */
async function remembering(
  db: BulwarkDb,
  write: () => Promise<Written | null>,
): Promise<Committed | null> {
  const nested = insideTransaction();
  if (nested) memoryOf(db).known.clear();
  const done = await write();
  if (done && !nested)
    remember(db, { incident: done.incident, head: done.head, written: done.entries });
  return done && { incident: done.incident, entries: done.entries };
}

/**
 * Creates an incident and its first timeline entries (the declaration) in one transaction.
 * `add`, not `put`: a colliding id fails loudly rather than overwrite another incident.
 */
export async function createIncident(
  db: BulwarkDb,
  incident: Incident,
  entries: readonly TimelineDraft[],
): Promise<Committed> {
  const done = await remembering(db, () =>
    db.transaction('rw', db.incidents, db.timeline, async () => {
      await db.incidents.add(incident);
      const head = genesisHead(incident.id);
      const written = chain(head, entries);
      await db.timeline.bulkAdd(written);
      return { incident, entries: written, head: headAfter(head, written) };
    }),
  );
  if (!done) throw new Error('createIncident: the write returned nothing.');
  return done;
}

/**
 * Applies one action: calls the pure `change` on the stored incident (null: nothing to
 * do), chains its entries onto the head and writes both in one read-write transaction,
 * from this window's memory when it still matches what is stored (see the top of this
 * file). `change` must be synchronous and pure: it may run more than once (again on the
 * stored incident when the memory was stale) and only its last result is written.
 */
export async function commitIncident(
  db: BulwarkDb,
  id: IncidentId,
  change: (current: Incident) => IncidentChange | null,
  updatedAt: number,
): Promise<Committed | null> {
  if (insideTransaction()) return remembering(db, () => commitReading(db, id, change, updatedAt));
  return inOrder(db, id, () =>
    remembering(db, async () => {
      const known = memoryOf(db).known.get(id);
      if (known) {
        try {
          const done = await commitFromMemory(db, known, change, updatedAt);
          if (done) return done;
        } catch {
          // A stale memory, or an error the slow way meets again and reports (a failing
          // change, a bad draft, a missing incident).
          memoryOf(db).known.delete(id);
        }
      }
      return commitReading(db, id, change, updatedAt);
    }),
  );
}

/** The commit that reads the incident and the head inside its transaction. */
async function commitReading(
  db: BulwarkDb,
  id: IncidentId,
  change: (current: Incident) => IncidentChange | null,
  updatedAt: number,
): Promise<Written | null> {
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
    return { incident, entries: written, head: headAfter(head, written) };
  });
}

/**
 * The commit from the remembered incident and head: checks and writes sent together, the
 * checks deciding before the transaction can commit. Null when the change has nothing to
 * do on the remembered incident (the slow way then decides on the stored one).
 */
async function commitFromMemory(
  db: BulwarkDb,
  known: KnownIncident,
  change: (current: Incident) => IncidentChange | null,
  updatedAt: number,
): Promise<Written | null> {
  const next = change(known.incident);
  if (next === null) return null;
  const written = chain(known.head, next.entries);
  const incident: Incident = { ...next.incident, updatedAt };
  await appendFromMemory(db, known.incident, known.head, written, incident);
  return { incident, entries: written, head: headAfter(known.head, written) };
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
  const done = await remembering(db, () =>
    db.transaction('rw', [db.incidents, db.timeline, db.evidence, db.evidenceContent], async () => {
      const current = await db.incidents.get(evidence.incidentId);
      if (!current) throw new IncidentMissingError(evidence.incidentId);
      const head = await timelineHead(db, evidence.incidentId);
      const written = chain(head, [entry]);
      const incident: Incident = { ...current, updatedAt };
      await db.evidence.add(evidence);
      await db.evidenceContent.put(content);
      await db.timeline.bulkAdd(written);
      await db.incidents.put(incident);
      return { incident, entries: written, head: headAfter(head, written) };
    }),
  );
  if (!done) throw new Error('addEvidence: the write returned nothing.');
  return done;
}

/** Appends one custody event to an evidence item, recorded in the timeline, in one transaction. */
export async function addCustodyEvent(
  db: BulwarkDb,
  evidenceId: EvidenceId,
  event: CustodyEvent,
  entry: TimelineDraft,
  updatedAt: number,
): Promise<Committed> {
  const done = await remembering(db, () =>
    db.transaction('rw', [db.incidents, db.timeline, db.evidence], async () => {
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
      return { incident, entries: written, head: headAfter(head, written) };
    }),
  );
  if (!done) throw new Error('addCustodyEvent: the write returned nothing.');
  return done;
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
  return remembering(db, () =>
    db.transaction('rw', [db.incidents, db.timeline, db.threatModels], async () => {
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
      return { incident, entries: written, head: headAfter(head, written) };
    }),
  );
}
