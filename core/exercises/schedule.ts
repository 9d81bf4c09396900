import { elapsedAt } from './clock';
import type { Exercise, InjectDelivery } from './exercise';
import type { BranchCondition, Inject, Scenario } from './types';
import { injectOffset } from './validate';

// Where each inject of the MSEL stands at a moment of simulated time. Branch conditions
// read the answers recorded so far: an inject whose condition cannot be decided yet is
// held (it waits for the answer), one whose condition failed is not taken.

/** The state of an inject. */
export type InjectStatus = 'upcoming' | 'due' | 'held' | 'not-taken' | 'delivered' | 'skipped';
/** A branch condition's state. */
export type ConditionState = 'none' | 'met' | 'not-met' | 'pending';

/** One row of the MSEL at a moment. */
export type ScheduledInject = {
  readonly inject: Inject;
  /** The scheduled simulated offset in ms. */
  readonly offset: number;
  /** When it is (or was) due in simulated ms: the offset, or later when an answer released it. */
  readonly dueAt: number;
  readonly status: InjectStatus;
  readonly condition: ConditionState;
  readonly delivery?: InjectDelivery | undefined;
};

type Answers = ReadonlyMap<string, { optionId: string; elapsed: number }>;

function check(
  condition: BranchCondition | undefined,
  answers: Answers,
  wanted: boolean,
): { state: ConditionState; at: number } {
  if (!condition) return { state: 'none', at: 0 };
  const answer = answers.get(condition.inject);
  if (!answer) return { state: 'pending', at: 0 };
  const matches = answer.optionId === condition.answer;
  return { state: matches === wanted ? 'met' : 'not-met', at: answer.elapsed };
}

/** The combined state of an inject's deliverIf and deliverUnless, and when it was settled. */
export function conditionOf(
  inject: Inject,
  answers: Answers,
): { state: ConditionState; at: number } {
  const parts = [
    check(inject.deliverIf, answers, true),
    check(inject.deliverUnless, answers, false),
  ];
  const at = Math.max(...parts.map((p) => p.at));
  if (parts.some((p) => p.state === 'not-met')) return { state: 'not-met', at };
  if (parts.some((p) => p.state === 'pending')) return { state: 'pending', at };
  if (parts.some((p) => p.state === 'met')) return { state: 'met', at };
  return { state: 'none', at: 0 };
}

/** The MSEL at real time `now`, in scenario order. */
export function injectSchedule(scenario: Scenario, ex: Exercise, now: number): ScheduledInject[] {
  const elapsed = ex.clock.status === 'ready' ? -1 : elapsedAt(ex.clock, now);
  const answers: Answers = new Map(ex.answers.map((a) => [a.injectId, a]));
  const deliveries = new Map(ex.deliveries.map((d) => [d.injectId, d]));
  return scenario.injects.map((inject) => {
    const offset = injectOffset(inject);
    const condition = conditionOf(inject, answers);
    const dueAt = Math.max(offset, condition.at);
    const delivery = deliveries.get(inject.id);
    const base = { inject, offset, dueAt, condition: condition.state, delivery };
    if (delivery) return { ...base, status: delivery.status };
    if (elapsed < offset) return { ...base, status: 'upcoming' };
    if (condition.state === 'pending') return { ...base, status: 'held' };
    if (condition.state === 'not-met') return { ...base, status: 'not-taken' };
    return { ...base, status: 'due' };
  });
}
