import { parseDuration } from './duration';
import type { Deadline, PlaybookContext, PlaybookEvent } from './machine-types';
import type { IncidentClock, Sla, SlaBase } from './types';

// SLA timers as data. XState does not restore a pending `after` delay from a persisted
// snapshot (upstream issue #5331), so deadlines live in context as absolute times and the
// host re-arms one timer for `nextTimerAt` after every change and after every restore.

/** A timer that has not fired yet. */
export type PendingTimer = {
  readonly at: number;
  readonly stepId: string;
  readonly kind: 'escalation' | 'breach';
  readonly index?: number;
  readonly to?: string;
  readonly message?: string;
};

/** Earliest first; ties in a stable order (by step, kind and escalation index). */
function byTime(a: PendingTimer, b: PendingTimer): number {
  return (
    a.at - b.at ||
    a.stepId.localeCompare(b.stepId) ||
    a.kind.localeCompare(b.kind) ||
    (a.index ?? 0) - (b.index ?? 0)
  );
}

/** The absolute time an SLA base stands for, or null while that incident clock is unset. */
export function baseTime(
  from: SlaBase,
  enteredAt: number,
  clocks: Partial<Record<IncidentClock, number>>,
): number | null {
  if (from === 'step-entered') return enteredAt;
  const clock = from.slice('incident.'.length) as IncidentClock;
  return clocks[clock] ?? null;
}

/** The deadline of a step entered at `enteredAt`. */
export function deadlineFor(
  stepId: string,
  sla: Sla,
  enteredAt: number,
  clocks: Partial<Record<IncidentClock, number>>,
): Deadline {
  const withinMs = parseDuration(sla.within) ?? 0;
  const draft: Deadline = {
    stepId,
    from: sla.from,
    enteredAt,
    withinMs,
    due: null,
    breachedAt: null,
    escalations: sla.escalations.map((e, index) => ({
      index,
      afterMs: parseDuration(e.after) ?? 0,
      at: null,
      to: e.to,
      message: e.message,
      firedAt: null,
    })),
  };
  return rebase(draft, clocks);
}

/** Recomputes absolute times after an incident clock was set (fired timers stay fired). */
export function rebase(d: Deadline, clocks: Partial<Record<IncidentClock, number>>): Deadline {
  const base = baseTime(d.from, d.enteredAt, clocks);
  return {
    ...d,
    due: base === null ? null : base + d.withinMs,
    escalations: d.escalations.map((e) => ({ ...e, at: base === null ? null : base + e.afterMs })),
  };
}

/** Timers not fired yet, earliest first. */
export function pendingTimers(context: Pick<PlaybookContext, 'deadlines'>): PendingTimer[] {
  const out: PendingTimer[] = [];
  for (const d of Object.values(context.deadlines)) {
    for (const e of d.escalations)
      if (e.at !== null && e.firedAt === null)
        out.push({
          at: e.at,
          stepId: d.stepId,
          kind: 'escalation',
          index: e.index,
          to: e.to,
          message: e.message,
        });
    if (d.due !== null && d.breachedAt === null)
      out.push({ at: d.due, stepId: d.stepId, kind: 'breach' });
  }
  return out.sort(byTime);
}

/** When the host should next send `tick`, or null when nothing is pending. */
export function nextTimerAt(context: Pick<PlaybookContext, 'deadlines'>): number | null {
  return pendingTimers(context)[0]?.at ?? null;
}

/**
 * The events to send at `now`: one `tick` when any timer is due, none otherwise. Call it
 * after a restore and whenever the armed timer fires; the machine fires each escalation
 * once (it records `firedAt`), so sending a tick twice is harmless.
 */
export function dueTimers(
  snapshot: { readonly context: Pick<PlaybookContext, 'deadlines'> },
  now: number,
): PlaybookEvent[] {
  const next = nextTimerAt(snapshot.context);
  return next !== null && next <= now ? [{ type: 'tick', now }] : [];
}

/** Marks every timer due at `now` as fired; returns the new deadlines and what fired. */
export function fireDue(
  deadlines: Readonly<Record<string, Deadline>>,
  now: number,
): { deadlines: Record<string, Deadline>; fired: PendingTimer[] } {
  const fired: PendingTimer[] = [];
  const next: Record<string, Deadline> = {};
  for (const [key, d] of Object.entries(deadlines)) {
    const escalations = d.escalations.map((e) => {
      if (e.at === null || e.firedAt !== null || e.at > now) return e;
      fired.push({
        at: e.at,
        stepId: d.stepId,
        kind: 'escalation',
        index: e.index,
        to: e.to,
        message: e.message,
      });
      return { ...e, firedAt: now };
    });
    let breachedAt = d.breachedAt;
    if (d.due !== null && breachedAt === null && d.due <= now) {
      fired.push({ at: d.due, stepId: d.stepId, kind: 'breach' });
      breachedAt = now;
    }
    next[key] = { ...d, escalations, breachedAt };
  }
  fired.sort(byTime);
  return { deadlines: next, fired };
}
