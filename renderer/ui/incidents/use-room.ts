import { useCallback, useMemo } from 'react';
import { activeRun, type Incident, type IncidentId } from '../../../core/incidents';
import type { Playbook } from '../../../core/playbooks';
import { getDatabase } from '../../storage';
import { commitIncident, type Committed, type IncidentChange } from '../../storage/incidents';
import { useCatalogue } from '../playbooks/catalogue';
import { useProblems } from '../state/problem-context';
import type { Actx } from './changes';
import { useIncidentClock } from './clock-context';
import { useActorName } from './use-actor';

const COMMIT_MEASURE = 'bulwark:incident-commit';

/**
 * Records how long a commit took (hashing, transaction, durable write) as a performance
 * measure the benchmark reads; old measures are dropped so a long incident keeps few.
 */
function markCommit(start: number): void {
  const end = performance.now();
  if (performance.getEntriesByName(COMMIT_MEASURE).length >= 5000)
    performance.clearMeasures(COMMIT_MEASURE);
  performance.measure(COMMIT_MEASURE, { start, end });
}

/** A change made from the action's context (time, wall time, actor). */
export type MakeChange = (ctx: Actx) => (incident: Incident) => IncidentChange | null;

/** Name recorded when the person has not typed one (the header asks for it). */
export const UNNAMED = 'Unnamed responder';

/**
 * Commits room actions: each runs on the stored incident inside one transaction with its
 * timeline entries (storage/incidents.ts), stamped with the incident clock's time (the
 * simulated time in an exercise), the wall time of writing, and the person's name.
 */
export function useRoomCommit(
  incidentId: IncidentId,
): (make: MakeChange, actor?: string) => Promise<Committed | null> {
  const clock = useIncidentClock();
  const [name] = useActorName();
  const { reportError } = useProblems();
  return useCallback(
    async (make, actor) => {
      const ctx: Actx = {
        at: clock.now(),
        recordedAt: Date.now(),
        actor: actor ?? (name.trim() || UNNAMED),
      };
      try {
        const start = performance.now();
        const done = await commitIncident(getDatabase(), incidentId, make(ctx), ctx.recordedAt);
        markCommit(start);
        return done;
      } catch (error) {
        reportError(error);
        return null;
      }
    },
    [clock, name, incidentId, reportError],
  );
}

/** The playbook of the incident's active run: undefined while loading, null when none or missing. */
export function useActivePlaybook(incident: Incident): Playbook | null | undefined {
  const catalogue = useCatalogue();
  const run = activeRun(incident);
  return useMemo(() => {
    if (!run) return null;
    if (catalogue === undefined) return undefined;
    return catalogue.find((e) => e.id === run.playbookId)?.playbook ?? null;
  }, [catalogue, run]);
}
