import Dexie, { RangeSet, type ObservabilitySet, type Table } from 'dexie';
import type { Incident, TimelineEntry } from '../../core/incidents/types';
import type { BulwarkDb } from './db';

// The room's hot path: one commit made from this window's memory of the incident and its
// chain head (incidents.ts commitFromMemory) written straight on IndexedDB, in one
// read-write transaction of four requests (read the incident, read the entry at the
// remembered head, add the new entries, put the incident).
//
// Why not through Dexie: a trace of the room under typing put the commit's own main-thread
// work at about 3 ms of a 3.4 ms median commit, most of it Dexie's per-request machinery
// (its promise zones, the DBCore middleware stack, the record of mutated key ranges),
// against about 1.4 ms for the same four requests made directly. On two busy cores every
// millisecond of main-thread work stretches the tail. Everything else (the slow path that
// reads first, commits inside a caller's transaction, every other write) stays on Dexie.
//
// What Dexie would have done besides the write is done here too (announce, below): once
// the transaction has completed, live queries of this window and of other windows learn
// that both tables changed, as they would of a write made through Dexie. The ranges are
// whole tables: a few more re-reads elsewhere, never a missed one.

/** Why a commit from memory did not write: the stored state is not what this window remembers. */
export class StaleMemoryError extends Error {
  override readonly name = 'StaleMemoryError';
}

/** Two stored values (plain data, as IndexedDB returns it) are the same data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameData(ra[k], rb[k]));
}

/** Every key range of a table, as Dexie names them in a 'storagemutated' event. */
function wholeTable(db: BulwarkDb, table: Pick<Table, 'name' | 'schema'>): ObservabilitySet {
  const everything = (): RangeSet => new RangeSet(-Infinity, [[]]);
  const parts: ObservabilitySet = {
    [`idb://${db.name}/${table.name}/`]: everything(),
    [`idb://${db.name}/${table.name}/:dels`]: everything(),
  };
  for (const index of table.schema.indexes)
    parts[`idb://${db.name}/${table.name}/${index.name}`] = everything();
  return parts;
}

// Dexie's own name for the window event through which it hears of writes (dexie.mjs:
// STORAGE_MUTATED_DOM_EVENT_NAME, unchanged since Dexie 3.2); a test pins it.
export const DEXIE_WINDOW_EVENT = 'x-storagemutated-1';

/**
 * Tells Dexie of a write made beside it, as it tells itself of its own:
 * - in this window, through its window event: Dexie drops the cached results of live
 *   queries over these ranges and runs them again, and calls its 'storagemutated'
 *   listeners (the room's watch among them). Synchronous, so it happens before the
 *   commit's promise settles, as for a write through Dexie;
 * - in other windows, by firing 'storagemutated' itself, which Dexie relays over its
 *   BroadcastChannel (not back to this window).
 */
function announce(parts: ObservabilitySet): void {
  if (typeof dispatchEvent === 'function' && typeof CustomEvent === 'function')
    dispatchEvent(new CustomEvent(DEXIE_WINDOW_EVENT, { detail: parts }));
  Dexie.on('storagemutated').fire(parts);
}

/**
 * Writes `written` and `incident` if the stored incident still equals `expected` and the
 * stored entry at `head.seq` still carries `head.hash` (and no entry sits where the new
 * ones go: `add` fails on it). Otherwise nothing is written and the promise rejects (a
 * StaleMemoryError when a check failed). Resolves once the transaction has completed.
 */
export function appendFromMemory(
  db: BulwarkDb,
  expected: Incident,
  head: { readonly seq: number; readonly hash: string },
  written: readonly TimelineEntry[],
  incident: Incident,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stale: StaleMemoryError | null = null;
    let tx: IDBTransaction;
    try {
      // Throws when the connection is closed (a version change, a restore): the caller
      // then takes the slow path, through Dexie, which reopens it.
      tx = db.backendDB().transaction([db.incidents.name, db.timeline.name], 'readwrite');
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const refuse = (why: string): void => {
      if (stale) return;
      stale = new StaleMemoryError(why);
      tx.abort();
    };
    const incidents = tx.objectStore(db.incidents.name);
    const timeline = tx.objectStore(db.timeline.name);
    // Requests are answered in order, so both reads see the state before the writes.
    const current = incidents.get(expected.id);
    current.onsuccess = () => {
      const stored: unknown = current.result;
      if (stored === undefined || !sameData(stored, expected))
        refuse(`The incident "${expected.id}" changed since this window wrote it.`);
    };
    if (head.seq >= 0) {
      const last = timeline.get([expected.id, head.seq]);
      last.onsuccess = () => {
        const stored = last.result as TimelineEntry | undefined;
        if (stored?.hash !== head.hash)
          refuse(`The timeline of "${expected.id}" changed since this window wrote it.`);
      };
    }
    for (const entry of written) timeline.add(entry);
    incidents.put(incident);
    tx.oncomplete = () => {
      resolve();
      announce({ ...wholeTable(db, db.incidents), ...wholeTable(db, db.timeline) });
    };
    tx.onabort = () => {
      reject(stale ?? tx.error ?? new Error('The append to the timeline was aborted.'));
    };
  });
}
