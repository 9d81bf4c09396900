import {
  clampCompression,
  elapsedAt,
  endClock,
  newClock,
  pauseClock,
  realTimeOf,
  resumeClock,
  setCompression,
  startClock,
} from './clock';
import type {
  ActionStatus,
  Exercise,
  HseepRating,
  ImprovementItem,
  LogEntry,
  LogKind,
} from './exercise';
import { ACTION_STATUSES, EXERCISE_FORMAT, HSEEP_RATINGS } from './exercise';
import { injectSchedule } from './schedule';
import type { Scenario } from './types';

// The facilitator's actions as one pure reducer. Every action first delivers what has
// become due on simulated time, so pausing, changing speed or recording an answer never
// loses or reorders an inject; deliveries on schedule carry their scheduled simulated
// time, not the moment the host happened to look, so replays are deterministic.

/** What the facilitator (or the host's timer) can do. */
export type ExerciseAction =
  | { readonly type: 'start'; readonly simulatedStart?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'compression'; readonly value: number }
  | { readonly type: 'end' }
  | { readonly type: 'tick' }
  | { readonly type: 'deliver'; readonly injectId: string; readonly by?: string }
  | { readonly type: 'skip'; readonly injectId: string; readonly by?: string }
  | {
      readonly type: 'answer';
      readonly injectId: string;
      readonly optionId: string;
      readonly by?: string;
    }
  | {
      readonly type: 'note';
      readonly kind: 'decision' | 'observation';
      readonly text: string;
      readonly injectId?: string;
      readonly by?: string;
    }
  | {
      readonly type: 'action-result';
      readonly injectId: string;
      readonly actionId: string;
      readonly status: ActionStatus;
      readonly note: string;
    }
  | {
      readonly type: 'evaluate';
      readonly objectiveId: string;
      readonly rating: HseepRating;
      readonly notes: string;
    }
  | { readonly type: 'improvement.put'; readonly item: ImprovementItem }
  | { readonly type: 'improvement.remove'; readonly id: string };

/** A new, not yet started exercise of `scenario`, tied to its incident. */
export function createExercise(input: {
  readonly id: string;
  readonly scenario: Scenario;
  readonly incidentId: string;
  readonly facilitator: string;
  readonly now: number;
  readonly compression?: number;
}): Exercise {
  const { scenario, now } = input;
  return {
    format: EXERCISE_FORMAT,
    id: input.id,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    incidentId: input.incidentId,
    title: scenario.title,
    facilitator: input.facilitator,
    createdAt: now,
    updatedAt: now,
    clock: newClock(input.compression ?? 1),
    deliveries: [],
    answers: [],
    log: [],
    actions: [],
    evaluations: [],
    improvements: [],
  };
}

function appendLog(
  ex: Exercise,
  kind: LogKind,
  elapsed: number,
  realAt: number,
  extra: Partial<Pick<LogEntry, 'injectId' | 'text' | 'by'>> = {},
): Exercise {
  const entry: LogEntry = { seq: ex.log.length + 1, kind, elapsed, realAt, ...extra };
  return { ...ex, log: [...ex.log, entry] };
}

/** Delivers every inject that is due on simulated time at `now` (branches permitting). */
export function deliverDue(scenario: Scenario, ex: Exercise, now: number): Exercise {
  if (ex.clock.status !== 'running' && ex.clock.status !== 'paused') return ex;
  let out = ex;
  for (const row of injectSchedule(scenario, ex, now)) {
    if (row.status !== 'due') continue;
    const elapsed = row.dueAt;
    const realAt = realTimeOf(out.clock, elapsed) ?? now;
    out = {
      ...out,
      deliveries: [
        ...out.deliveries,
        { injectId: row.inject.id, status: 'delivered', elapsed, realAt, manual: false },
      ],
    };
    out = appendLog(out, 'delivered', elapsed, realAt, { injectId: row.inject.id });
  }
  return out;
}

function injectOf(scenario: Scenario, injectId: string) {
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject) throw new Error(`The scenario "${scenario.id}" has no inject "${injectId}".`);
  return inject;
}

function requireStarted(ex: Exercise, what: string): void {
  if (ex.clock.status === 'ready') throw new Error(`Start the exercise before you ${what}.`);
}

