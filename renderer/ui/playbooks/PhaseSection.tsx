import type { Phase, Playbook } from '../../../core/playbooks';
import { StepCard } from './StepCard';

type PhaseSectionProps = {
  readonly phase: Phase;
  readonly index: number;
  readonly playbook: Playbook;
  readonly selectedStepId: string | null;
};

const NIST: Readonly<Record<Phase['nist'], string>> = {
  govern: 'Govern',
  identify: 'Identify',
  protect: 'Protect',
  detect: 'Detect',
  respond: 'Respond',
  recover: 'Recover',
};

/** One phase with its CSF 2.0 function and PICERL tags, then its steps. */
export function PhaseSection({ phase, index, playbook, selectedStepId }: PhaseSectionProps) {
  const titleId = `playbook-phase-${phase.id}`;
  return (
    <section className="playbook__phase" aria-labelledby={titleId}>
      <div className="playbook__phase-head">
        <h3 id={titleId} className="playbook__section-title">
          {`Phase ${String(index + 1)}: ${phase.title}`}
        </h3>
        <ul className="playbooks__tags" aria-label="Frameworks">
          <li className="playbooks__tag" title="NIST CSF 2.0 function">
            {`CSF: ${NIST[phase.nist]}`}
          </li>
          <li className="playbooks__tag" title="SANS PICERL phase">
            {`PICERL: ${phase.picerl}`}
          </li>
        </ul>
      </div>
      {phase.description !== undefined && <p className="text-muted">{phase.description}</p>}
      <ol className="playbook__steps">
        {phase.steps.map((step) => (
          <StepCard key={step.id} step={step} playbook={playbook} selectedStepId={selectedStepId} />
        ))}
      </ol>
    </section>
  );
}
