import type { ExerciseAction } from '../../../core/exercises/engine';
import type { Exercise } from '../../../core/exercises/exercise';
import { injectSchedule } from '../../../core/exercises/schedule';
import type { Scenario } from '../../../core/exercises/types';
import { InjectRow } from './InjectRow';

type Props = {
  readonly scenario: Scenario;
  readonly exercise: Exercise;
  readonly now: number;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

/** The master scenario events list: every inject, its state, and the facilitator's controls. */
export function MselPanel({ scenario, exercise, now, act }: Props) {
  const rows = injectSchedule(scenario, exercise, now);
  const counts = {
    delivered: rows.filter((r) => r.status === 'delivered').length,
    held: rows.filter((r) => r.status === 'held').length,
  };
  return (
    <section aria-labelledby="msel-title" className="msel">
      <h3 id="msel-title" className="msel__title">
        Master scenario events list{' '}
        <span className="exercises__meta">
          {counts.delivered} of {rows.length} delivered
          {counts.held > 0 ? ` · ${String(counts.held)} held for an answer` : ''}
        </span>
      </h3>
      <ol className="msel__list">
        {rows.map((row) => (
          <InjectRow
            key={row.inject.id}
            scenario={scenario}
            exercise={exercise}
            row={row}
            act={act}
          />
        ))}
      </ol>
    </section>
  );
}
