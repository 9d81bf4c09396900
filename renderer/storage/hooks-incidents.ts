import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { ChainHead, Evidence, Incident, IncidentId } from '../../core/incidents/types';
import { getDatabase } from './db';
import { watchIncident, type WatchedIncident } from './incident-watch';
import { listEvidence, listIncidents } from './incidents';

// Live queries over incidents; `undefined` means "loading" (see hooks.ts). The timeline
// itself is not a live query: at 100,000 entries the room reads it page by page, and
// watches only the head (one index step) to know when an entry was appended. The room's
// incident and head come from a watch (incident-watch.ts) rather than a live query, so an
// append does not wait for the room's re-reads.

function useWatched(id: string): WatchedIncident {
  const watch = watchIncident(getDatabase(), id);
  const value = useSyncExternalStore(watch.subscribe, watch.snapshot);
  if (value.error) throw value.error;
  return value;
}

/** Every incident, most recently updated first; undefined while loading. */
export function useIncidents(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(getDatabase()), []);
}

/** One incident: undefined while loading, null once loaded and missing. */
export function useIncident(id: string): Incident | null | undefined {
  return useWatched(id).incident;
}

/** The head of an incident's timeline (last seq and hash), kept current. */
export function useTimelineHead(id: IncidentId): ChainHead | undefined {
  return useWatched(id).head;
}

/** The evidence of an incident (metadata), kept current. */
export function useEvidence(id: IncidentId): Evidence[] | undefined {
  return useLiveQuery(() => listEvidence(getDatabase(), id), [id]);
}
