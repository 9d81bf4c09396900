import type { Playbook, Step } from '../../../core/playbooks';
import { stepAnchor } from './catalogue';
import { ChecklistItems } from './ChecklistItems';
import { NotificationDetails } from './NotificationDetails';
import { SlaDetails } from './SlaDetails';
import { roleTitle, stepTitle } from './step-text';

type StepCardProps = {
  readonly step: Step;
  readonly playbook: Playbook;
  readonly selectedStepId: string | null;
};

const KIND: Readonly<Record<Step['kind'], string>> = {
  task: 'Tasks',
  decision: 'Decision',
  notification: 'Notification',
  parallel: 'Parallel tracks',
  end: 'End',
};

/** One step: its kind, owner, body by kind, SLA and where it leads. */
export function StepCard({ step, playbook, selectedStepId }: StepCardProps) {
  const selected = selectedStepId === step.id;
  const titleId = `${stepAnchor(step.id)}-title`;
  return (
    <li
      id={stepAnchor(step.id)}
      className={`playbook-step playbook-step--${step.kind}${selected ? ' playbook-step--selected' : ''}`}
      aria-labelledby={titleId}
      aria-current={selected ? 'step' : undefined}
    >
      <div className="step-head">
        <span className="playbook-step__kind">{KIND[step.kind]}</span>
        <h4 id={titleId} className="playbook-step__title">
          {step.title}
        </h4>
        {step.kind !== 'end' && step.owner !== undefined && (
          <span className="playbook-step__owner">Owner: {roleTitle(playbook, step.owner)}</span>
        )}
      </div>
      {step.description !== undefined && (
        <p className="playbook-step__description">{step.description}</p>
      )}
      {step.kind === 'task' && <ChecklistItems items={step.tasks} playbook={playbook} />}
      {step.kind === 'notification' && <NotificationDetails step={step} playbook={playbook} />}
      {step.kind === 'decision' && (
        <>
          <p className="playbook-step__question">{step.question}</p>
          <ul className="playbook-step__options" aria-label="Options">
            {step.options.map((o) => (
              <li key={o.id}>
                {o.label} <span className="text-muted">→ {stepTitle(playbook, o.next)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {step.kind === 'parallel' && (
        <div className="playbook-step__tracks">
          {step.tracks.map((track) => (
            <section key={track.id} className="playbook-track" aria-label={`Track: ${track.title}`}>
              <h5 className="playbook-track__title">{`Track: ${track.title}`}</h5>
              <ol className="playbook__steps">
                {track.steps.map((inner) => (
                  <StepCard
                    key={inner.id}
                    step={inner}
                    playbook={playbook}
                    selectedStepId={selectedStepId}
                  />
                ))}
              </ol>
            </section>
          ))}
          <p className="text-muted">Joined when every track has finished.</p>
        </div>
      )}
      {step.kind === 'end' && <p className="playbook-step__outcome">Outcome: {step.outcome}</p>}
      {step.kind !== 'end' && step.sla !== undefined && (
        <SlaDetails sla={step.sla} playbook={playbook} />
      )}
      {step.kind !== 'end' && step.kind !== 'decision' && (
        <p className="playbook-step__next text-muted">Then: {stepTitle(playbook, step.next)}</p>
      )}
    </li>
  );
}
