import { assign, enqueueActions, setup, type SnapshotFrom } from 'xstate';
import { clocksFor } from './clocks';
import {
  byOf,
  timeOf,
  type ArmTimersParams,
  type EscalateParams,
  type NotifyParams,
  type PlaybookContext,
  type PlaybookEvent,
  type PlaybookInput,
  type StartClocksParams,
  type TimelineParams,
} from './machine-types';
import { stepIndex, type StepPlace } from './model';
import { deadlineFor, fireDue, nextTimerAt, rebase } from './timers';
import type { Playbook } from './types';
import { buildStates } from './compile-states';

// Compiles a validated playbook into an XState v5 machine. Phases are compound states,
// steps their children, parallel steps parallel states joined with onDone, end steps
// root-level final states (so that reaching one finishes the run). Side effects are
// named actions, no-ops here, supplied by the host with `machine.provide`.

/** The id of the root state node. */
export const PLAYBOOK_MACHINE_ID = 'playbook';

/** What a finished run returns. */
export type PlaybookOutput = { readonly outcome: PlaybookContext['outcome'] };

/** The first context of a run. */
export function initialContext(playbook: Playbook, input: PlaybookInput): PlaybookContext {
  return {
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    now: input.startedAt,
    scope: input.scope ?? { dataClasses: [], regimes: [] },
    incidentClocks: input.incidentClocks ?? {},
    entered: {},
    tasks: {},
    sent: {},
    decisions: {},
    deadlines: {},
    regulatoryClocks: {},
    outcome: null,
  };
}

const at = (context: PlaybookContext, event: { type: string }) => timeOf(event) ?? context.now;

/** Context after entering a step: entry time, SLA deadline, fresh checklist on a loop. */
function enter(context: PlaybookContext, event: PlaybookEvent, place: StepPlace): PlaybookContext {
  const { step } = place;
  const now = at(context, event);
  let { tasks, sent, deadlines, regulatoryClocks } = context;
  if (step.kind === 'task' || step.kind === 'notification') {
    const ids = new Set(step.tasks.map((t) => t.id));
    tasks = Object.fromEntries(Object.entries(tasks).filter(([id]) => !ids.has(id)));
  }
  if (step.kind === 'notification') {
    const prefix = `${step.id}/`;
    sent = Object.fromEntries(Object.entries(sent).filter(([key]) => !key.startsWith(prefix)));
    const audiences = step.clocks?.audiences ?? [];
    const started = clocksFor(context.scope)
      .filter((c) => audiences.includes(c.audience) && !(c.id in regulatoryClocks))
      .map((c) => [c.id, { at: now, by: byOf(event), stepId: step.id }] as const);
    if (started.length > 0)
      regulatoryClocks = { ...regulatoryClocks, ...Object.fromEntries(started) };
  }
  if (step.kind !== 'end' && step.sla)
    deadlines = {
      ...deadlines,
      [step.id]: deadlineFor(step.id, step.sla, now, context.incidentClocks),
    };
  return {
    ...context,
    now,
    tasks,
    sent,
    deadlines,
    regulatoryClocks,
    entered: { ...context.entered, [step.id]: now },
  };
}

/** A copy of `record` without `key`. */
function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function leave(context: PlaybookContext, stepId: string): Partial<PlaybookContext> {
  const entered = without(context.entered, stepId);
  if (!(stepId in context.deadlines)) return { entered };
  return { entered, deadlines: without(context.deadlines, stepId) };
}

/** An effect supplied by the host; `P` is what its implementation receives. */
type Effect<P> = (args: unknown, params: P) => void;
const noop = (): void => undefined;
// Effects are no-ops in core: the incident room and exercises provide them at the edge.
const recordTimeline: Effect<TimelineParams> = noop;
const armTimers: Effect<ArmTimersParams> = noop;
const notifyStakeholders: Effect<NotifyParams> = noop;
const startRegulatoryClocks: Effect<StartClocksParams> = noop;
const escalate: Effect<EscalateParams> = noop;

type Types = {
  context: PlaybookContext;
  events: PlaybookEvent;
  input: PlaybookInput;
  output: PlaybookOutput;
};
const types = {} as Types;

