import type { Playbook, Sla } from '../../../core/playbooks';
import { readableDuration, roleTitle, slaBase } from './step-text';

/** A step's SLA and its escalations, in words. */
export function SlaDetails({ sla, playbook }: { readonly sla: Sla; readonly playbook: Playbook }) {
  return (
    <div className="playbook-sla">
      <p className="playbook-sla__line">
        {`SLA: within ${readableDuration(sla.within)} of ${slaBase(sla.from)}`}
      </p>
      {sla.escalations.length > 0 && (
        <ul className="playbook-sla__escalations" aria-label="Escalations">
          {sla.escalations.map((e) => (
            <li key={`${e.after}-${e.to}`}>
              {`After ${readableDuration(e.after)}: ${roleTitle(playbook, e.to)} — ${e.message}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
