import { useEffect, useRef } from 'react';
import type { ThreatModelId } from '../../../../core/threats';
import { useModelSaving, useThreatModelLoad } from '../../../storage/hooks-threats';
import { isTypingTarget } from '../../lib/dom';
import { formatCount } from '../../lib/format';
import type { WorkshopStep } from '../../lib/route';
import { useRouter } from '../../state/router-context';
import { ExportMenu } from '../exchange/ExportMenu';
import { FacilitatorTimer } from './FacilitatorTimer';
import { StepBody } from './StepBody';
import { STEP_LABELS, stepBeside, stepKey } from './steps';
import { WorkshopStepper } from './WorkshopStepper';

type WorkshopProps = { readonly id: ThreatModelId; readonly step: WorkshopStep };

/** One model's workshop: the stepper, the facilitator timer, the exports and the step. */
export function Workshop({ id, step }: WorkshopProps) {
  const { model, progress } = useThreatModelLoad(id);
  // While a huge model is saved (in the worker) the step takes no edits, and focus comes
  // back to where it was once the save is done.
  const saving = useModelSaving();
  const focusBeforeSave = useRef<Element | null>(null);
  useEffect(() => {
    if (saving) {
      focusBeforeSave.current = document.activeElement;
      return;
    }
    const before = focusBeforeSave.current;
    focusBeforeSave.current = null;
    if (before instanceof HTMLElement && before.isConnected && document.activeElement !== before)
      before.focus();
  }, [saving]);
  const { navigate } = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const go = (to: WorkshopStep): void => {
    navigate({ area: 'threats', view: { kind: 'model', id, step: to } });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const delta = stepKey({
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        inField: isTypingTarget(e.target),
      });
      if (delta === null) return;
      e.preventDefault();
      navigate({ area: 'threats', view: { kind: 'model', id, step: stepBeside(step, delta) } });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [id, step, navigate]);

  // A new step moves focus to its heading, so a screen reader hears where it is.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (model === undefined)
    return (
      <p className="loading" role="status">
        {progress === null || progress.total === 0
          ? 'Loading the threat model…'
          : `Loading the threat model: ${formatCount(progress.done)} of ${formatCount(progress.total)} threats…`}
      </p>
    );
  if (model === null)
    return (
      <section className="threats" aria-labelledby="missing-model">
        <h2 id="missing-model">Threat model not found</h2>
        <p>It may have been deleted, or replaced by a restore.</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'threats', view: { kind: 'list' } }, { replace: true });
          }}
        >
          Back to threat models
        </button>
      </section>
    );
  return (
    <div className="workshop">
      <header className="workshop__header">
        <div className="workshop__heading">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              navigate({ area: 'threats', view: { kind: 'list' } });
            }}
          >
            All threat models
          </button>
          <h2 className="workshop__title break-anywhere">{model.title}</h2>
        </div>
        <FacilitatorTimer />
        <ExportMenu model={model} />
      </header>
      <WorkshopStepper model={model} current={step} onChoose={go} />
      {saving && (
        <p className="workshop__saving" role="status">
          Saving {formatCount(model.threats.instances.length)} threats…
        </p>
      )}
      <section
        className="workshop__step"
        aria-labelledby="workshop-step-title"
        aria-busy={saving}
        inert={saving}
      >
        <h3
          id="workshop-step-title"
          ref={headingRef}
          tabIndex={-1}
          className="workshop__step-title"
        >
          Step {String(Object.keys(STEP_LABELS).indexOf(step) + 1)}: {STEP_LABELS[step]}
        </h3>
        <StepBody model={model} step={step} />
      </section>
    </div>
  );
}
