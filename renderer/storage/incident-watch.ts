import Dexie, { type ObservabilitySet } from 'dexie';
import type { ChainHead, Incident } from '../../core/incidents/types';
import type { BulwarkDb } from './db';
import { getIncident, onIncidentCommitted, timelineHead, type KnownIncident } from './incidents';

// What the incident room shows of its incident (the incident and its chain head), kept
// current without a Dexie live query. A live query re-runs inside the 'complete' event of
// every write it overlaps, before the writer's own promise settles, so each append in the
// room paid for the room's re-reads before it was done. Here:
// - a commit of this window hands over what it stored (incidents.ts onIncidentCommitted),
//   so nothing is read again after an append;
// - any other write to the incidents or the timeline (another window, through Dexie's
//   BroadcastChannel; a restore; an exercise action) marks the watches stale, and they
//   read again in a task of their own, several writes costing one read;
// - watchers are told in a task of their own too, so React renders after the writer's
//   promise has settled, never inside it.

/**
 * What a watch holds: undefined while loading; a null incident once loaded and missing;
 * `error` when the last read failed (the hooks throw it, as useLiveQuery does).
 */
export type WatchedIncident = {
  readonly incident: Incident | null | undefined;
  readonly head: ChainHead | undefined;
  readonly error?: Error;
};

const LOADING: WatchedIncident = { incident: undefined, head: undefined };

/** One incident watched in one database; subscribe/snapshot fit useSyncExternalStore. */
export type IncidentWatch = {
  readonly subscribe: (listener: () => void) => () => void;
  readonly snapshot: () => WatchedIncident;
};

type Watch = IncidentWatch & { readonly db: BulwarkDb; readonly markStale: () => void };

const watches = new WeakMap<BulwarkDb, Map<string, Watch>>();
/** Watches with at least one listener: the ones a write elsewhere must reach. */
const active = new Set<Watch>();

/** The watch of `id` in `db`, the same object for as long as anyone listens. */
export function watchIncident(db: BulwarkDb, id: string): IncidentWatch {
  let byId = watches.get(db);
  if (!byId) {
    byId = new Map();
    watches.set(db, byId);
  }
  let watch = byId.get(id);
  if (!watch) {
    watch = createWatch(db, id, byId);
    byId.set(id, watch);
  }
  return watch;
}

function createWatch(db: BulwarkDb, id: string, byId: Map<string, Watch>): Watch {
  const listeners = new Set<() => void>();
  let value = LOADING;
  // Bumped by every commit handed over: a read started before it may be older, so dropped.
  let generation = 0;
  let reading = false;
  let stale = false;
  // Read through a function: the flag changes while a read awaits (a write elsewhere).
  const isStale = (): boolean => stale;
  let readTimer: ReturnType<typeof setTimeout> | null = null;
  let tellTimer: ReturnType<typeof setTimeout> | null = null;
  let stopCommits: (() => void) | null = null;

  const tell = (): void => {
    tellTimer ??= setTimeout(() => {
      tellTimer = null;
      for (const l of [...listeners]) l();
    }, 0);
  };
  const set = (next: WatchedIncident): void => {
    if (next.incident === value.incident && next.head === value.head && next.error === value.error)
      return;
    value = next;
    tell();
  };

  const read = async (): Promise<void> => {
    readTimer = null;
    // Not stale any more: a commit of this window handed over what it stored meanwhile.
    if (!stale || reading || listeners.size === 0) return;
    reading = true;
    stale = false;
    const started = generation;
    try {
      const [incident, head] = await db.transaction('r', db.incidents, db.timeline, () =>
        Promise.all([getIncident(db, id), timelineHead(db, id as Incident['id'])]),
      );
      if (started === generation && listeners.size > 0)
        set(incident ? { incident, head } : { incident: null, head });
    } catch (error) {
      const failure =
        error instanceof Error
          ? error
          : new Error(`Reading incident "${id}" failed.`, { cause: error });
      set({ incident: value.incident, head: value.head, error: failure });
    } finally {
      reading = false;
      if (isStale()) scheduleRead();
    }
  };
  const scheduleRead = (): void => {
    readTimer ??= setTimeout(() => {
      void read();
    }, 0);
  };

  const watch: Watch = {
    db,
    snapshot: () => value,
    markStale: () => {
      stale = true;
      if (!reading) scheduleRead();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        byId.set(id, watch);
        active.add(watch);
        listenToStorage();
        stopCommits = onIncidentCommitted(db, (known: KnownIncident) => {
          if (known.incident.id !== id) return;
          generation++;
          // What this window's commit stored is newer than any write it saw marked stale:
          // IndexedDB ran those first, and the commit checked or read what they left.
          stale = false;
          set({ incident: known.incident, head: known.head });
        });
        watch.markStale();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        // Nobody listens: forget, so the next listener reads afresh rather than trust a
        // value nobody kept current.
        active.delete(watch);
        stopCommits?.();
        stopCommits = null;
        if (readTimer !== null) clearTimeout(readTimer);
        readTimer = null;
        value = LOADING;
        if (byId.get(id) === watch) byId.delete(id);
      };
    },
  };
  return watch;
}

/** A write touched the incidents or the timeline of this database (or everything). */
const touches = (parts: ObservabilitySet, db: BulwarkDb): boolean =>
  Object.keys(parts).some(
    (key) =>
      key === 'all' ||
      key.startsWith(`idb://${db.name}/incidents/`) ||
      key.startsWith(`idb://${db.name}/timeline/`),
  );

let listening = false;
function listenToStorage(): void {
  if (listening) return;
  listening = true;
  // Fired by Dexie for writes of this window (inside their 'complete' event: keep it
  // cheap) and of other windows (BroadcastChannel). Marking stale only schedules a read.
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const watch of active) if (touches(parts, watch.db)) watch.markStale();
  });
}
