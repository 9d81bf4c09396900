import type { Incident } from '../incidents/types';
import { clockById } from '../playbooks/clocks';
import type { IsoTimestamp } from '../shared/brand';
import type { PostureIncident, PostureNotification } from './types';

// From the incident room's records to the narrow view the posture figures read. Only
// regulatory clocks with a fixed deadline count as notifications owed; a clock dismissed
// by the responders (its condition not met) is owed no more.

const iso = (ms: number | undefined): IsoTimestamp | null =>
  ms === undefined ? null : (new Date(ms).toISOString() as IsoTimestamp);

/** The posture view of an incident (live or exercise). */
export function postureIncident(i: Incident): PostureIncident {
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
      acknowledged: iso(i.keyTimes.aware?.at),
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
