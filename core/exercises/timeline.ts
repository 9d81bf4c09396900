import type { TimelineDraft } from '../incidents/types';
import { simulatedAt } from './clock';
import type { Exercise, LogEntry } from './exercise';
import { formatElapsed } from './participant';
import type { Scenario } from './types';

// An exercise is an incident in exercise mode: what happens in the exercise goes into the
// incident's own hash-chained timeline, stamped with simulated time, beside what the
// players do in the room. These are the drafts for the log entries an action added.

const KIND: Readonly<Record<LogEntry['kind'], string>> = {
  started: 'exercise-clock',
  paused: 'exercise-clock',
  resumed: 'exercise-clock',
  compression: 'exercise-clock',
  ended: 'exercise-clock',
  delivered: 'exercise-inject',
  skipped: 'exercise-inject',
  answer: 'decision',
  decision: 'decision',
  observation: 'note',
};

/** The log entries `after` has that `before` had not, as timeline drafts of its incident. */
export function timelineDrafts(
  scenario: Scenario,
  before: Exercise,
  after: Exercise,
  recordedAt: number,
): TimelineDraft[] {
  const start = after.clock.simulatedStart ?? recordedAt;
  const titles = new Map(scenario.injects.map((i) => [i.id, i.title]));
  return after.log.slice(before.log.length).map((e) => {
    const inject = e.injectId === undefined ? '' : (titles.get(e.injectId) ?? e.injectId);
    return {
      at: start + e.elapsed,
      recordedAt,
      actor: e.by ?? after.facilitator,
      kind: KIND[e.kind],
      text: `EXERCISE ${formatElapsed(e.elapsed)}: ${describe(e, inject)}`,
      data: { exerciseId: after.id, log: e.seq, event: e.kind, injectId: e.injectId ?? null },
    };
  });
}

function describe(e: LogEntry, inject: string): string {
  switch (e.kind) {
    case 'started':
      return 'exercise started';
    case 'paused':
      return 'exercise paused';
    case 'resumed':
      return 'exercise resumed';
    case 'ended':
      return 'exercise ended';
    case 'compression':
      return `time compression set to ${e.text ?? ''}`;
    case 'delivered':
      return `inject delivered: ${inject}`;
    case 'skipped':
      return `inject skipped: ${inject}`;
    case 'answer':
      return `answer to "${inject}": ${e.text ?? ''}`;
    case 'decision':
      return `decision${inject ? ` on "${inject}"` : ''}: ${e.text ?? ''}`;
    case 'observation':
      return `observation${inject ? ` on "${inject}"` : ''}: ${e.text ?? ''}`;
  }
}

/** Simulated wall time of the exercise at real time `now` (the incident room's clock). */
export function exerciseNow(ex: Exercise, now: number): number {
  return simulatedAt(ex.clock, now);
}
