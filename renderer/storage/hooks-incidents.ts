import { useLiveQuery } from 'dexie-react-hooks';
import type { ChainHead, Evidence, Incident, IncidentId } from '../../core/incidents/types';
import { getDatabase } from './db';
import { getIncident, listEvidence, listIncidents, timelineHead } from './incidents';

// Live queries over incidents; `undefined` means "loading" (see hooks.ts). The timeline
// itself is not a live query: at 100,000 entries the room reads it page by page, and
// watches only the head (one index step) to know when an entry was appended.

/** Every incident, most recently updated first; undefined while loading. */
export function useIncidents(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(getDatabase()), []);
}

/** One incident: undefined while loading, null once loaded and missing. */
export function useIncident(id: string): Incident | null | undefined {
  return useLiveQuery(async () => (await getIncident(getDatabase(), id)) ?? null, [id]);
}

/** The head of an incident's timeline (last seq and hash), kept current. */
export function useTimelineHead(id: IncidentId): ChainHead | undefined {
  return useLiveQuery(() => timelineHead(getDatabase(), id), [id]);
}

/** The evidence of an incident (metadata), kept current. */
export function useEvidence(id: IncidentId): Evidence[] | undefined {
  return useLiveQuery(() => listEvidence(getDatabase(), id), [id]);
}
