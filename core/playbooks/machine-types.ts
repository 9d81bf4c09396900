import type { DataClass } from '../inventory/types';
import type { Audience, IncidentClock, NotificationTemplate, Outcome, SlaBase } from './types';

// The contract between a compiled playbook machine and its host (the incident room, the
// exercise console, the tests). Times are milliseconds since the epoch and always come
// from the host's clock through events; the machine never reads a clock itself.

/** What the incident touches: chooses the regulatory clocks. */
export type IncidentScope = {
  readonly dataClasses: readonly DataClass[];
  readonly regimes: readonly string[];
};

/** Input of a run: when it starts, the incident's scope and the incident clocks known so far. */
export type PlaybookInput = {
  readonly startedAt: number;
  readonly scope?: IncidentScope | undefined;
  readonly incidentClocks?: Partial<Record<IncidentClock, number>> | undefined;
};

/** Who did something, and when (host time). */
export type Mark = { readonly at: number; readonly by?: string | undefined };

/** One escalation of an active step's SLA. */
export type EscalationState = {
  readonly index: number;
  readonly afterMs: number;
  /** Absolute time at which it fires, or null while its incident clock is unset. */
  readonly at: number | null;
  readonly to: string;
  readonly message: string;
  readonly firedAt: number | null;
};

/** The SLA of an active step, as absolute times (survives a restore, unlike `after`). */
export type Deadline = {
  readonly stepId: string;
  readonly from: SlaBase;
  readonly enteredAt: number;
  readonly withinMs: number;
  readonly due: number | null;
  readonly breachedAt: number | null;
  readonly escalations: readonly EscalationState[];
};

/** Everything a run remembers; plain JSON so that a persisted snapshot is plain JSON. */
export type PlaybookContext = {
  readonly playbookId: string;
  readonly playbookVersion: string;
  /** Time of the last event the machine accepted. */
  readonly now: number;
  readonly scope: IncidentScope;
  readonly incidentClocks: Partial<Record<IncidentClock, number>>;
  /** Active steps → when they were entered. */
  readonly entered: Readonly<Record<string, number>>;
  /** Task id → completion. Reset when a step is entered again through a loop. */
  readonly tasks: Readonly<Record<string, Mark>>;
  /** `stepId/template` → when it was marked sent. */
  readonly sent: Readonly<Record<string, Mark>>;
  /** Decision step id → the option last chosen. */
  readonly decisions: Readonly<Record<string, Mark & { readonly optionId: string }>>;
  /** Active steps with an SLA → their deadline. */
  readonly deadlines: Readonly<Record<string, Deadline>>;
  /** Regulatory clock id → the notification step that started it. */
  readonly regulatoryClocks: Readonly<Record<string, Mark & { readonly stepId: string }>>;
  readonly outcome: {
    readonly stepId: string;
    readonly outcome: Outcome;
    readonly at: number;
  } | null;
};

type Who = { readonly at: number; readonly by?: string | undefined };

/** Events a host sends; lowercase and dot-namespaced. */
export type PlaybookEvent =
  | ({ readonly type: 'task.completed'; readonly taskId: string; readonly evidence?: string } & Who)
  | ({ readonly type: 'task.reopened'; readonly taskId: string } & Who)
  | ({ readonly type: 'step.advance'; readonly stepId: string } & Who)
  | ({
      readonly type: 'decision.chosen';
      readonly stepId: string;
      readonly optionId: string;
      readonly rationale?: string;
    } & Who)
  | ({
      readonly type: 'notification.sent';
      readonly stepId: string;
      readonly template: string;
    } & Who)
  | ({
      readonly type: 'incident.clock.set';
      readonly clock: IncidentClock;
      /** The time the clock is set to (may be earlier than `at`, when it is recorded). */
      readonly value: number;
    } & Who)
  | { readonly type: 'tick'; readonly now: number };

/** What the timeline should record; `recordTimeline` receives one per fact. */
export type TimelineFact =
  | { readonly kind: 'playbook.started' }
  | {
      readonly kind: 'phase.entered';
      readonly phaseId: string;
      readonly nist: string;
      readonly picerl: string;
    }
  | { readonly kind: 'step.entered'; readonly stepId: string }
  | { readonly kind: 'step.completed'; readonly stepId: string }
  | { readonly kind: 'task.completed'; readonly stepId: string; readonly taskId: string }
  | { readonly kind: 'task.reopened'; readonly stepId: string; readonly taskId: string }
  | { readonly kind: 'decision.chosen'; readonly stepId: string; readonly optionId: string }
  | { readonly kind: 'notification.sent'; readonly stepId: string; readonly template: string }
  | { readonly kind: 'track.finished'; readonly stepId: string; readonly trackId: string }
  | { readonly kind: 'sla.breached'; readonly stepId: string; readonly due: number }
  | {
      readonly kind: 'escalation.fired';
      readonly stepId: string;
      readonly to: string;
      readonly message: string;
    }
  | { readonly kind: 'incident.clock.set'; readonly clock: IncidentClock; readonly value: number }
  | { readonly kind: 'playbook.ended'; readonly stepId: string; readonly outcome: Outcome };

/** Parameters of `recordTimeline`: a fact, its time and who caused it. */
export type TimelineParams = TimelineFact & {
  readonly at: number;
  readonly by?: string | undefined;
};

/** Parameters of `escalate`; `key` is stable so that a host can make delivery idempotent. */
export type EscalateParams = {
  readonly key: string;
  readonly stepId: string;
  readonly to: string;
  readonly message: string;
  readonly scheduledAt: number;
  readonly at: number;
};

/** Parameters of `notifyStakeholders`: drafts to prepare (nothing is ever sent by itself). */
export type NotifyParams = {
  readonly stepId: string;
  readonly templates: readonly NotificationTemplate[];
  readonly at: number;
};

/** Parameters of `startRegulatoryClocks`: ids from clocks.ts chosen by the incident's scope. */
export type StartClocksParams = {
  readonly stepId: string;
  readonly audiences: readonly Audience[];
  readonly clockIds: readonly string[];
  readonly at: number;
};

/** Parameters of `armTimers`: the next absolute time the host should send `tick`. */
export type ArmTimersParams = { readonly nextAt: number | null };

/** The time an event carries, if any (xstate's own events carry none). */
export function timeOf(event: { type: string }): number | undefined {
  const e = event as { at?: unknown; now?: unknown };
  if (typeof e.at === 'number') return e.at;
  if (typeof e.now === 'number') return e.now;
  return undefined;
}

/** The person an event names, if any. */
export function byOf(event: { type: string }): string | undefined {
  const by = (event as { by?: unknown }).by;
  return typeof by === 'string' ? by : undefined;
}
