import type { StateValue } from 'xstate';
import type { Deadline, Mark, PlaybookContext, PlaybookEvent } from './machine-types';
import { listSteps } from './model';
import type { ChecklistItem, NotificationTemplate, Playbook, Step } from './types';

// Read models of a running playbook for the incident room: which steps are active, what
// is done, what can happen next. Pure functions of the playbook and a snapshot.

/** The part of a machine snapshot these helpers read. */
export type RunSnapshot = { readonly value: StateValue; readonly context: PlaybookContext };

/** One active step as the incident room shows it. */
export type ActiveStep = {
  readonly step: Step;
  readonly phaseId: string;
  /** Set for a step inside a parallel track. */
  readonly parallelId?: string | undefined;
  readonly trackId?: string | undefined;
  readonly enteredAt: number | null;
  readonly tasks: readonly { readonly item: ChecklistItem; readonly done: Mark | null }[];
  readonly templates: readonly {
    readonly template: NotificationTemplate;
    readonly sent: Mark | null;
  }[];
  /** True when `step.advance` would be accepted now. */
  readonly canAdvance: boolean;
  readonly deadline: Deadline | null;
};

function keysOf(value: StateValue, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      if (child !== undefined) keysOf(child, out);
    }
  return out;
}

/** Ids of the active steps (parallel steps included), in document order. */
export function activeStepIds(playbook: Playbook, value: StateValue): string[] {
  const keys = keysOf(value, new Set());
  return listSteps(playbook)
    .filter((p) => keys.has(p.step.id))
    .map((p) => p.step.id);
}

/** The active steps with their checklist, notifications, deadline and whether they can advance. */
export function activeSteps(playbook: Playbook, snapshot: RunSnapshot): ActiveStep[] {
  const keys = keysOf(snapshot.value, new Set());
  const { context } = snapshot;
  return listSteps(playbook)
    .filter((p) => keys.has(p.step.id))
    .map(({ step, phase, parallel, track }) => {
      const items = step.kind === 'task' || step.kind === 'notification' ? step.tasks : [];
      const tasks = items.map((item) => ({ item, done: context.tasks[item.id] ?? null }));
      const templates = (step.kind === 'notification' ? step.templates : []).map((template) => ({
        template,
        sent: context.sent[`${step.id}/${template.template}`] ?? null,
      }));
      const canAdvance =
        (step.kind === 'task' || step.kind === 'notification') &&
        tasks.every((t) => !t.item.required || t.done) &&
        templates.every((t) => !t.template.required || t.sent);
      return {
        step,
        phaseId: phase.id,
        parallelId: parallel?.id,
        trackId: track?.id,
        enteredAt: context.entered[step.id] ?? null,
        tasks,
        templates,
        canAdvance,
        deadline: context.deadlines[step.id] ?? null,
      };
    });
}

/**
 * The events that move the run forward now: completing each open task, marking each
 * unsent notification, advancing a step whose required work is done, each decision option.
 */
export function forwardEvents(
  playbook: Playbook,
  snapshot: RunSnapshot,
  at: number,
  by?: string,
): PlaybookEvent[] {
  const events: PlaybookEvent[] = [];
  for (const active of activeSteps(playbook, snapshot)) {
    const { step } = active;
    if (step.kind === 'decision') {
      for (const o of step.options)
        events.push({ type: 'decision.chosen', stepId: step.id, optionId: o.id, at, by });
      continue;
    }
    for (const t of active.tasks)
      if (!t.done) events.push({ type: 'task.completed', taskId: t.item.id, at, by });
    for (const t of active.templates)
      if (!t.sent)
        events.push({
          type: 'notification.sent',
          stepId: step.id,
          template: t.template.template,
          at,
          by,
        });
    if (active.canAdvance) events.push({ type: 'step.advance', stepId: step.id, at, by });
  }
  return events;
}