/** Applies one action at real time `now`; the result carries `updatedAt: now`. */
export function reduceExercise(
  scenario: Scenario,
  ex: Exercise,
  action: ExerciseAction,
  now: number,
): Exercise {
  if (scenario.id !== ex.scenarioId)
    throw new Error(`The exercise runs "${ex.scenarioId}", not "${scenario.id}".`);
  let out = deliverDue(scenario, ex, now);
  const elapsed = elapsedAt(out.clock, now);
  switch (action.type) {
    case 'tick':
      break;
    case 'start':
      if (out.clock.status !== 'ready') break;
      out = { ...out, clock: startClock(out.clock, now, action.simulatedStart) };
      out = appendLog(out, 'started', 0, now);
      out = deliverDue(scenario, out, now);
      break;
    case 'pause':
      if (out.clock.status !== 'running') break;
      out = appendLog({ ...out, clock: pauseClock(out.clock, now) }, 'paused', elapsed, now);
      break;
    case 'resume':
      if (out.clock.status !== 'paused') break;
      out = appendLog({ ...out, clock: resumeClock(out.clock, now) }, 'resumed', elapsed, now);
      break;
    case 'compression': {
      const value = clampCompression(action.value);
      if (value === out.clock.compression) break;
      out = { ...out, clock: setCompression(out.clock, value, now) };
      out = appendLog(out, 'compression', elapsed, now, { text: `${value}×` });
      break;
    }
    case 'end':
      if (out.clock.status === 'ended' || out.clock.status === 'ready') break;
      out = appendLog({ ...out, clock: endClock(out.clock, now) }, 'ended', elapsed, now);
      break;
    case 'deliver':
    case 'skip': {
      requireStarted(out, action.type === 'deliver' ? 'deliver an inject' : 'skip an inject');
      injectOf(scenario, action.injectId);
      if (out.deliveries.some((d) => d.injectId === action.injectId)) break;
      const status = action.type === 'deliver' ? 'delivered' : 'skipped';
      out = {
        ...out,
        deliveries: [
          ...out.deliveries,
          { injectId: action.injectId, status, elapsed, realAt: now, manual: true, by: action.by },
        ],
      };
      out = appendLog(out, status, elapsed, now, { injectId: action.injectId, by: action.by });
      break;
    }
    case 'answer': {
      requireStarted(out, 'record an answer');
      const inject = injectOf(scenario, action.injectId);
      const option = inject.question?.options.find((o) => o.id === action.optionId);
      if (!option)
        throw new Error(`"${action.optionId}" is not an answer of the inject "${inject.id}".`);
      if (out.answers.some((a) => a.injectId === inject.id))
        throw new Error(
          `The answer to "${inject.id}" is already recorded; record a decision note to change course.`,
        );
      out = {
        ...out,
        answers: [
          ...out.answers,
          { injectId: inject.id, optionId: option.id, elapsed, by: action.by },
        ],
      };
      out = appendLog(out, 'answer', elapsed, now, {
        injectId: inject.id,
        text: option.label,
        by: action.by,
      });
      // An answer can release a held inject at once.
      out = deliverDue(scenario, out, now);
      break;
    }
    case 'note': {
      requireStarted(out, 'record a note');
      const text = action.text.trim();
      if (text === '') throw new Error('The note is empty.');
      if (action.injectId !== undefined) injectOf(scenario, action.injectId);
      out = appendLog(out, action.kind, elapsed, now, {
        injectId: action.injectId,
        text,
        by: action.by,
      });
      break;
    }
    case 'action-result': {
      const inject = injectOf(scenario, action.injectId);
      if (!inject.expectedActions.some((a) => a.id === action.actionId))
        throw new Error(`The inject "${inject.id}" expects no action "${action.actionId}".`);
      if (!ACTION_STATUSES.includes(action.status))
        throw new Error(`Unknown action status "${action.status}".`);
      const rest = out.actions.filter(
        (a) => !(a.injectId === action.injectId && a.actionId === action.actionId),
      );
      const { injectId, actionId, status, note } = action;
      out = { ...out, actions: [...rest, { injectId, actionId, status, note: note.trim() }] };
      break;
    }
    case 'evaluate': {
      if (!scenario.objectives.some((o) => o.id === action.objectiveId))
        throw new Error(`The scenario has no objective "${action.objectiveId}".`);
      if (!HSEEP_RATINGS.includes(action.rating))
        throw new Error(`Unknown rating "${action.rating}" (use P, S, M or U).`);
      const rest = out.evaluations.filter((e) => e.objectiveId !== action.objectiveId);
      out = {
        ...out,
        evaluations: [
          ...rest,
          { objectiveId: action.objectiveId, rating: action.rating, notes: action.notes.trim() },
        ],
      };
      break;
    }
    case 'improvement.put': {
      const i = out.improvements.findIndex((x) => x.id === action.item.id);
      const improvements = [...out.improvements];
      if (i >= 0) improvements[i] = action.item;
      else improvements.push(action.item);
      out = { ...out, improvements };
      break;
    }
    case 'improvement.remove':
      out = { ...out, improvements: out.improvements.filter((x) => x.id !== action.id) };
      break;
  }
  return out === ex ? ex : { ...out, updatedAt: now };
}

/**
 * Real time (ms since epoch) of the next scheduled delivery, to arm one host timer; null if
 * none. An inject already due (the app was closed while it fell due) gives a time not after
 * `now`, so the host delivers it at once after a reload.
 */
export function nextDeliveryAt(scenario: Scenario, ex: Exercise, now: number): number | null {
  if (ex.clock.status !== 'running') return null;
  let next: number | null = null;
  for (const row of injectSchedule(scenario, ex, now))
    if ((row.status === 'upcoming' && row.condition !== 'not-met') || row.status === 'due') {
      const at = realTimeOf(ex.clock, row.dueAt);
      if (at !== null && (next === null || at < next)) next = at;
    }
  return next;
}
