// The regulatory clocks' changes: start (or restart) and dismiss.
import { startClock as coreStartClock, type Incident } from '../../../core/incidents';
import type { RegulatoryClock } from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from './change-context';

/** A running clock instance from core (deadline in the obligation's time zone). */
const clockInstance = (ctx: Actx, incident: Incident, clock: RegulatoryClock, triggerAt: number) =>
  coreStartClock({ clock, triggerAt, setBy: ctx.actor, setAt: ctx.at, incident });

/** Starts (or restarts with a new trigger time) one regulatory clock. */
export function startClock(ctx: Actx, clock: RegulatoryClock, triggerAt: number) {
  return (incident: Incident): IncidentChange | null => {
    const existing = incident.clocks.find((c) => c.clockId === clock.id);
    if (existing?.triggerAt === triggerAt && !existing.dismissed) return null;
    const instance = clockInstance(ctx, incident, clock, triggerAt);
    const clocks = existing
      ? incident.clocks.map((c) => (c.clockId === clock.id ? instance : c))
      : [...incident.clocks, instance];
    return {
      incident: { ...incident, clocks },
      entries: [
        entry(
          ctx,
          'clock-started',
          `Clock started: ${clock.reference} (${clock.recipient}), trigger ${clock.trigger} at ${new Date(triggerAt).toISOString()}${instance.deadlineAt === null ? ', no fixed deadline' : `, due ${new Date(instance.deadlineAt).toISOString()}`}`,
          { clockId: clock.id, triggerAt, deadlineAt: instance.deadlineAt },
        ),
      ],
    };
  };
}

/** Records that a clock's duty does not apply, with the reason. */
export function dismissClock(ctx: Actx, clock: RegulatoryClock, reason: string) {
  return (incident: Incident): IncidentChange | null => {
    const existing = incident.clocks.find((c) => c.clockId === clock.id);
    const base = existing ?? clockInstance(ctx, incident, clock, ctx.at);
    const dismissed = { ...base, dismissed: { at: ctx.at, by: ctx.actor, reason: reason.trim() } };
    const clocks = existing
      ? incident.clocks.map((c) => (c.clockId === clock.id ? dismissed : c))
      : [...incident.clocks, dismissed];
    return {
      incident: { ...incident, clocks },
      entries: [
        entry(
          ctx,
          'clock-dismissed',
          `Clock does not apply: ${clock.reference} — ${reason.trim()}`,
          {
            clockId: clock.id,
            reason: reason.trim(),
          },
        ),
      ],
    };
  };
}
