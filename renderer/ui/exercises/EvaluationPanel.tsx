import { useState } from 'react';
import type { ExerciseAction } from '../../../core/exercises/engine';
import {
  HSEEP_LABELS,
  HSEEP_RATINGS,
  type Exercise,
  type HseepRating,
} from '../../../core/exercises/exercise';
import type { Scenario } from '../../../core/exercises/types';
import { AarExport } from './AarExport';
import { ImprovementPlan } from './ImprovementPlan';

type Props = {
  readonly scenario: Scenario;
  readonly exercise: Exercise;
  readonly now: number;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

/** HSEEP evaluation per objective, the improvement plan and the after-action report. */
export function EvaluationPanel({ scenario, exercise, now, act }: Props) {
  return (
    <div className="evaluation">
      <section aria-labelledby="eval-title">
        <h3 id="eval-title">Objectives (HSEEP ratings)</h3>
        <ul className="evaluation__objectives">
          {scenario.objectives.map((o) => (
            <ObjectiveRating key={o.id} objective={o} exercise={exercise} act={act} />
          ))}
        </ul>
      </section>
      <ImprovementPlan scenario={scenario} exercise={exercise} act={act} />
      <AarExport scenario={scenario} exercise={exercise} now={now} />
    </div>
  );
}

function ObjectiveRating({
  objective,
  exercise,
  act,
}: {
  objective: Scenario['objectives'][number];
  exercise: Exercise;
  act: Props['act'];
}) {
  const current = exercise.evaluations.find((e) => e.objectiveId === objective.id);
  const [notes, setNotes] = useState(current?.notes ?? '');
  const rate = (rating: HseepRating) =>
    void act({ type: 'evaluate', objectiveId: objective.id, rating, notes });
  return (
    <li className="evaluation__objective">
      <fieldset>
        <legend>
          {objective.text} <span className="exercises__meta">({objective.capability})</span>
        </legend>
        <div className="evaluation__ratings">
          {HSEEP_RATINGS.map((r) => (
            <label key={r} className="evaluation__rating">
              <input
                type="radio"
                name={`rating-${objective.id}`}
                checked={current?.rating === r}
                onChange={() => {
                  rate(r);
                }}
              />{' '}
              <strong>{r}</strong> {HSEEP_LABELS[r]}
            </label>
          ))}
        </div>
        <label className="field">
          <span className="field__label">Evaluation notes</span>
          <textarea
            className="field__control"
            rows={2}
            value={notes}
            onChange={(e) => {
              setNotes(e.target.value);
            }}
            onBlur={() => {
              if (current && notes !== current.notes)
                void act({
                  type: 'evaluate',
                  objectiveId: objective.id,
                  rating: current.rating,
                  notes,
                });
            }}
          />
        </label>
      </fieldset>
    </li>
  );
}
