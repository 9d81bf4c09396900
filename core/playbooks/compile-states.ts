import { and } from 'xstate';
import { clocksFor } from './clocks';
import type { PlaybookSetup } from './compile';
import { byOf, timeOf, type PlaybookContext } from './machine-types';
import { nextTimerAt } from './timers';
import type { EndStep, ParallelStep, Phase, Playbook, Step, StepId, TrackStep } from './types';

// The state configuration of a compiled playbook, built from its steps. State keys are
// the playbook's own ids; explicit node ids `s:<step>` let any step target any other.

type MachineConfig = Parameters<PlaybookSetup['createMachine']>[0];
type StatesConfig = NonNullable<MachineConfig['states']>;
type StateConfig = StatesConfig[string];
type ActionItem = Exclude<NonNullable<StateConfig['entry']>, readonly unknown[]>;

/** The key of the final state that closes a track. Underscores never occur in playbook ids. */
export const TRACK_DONE = '_done';

/** The explicit XState node id of a step. */
export function nodeId(stepId: string): string {
  return `s:${stepId}`;
}

const when = (context: PlaybookContext, event: { type: string }) => ({
  at: timeOf(event) ?? context.now,
  by: byOf(event),
});

const target = (next: StepId | undefined) => (next === undefined ? TRACK_DONE : `#${nodeId(next)}`);

function lifecycle(step: Exclude<Step, EndStep>): Pick<StateConfig, 'entry' | 'exit'> {
  const stepId = step.id;
  const arm = step.sla
    ? [
        {
          type: 'armTimers' as const,
          params: ({ context }: { context: PlaybookContext }) => ({ nextAt: nextTimerAt(context) }),
        },
      ]
    : [];
  const notify: ActionItem[] =
    step.kind === 'notification'
      ? [
          ...(step.clocks
            ? [
                {
                  // Before enterStep, which records the clocks as started.
                  type: 'startRegulatoryClocks' as const,
                  params: ({
                    context,
                    event,
                  }: {
                    context: PlaybookContext;
                    event: { type: string };
                  }) => ({
                    stepId,
                    audiences: step.clocks?.audiences ?? [],
                    clockIds: clocksFor(context.scope)
                      .filter((c) => step.clocks?.audiences.includes(c.audience))
                      .filter((c) => !(c.id in context.regulatoryClocks))
                      .map((c) => c.id),
                    ...when(context, event),
                  }),
                },
              ]
            : []),
          {
            type: 'notifyStakeholders' as const,
            params: ({
              context,
              event,
            }: {
              context: PlaybookContext;
              event: { type: string };
            }) => ({
              stepId,
              templates: step.templates,
              ...when(context, event),
            }),
          },
        ]
      : [];
  return {
    entry: [
      ...notify,
      { type: 'enterStep', params: { stepId } },
      {
        type: 'recordTimeline',
        params: ({ context, event }) => ({ kind: 'step.entered', stepId, ...when(context, event) }),
      },
      ...arm,
    ],
    exit: [
      { type: 'leaveStep', params: { stepId } },
      {
        type: 'recordTimeline',
        params: ({ context, event }) => ({
          kind: 'step.completed',
          stepId,
          ...when(context, event),
        }),
      },
      ...arm,
    ],
  };
}

/** Checking or unchecking one of a step's tasks: update the checklist, record it. */
function taskTransition(
  kind: 'task.completed' | 'task.reopened',
  action: 'markTask' | 'reopenTask',
  stepId: string,
  taskIds: readonly string[],
) {
  return {
    guard: { type: 'isTaskOf' as const, params: { taskIds } },
    actions: [
      'stamp' as const,
      action,
      {
        type: 'recordTimeline' as const,
        params: ({ context, event }: { context: PlaybookContext; event: { type: string } }) => ({
          kind,
          stepId,
          taskId: 'taskId' in event && typeof event.taskId === 'string' ? event.taskId : '',
          ...when(context, event),
        }),
      },
    ],
  };
}

