import type { WorkspaceData } from '../backup/format';
import type { Exercise } from '../exercises/exercise';
import { acknowledgedAt } from '../incidents/metrics';
import type { Incident, TimelineEntry } from '../incidents/types';
import { clockById } from '../playbooks/clocks';
import type { IsoTimestamp } from '../shared/brand';
import type { IsoDate } from '../shared/brand';
import type {
  PostureExercise,
  PostureIncident,
  PostureNotification,
  PostureWorkspace,
} from './types';

// From the incident room's records to the narrow view the posture figures read. Only
// regulatory clocks with a fixed deadline count as notifications owed; a clock dismissed
// by the responders (its condition not met) is owed no more. "Acknowledged" is core/incidents'
// acknowledgedAt (the first of the declaration, the first incident-commander assignment in
// the timeline and the aware time), so the posture report and the incident report agree.

const iso = (ms: number | undefined): IsoTimestamp | null =>
  ms === undefined ? null : (new Date(ms).toISOString() as IsoTimestamp);

/**
 * The posture view of an incident (live or exercise). Pass its timeline (any entries; only
 * incident-commander assignments are read) so an assignment counts as acknowledgement.
 */
export function postureIncident(
  i: Incident,
  timeline: readonly TimelineEntry[] = [],
): PostureIncident {
  const notifications: PostureNotification[] = [];
  for (const c of i.clocks) {
    if (c.dismissed || c.deadlineAt === null) continue;
    const sent =
      i.notifications.find((n) => n.id === c.notificationId && n.status === 'sent') ??
      i.notifications.find((n) => n.clockId === c.clockId && n.status === 'sent');
    const clock = clockById(c.clockId);
    notifications.push({
      id: c.clockId,
      label: clock ? `${clock.regime} → ${clock.recipient}` : c.clockId,
      deadline: iso(c.deadlineAt),
      sentAt: iso(sent?.sentAt),
    });
  }
  return {
    id: i.id,
    title: i.title,
    mode: i.mode,
    severity: i.severity,
    apiIds: i.apiIds,
    times: {
      declared: iso(i.createdAt),
      started: iso(i.keyTimes.started?.at),
      detected: iso(i.keyTimes.detected?.at),
      acknowledged: iso(acknowledgedAt(i, timeline)),
      contained: iso(i.keyTimes.contained?.at),
      resolved: iso(i.keyTimes.resolved?.at),
    },
    notifications,
    actionItems: (i.review?.actionItems ?? []).map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      due: a.due,
      done: a.status === 'done',
    })),
  };
}

/**
 * The posture view of an exercise: run when its clock first started (real time). Only
 * areas for improvement are improvement items (strengths are not work); one counts as done
 * once it has been carried into a playbook copy or a threat model, which is where the
 * exercises area closes the loop.
 */
export function postureExercise(e: Exercise): PostureExercise {
  const started = e.log.find((l) => l.kind === 'started');
  return {
    id: e.id,
    title: e.title,
    conductedAt: iso(started?.realAt),
    evaluations: e.evaluations.map((v) => ({ objective: v.objectiveId, rating: v.rating })),
    improvements: e.improvements
      .filter((i) => i.kind === 'area-for-improvement')
      .map((i) => ({
        id: i.id,
        title: i.correctiveAction.trim() || i.observation,
        owner: i.owner,
        due: /^\d{4}-\d{2}-\d{2}$/.test(i.due) ? (i.due as IsoDate) : null,
        done:
          i.link?.kind === 'playbook-change'
            ? i.link.userPlaybookId !== undefined
            : i.link?.kind === 'threat-model' && i.link.threatId !== undefined,
      })),
  };
}

/**
 * The posture input of a whole workspace (a backup's data, or the database's tables). The
 * timeline may hold every incident's entries, or only the role assignments.
 */
export function postureWorkspaceOf(
  data: Pick<WorkspaceData, 'apis' | 'threatModels' | 'playbooks'> & {
    readonly incidents?: readonly Incident[];
    readonly timeline?: readonly TimelineEntry[];
    readonly exercises?: readonly Exercise[];
  },
): PostureWorkspace {
  const byIncident = new Map<string, TimelineEntry[]>();
  for (const e of data.timeline ?? []) {
    const list = byIncident.get(e.incidentId);
    if (list) list.push(e);
    else byIncident.set(e.incidentId, [e]);
  }
  return {
    apis: data.apis,
    threatModels: data.threatModels,
    playbooks: data.playbooks,
    incidents: (data.incidents ?? []).map((i) => postureIncident(i, byIncident.get(i.id))),
    exercises: (data.exercises ?? []).map(postureExercise),
  };
}
