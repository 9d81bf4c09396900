import { useMemo } from 'react';
import type { ThreatModel } from '../../../../core/threats';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../lib/route';
import { workshopProgress } from './progress';
import { STEP_LABELS } from './steps';

type WorkshopStepperProps = {
  readonly model: ThreatModel;
  readonly current: WorkshopStep;
  readonly onChoose: (step: WorkshopStep) => void;
};

/** The six steps with their progress; the current one is marked for assistive technology. */
export function WorkshopStepper({ model, current, onChoose }: WorkshopStepperProps) {
  const progress = useMemo(() => workshopProgress(model), [model]);
  return (
    <nav className="stepper" aria-label="Workshop steps">
      <ol className="stepper__list">
        {WORKSHOP_STEPS.map((s, i) => {
          const p = progress[s];
          return (
            <li key={s} className="stepper__item">
              <button
                type="button"
                className={s === current ? 'stepper__step stepper__step--current' : 'stepper__step'}
                aria-current={s === current ? 'step' : undefined}
                aria-describedby={`step-progress-${s}`}
                onClick={() => {
                  onChoose(s);
                }}
              >
                <span className="stepper__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="stepper__label">{STEP_LABELS[s]}</span>
              </button>
              <span id={`step-progress-${s}`} className="stepper__progress-text">
                {p.text}
              </span>
              <span className="stepper__bar" aria-hidden="true">
                <span
                  className="stepper__fill"
                  style={{ inlineSize: `${String(Math.round(p.done * 100))}%` }}
                />
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