/** The setup shared by every compiled playbook: named actions and guards. */
function playbookSetup(places: ReadonlyMap<string, StepPlace>) {
  return setup({
    types,
    actions: {
      // Effects: supplied at the edge with machine.provide (the incident room, exercises).
      recordTimeline,
      armTimers,
      notifyStakeholders,
      startRegulatoryClocks,
      escalate,
      // Context updates.
      stamp: assign({ now: ({ context, event }) => at(context, event) }),
      enterStep: assign(({ context, event }, params: { stepId: string }) => {
        const place = places.get(params.stepId);
        return place ? enter(context, event, place) : {};
      }),
      leaveStep: assign(({ context }, params: { stepId: string }) => leave(context, params.stepId)),
      markTask: assign(({ context, event }) =>
        event.type === 'task.completed'
          ? { tasks: { ...context.tasks, [event.taskId]: { at: event.at, by: event.by } } }
          : {},
      ),
      reopenTask: assign(({ context, event }) =>
        event.type === 'task.reopened' ? { tasks: without(context.tasks, event.taskId) } : {},
      ),
      markSent: assign(({ context, event }) =>
        event.type === 'notification.sent'
          ? {
              sent: {
                ...context.sent,
                [`${event.stepId}/${event.template}`]: { at: event.at, by: event.by },
              },
            }
          : {},
      ),
      recordDecision: assign(({ context, event }) =>
        event.type === 'decision.chosen'
          ? {
              decisions: {
                ...context.decisions,
                [event.stepId]: { optionId: event.optionId, at: event.at, by: event.by },
              },
            }
          : {},
      ),
      setOutcome: assign(({ context, event }, params: { stepId: string }) => {
        const step = places.get(params.stepId)?.step;
        if (step?.kind !== 'end') return {};
        return { outcome: { stepId: step.id, outcome: step.outcome, at: at(context, event) } };
      }),
    },
    guards: {
      isStep: ({ event }, params: { stepId: string }) =>
        'stepId' in event && event.stepId === params.stepId,
      isTaskOf: ({ event }, params: { taskIds: readonly string[] }) =>
        'taskId' in event && params.taskIds.includes(event.taskId),
      isTemplateOf: ({ event }, params: { stepId: string; templates: readonly string[] }) =>
        event.type === 'notification.sent' &&
        event.stepId === params.stepId &&
        params.templates.includes(event.template),
      isOption: ({ event }, params: { stepId: string; optionId: string }) =>
        event.type === 'decision.chosen' &&
        event.stepId === params.stepId &&
        event.optionId === params.optionId,
      allRequiredTasksDone: (
        { context },
        params: { taskIds: readonly string[]; sentKeys: readonly string[] },
      ) =>
        params.taskIds.every((t) => t in context.tasks) &&
        params.sentKeys.every((k) => k in context.sent),
    },
  });
}

/** The setup type, from which the state builders take their config types. */
export type PlaybookSetup = ReturnType<typeof playbookSetup>;

/** Compiles a validated playbook (see validatePlaybook) to a machine; effects are no-ops until provided. */
export function compilePlaybook(playbook: Playbook) {
  const places = stepIndex(playbook);
  const machineSetup = playbookSetup(places);
  const { initial, states } = buildStates(playbook);
  return machineSetup.createMachine({
    id: PLAYBOOK_MACHINE_ID,
    context: ({ input }) => initialContext(playbook, input),
    initial,
    entry: {
      type: 'recordTimeline',
      params: ({ context }) => ({ kind: 'playbook.started', at: context.now }),
    },
    on: {
      tick: {
        actions: enqueueActions(({ context, event, enqueue }) => {
          const { deadlines, fired } = fireDue(context.deadlines, event.now);
          enqueue.assign({ deadlines, now: Math.max(context.now, event.now) });
          for (const f of fired) {
            const entered = context.deadlines[f.stepId]?.enteredAt ?? 0;
            if (f.kind === 'breach') {
              enqueue({
                type: 'recordTimeline',
                params: { kind: 'sla.breached', stepId: f.stepId, due: f.at, at: event.now },
              });
              continue;
            }
            const to = f.to ?? '';
            const message = f.message ?? '';
            enqueue({
              type: 'escalate',
              params: {
                key: `${f.stepId}@${entered}#${f.index ?? 0}`,
                stepId: f.stepId,
                to,
                message,
                scheduledAt: f.at,
                at: event.now,
              },
            });
            enqueue({
              type: 'recordTimeline',
              params: { kind: 'escalation.fired', stepId: f.stepId, to, message, at: event.now },
            });
          }
          if (fired.length > 0)
            enqueue({ type: 'armTimers', params: { nextAt: nextTimerAt({ deadlines }) } });
        }),
      },
      'incident.clock.set': {
        actions: enqueueActions(({ context, event, enqueue }) => {
          const incidentClocks = { ...context.incidentClocks, [event.clock]: event.value };
          const deadlines = Object.fromEntries(
            Object.entries(context.deadlines).map(([k, d]) => [k, rebase(d, incidentClocks)]),
          );
          enqueue.assign({ incidentClocks, deadlines, now: event.at });
          enqueue({
            type: 'recordTimeline',
            params: {
              kind: 'incident.clock.set',
              clock: event.clock,
              value: event.value,
              at: event.at,
              by: event.by,
            },
          });
          enqueue({ type: 'armTimers', params: { nextAt: nextTimerAt({ deadlines }) } });
        }),
      },
    },
    states,
    output: ({ context }) => ({ outcome: context.outcome }),
  });
}

/** A compiled playbook machine. */
export type PlaybookMachine = ReturnType<typeof compilePlaybook>;

/** A snapshot of a running playbook. */
export type PlaybookSnapshot = SnapshotFrom<PlaybookMachine>;