function checklistState(step: Extract<TrackStep, { kind: 'task' | 'notification' }>): StateConfig {
  const stepId = step.id;
  const taskIds = step.tasks.map((t) => t.id);
  const required = step.tasks.filter((t) => t.required).map((t) => t.id);
  const templates = step.kind === 'notification' ? step.templates : [];
  const sentKeys = templates.filter((t) => t.required).map((t) => `${stepId}/${t.template}`);
  return {
    id: nodeId(stepId),
    ...lifecycle(step),
    on: {
      'task.completed': taskTransition('task.completed', 'markTask', stepId, taskIds),
      'task.reopened': taskTransition('task.reopened', 'reopenTask', stepId, taskIds),
      'notification.sent': {
        guard: {
          type: 'isTemplateOf',
          params: { stepId, templates: templates.map((t) => t.template) },
        },
        actions: [
          'stamp',
          'markSent',
          {
            type: 'recordTimeline',
            params: ({ context, event }) => ({
              kind: 'notification.sent',
              stepId,
              template: 'template' in event ? event.template : '',
              ...when(context, event),
            }),
          },
        ],
      },
      'step.advance': {
        guard: and([
          { type: 'isStep', params: { stepId } },
          { type: 'allRequiredTasksDone', params: { taskIds: required, sentKeys } },
        ]),
        target: target(step.next),
        actions: ['stamp'],
      },
    },
  };
}

function decisionState(step: Extract<TrackStep, { kind: 'decision' }>): StateConfig {
  const stepId = step.id;
  return {
    id: nodeId(stepId),
    ...lifecycle(step),
    on: {
      'decision.chosen': step.options.map((o) => ({
        guard: { type: 'isOption' as const, params: { stepId, optionId: o.id } },
        target: target(o.next),
        actions: [
          'stamp' as const,
          'recordDecision' as const,
          {
            type: 'recordTimeline' as const,
            params: ({
              context,
              event,
            }: {
              context: PlaybookContext;
              event: { type: string };
            }) => ({
              kind: 'decision.chosen' as const,
              stepId,
              optionId: o.id,
              ...when(context, event),
            }),
          },
        ],
      })),
    },
  };
}

function stepState(step: TrackStep): StateConfig {
  return step.kind === 'decision' ? decisionState(step) : checklistState(step);
}

function parallelState(step: ParallelStep): StateConfig {
  const tracks: StatesConfig = {};
  for (const track of step.tracks) {
    const states: StatesConfig = {};
    for (const inner of track.steps) states[inner.id] = stepState(inner);
    states[TRACK_DONE] = {
      type: 'final',
      entry: {
        type: 'recordTimeline',
        params: ({ context, event }) => ({
          kind: 'track.finished',
          stepId: step.id,
          trackId: track.id,
          ...when(context, event),
        }),
      },
    };
    tracks[track.id] = { initial: track.steps[0]?.id ?? TRACK_DONE, states };
  }
  return {
    id: nodeId(step.id),
    type: 'parallel',
    ...lifecycle(step),
    states: tracks,
    onDone: { target: target(step.next), actions: ['stamp'] },
  };
}

function endState(step: EndStep): StateConfig {
  return {
    id: nodeId(step.id),
    type: 'final',
    entry: [
      { type: 'setOutcome', params: { stepId: step.id } },
      {
        type: 'recordTimeline',
        params: ({ context, event }) => ({
          kind: 'playbook.ended',
          stepId: step.id,
          outcome: step.outcome,
          ...when(context, event),
        }),
      },
    ],
  };
}

function phaseState(phase: Phase): StateConfig | undefined {
  const states: StatesConfig = {};
  for (const step of phase.steps) {
    if (step.kind === 'end') continue;
    states[step.id] = step.kind === 'parallel' ? parallelState(step) : stepState(step);
  }
  const first = phase.steps.find((s) => s.kind !== 'end');
  if (!first) return undefined;
  return {
    initial: first.id,
    entry: {
      type: 'recordTimeline',
      params: ({ context, event }) => ({
        kind: 'phase.entered',
        phaseId: phase.id,
        nist: phase.nist,
        picerl: phase.picerl,
        ...when(context, event),
      }),
    },
    states,
  };
}

/** The root states (phases and end steps) and the initial one. */
export function buildStates(playbook: Playbook): { initial: string; states: StatesConfig } {
  const states: StatesConfig = {};
  for (const phase of playbook.phases) {
    const state = phaseState(phase);
    if (state) states[phase.id] = state;
    for (const step of phase.steps) if (step.kind === 'end') states[step.id] = endState(step);
  }
  const start = playbook.phases[0]?.steps[0];
  const initial = start?.kind === 'end' ? start.id : (playbook.phases[0]?.id ?? '');
  return { initial, states };
}
