import type { RegulatoryClock } from '../playbooks/clocks';
import { REGULATORY_CLOCKS, clockById, clocksFor } from '../playbooks/clocks';
import { clockDeadline, clockTimeZone, countdown, type Countdown } from './deadlines';
import type { ClockInstance, Incident, IncidentNotification } from './types';

// Regulatory clocks running for one incident: which apply, when each starts, its deadline
// and how it stands. The clock table itself is core/playbooks/clocks.ts (domain.md §6).

/** The clocks the incident's data classes and regimes select, in table order. */
export function applicableClocks(
  incident: Pick<Incident, 'dataClasses' | 'regimes'>,
): RegulatoryClock[] {
  return clocksFor({ dataClasses: incident.dataClasses, regimes: incident.regimes });
}

/** Applicable clocks not started yet (follow-up reports wait for their first report). */
export function clocksToStart(
  incident: Pick<Incident, 'dataClasses' | 'regimes' | 'clocks'>,
): RegulatoryClock[] {
  const started = new Set(incident.clocks.map((c) => c.clockId));
  return applicableClocks(incident).filter((c) => !started.has(c.id) && c.after === undefined);
}

/** Clocks that start when the notification of `clockId` is sent (final after initial …). */
export function followUpClocks(clockId: string): RegulatoryClock[] {
  return REGULATORY_CLOCKS.filter((c) => c.after === clockId);
}

/**
 * The trigger time the incident already knows for a clock, or null when a person must
 * set it: awareness starts `aware` clocks; discovery and knowledge use awareness, else
 * detection; suspicion uses detection; a follow-up starts when the earlier report was
 * marked sent. Determinations, classifications and assessments are decisions a person
 * records, so they are never guessed.
 */
export function defaultTriggerAt(
  clock: Pick<RegulatoryClock, 'trigger' | 'after'>,
  incident: Pick<Incident, 'keyTimes' | 'clocks' | 'notifications'>,
): number | null {
  const { aware, detected } = incident.keyTimes;
  switch (clock.trigger) {
    case 'aware':
      return aware?.at ?? null;
    case 'discovery':
    case 'knowledge':
      return aware?.at ?? detected?.at ?? null;
    case 'suspicion':
      return detected?.at ?? aware?.at ?? null;
    case 'initial-notification': {
      // The earlier report: the notification linked to its clock, or one drafted for it.
      const before = incident.clocks.find((c) => c.clockId === clock.after);
      const sent = incident.notifications.find(
        (n) =>
          n.status === 'sent' &&
          n.sentAt !== undefined &&
          ((before?.notificationId !== undefined && n.id === before.notificationId) ||
            (clock.after !== undefined && n.clockId === clock.after)),
      );
      return sent?.sentAt ?? null;
    }
    default:
      return null;
  }
}

/** A clock started for the incident, its deadline computed in the obligation's time zone. */
export function startClock(p: {
  readonly clock: Pick<RegulatoryClock, 'id' | 'deadline' | 'businessDays'>;
  readonly triggerAt: number;
  readonly setBy: string;
  readonly setAt: number;
  readonly incident: Pick<Incident, 'timeZone' | 'calendar'>;
  /** IANA time zone of the obligation when not the default (clockTimeZone). */
  readonly timeZone?: string;
}): ClockInstance {
  const zone = clockTimeZone(p.clock.id, p.incident.timeZone, p.timeZone);
  return {
    clockId: p.clock.id,
    triggerAt: p.triggerAt,
    setBy: p.setBy,
    setAt: p.setAt,
    deadlineAt: clockDeadline(p.clock, p.triggerAt, {
      timeZone: zone,
      calendar: p.incident.calendar,
    }),
    ...(p.timeZone !== undefined ? { timeZone: p.timeZone } : {}),
  };
}

/** How a running clock stands: met (on time or late), dismissed, or its countdown. */
export type ClockStatus =
  | { readonly state: 'met'; readonly sentAt: number; readonly late: boolean }
  | { readonly state: 'dismissed'; readonly reason: string }
  | Countdown;

/** The status of a clock instance at `now`. */
export function clockStatus(
  instance: ClockInstance,
  notifications: readonly IncidentNotification[],
  now: number,
): ClockStatus {
  if (instance.dismissed) return { state: 'dismissed', reason: instance.dismissed.reason };
  const sent = notifications.find(
    (n) =>
      n.status === 'sent' &&
      n.sentAt !== undefined &&
      (n.id === instance.notificationId || n.clockId === instance.clockId),
  );
  if (sent?.sentAt !== undefined)
    return {
      state: 'met',
      sentAt: sent.sentAt,
      late: instance.deadlineAt !== null && sent.sentAt > instance.deadlineAt,
    };
  return countdown(instance.deadlineAt, now, { startedAt: instance.triggerAt });
}

/** The table row of a clock instance (undefined for an id the table no longer has). */
export function clockOf(instance: Pick<ClockInstance, 'clockId'>): RegulatoryClock | undefined {
  return clockById(instance.clockId);
}
