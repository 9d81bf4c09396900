import type { NotificationStep, Playbook } from '../../../core/playbooks';
import { ChecklistItems } from './ChecklistItems';
import { candidateClocks, clockDeadline } from './step-text';

type NotificationDetailsProps = {
  readonly step: NotificationStep;
  readonly playbook: Playbook;
};

/** Templates and audiences, the regulatory clocks the step starts, and its tasks. */
export function NotificationDetails({ step, playbook }: NotificationDetailsProps) {
  const clocks = step.clocks ? candidateClocks(step.clocks.audiences) : [];
  return (
    <>
      <ul className="playbook-notify" aria-label="Messages">
        {step.templates.map((t) => (
          <li key={t.template}>
            <span className="mono">{t.template}</span>
            {` to ${t.audience}`}
            {t.required ? '' : ' (optional)'}
          </li>
        ))}
      </ul>
      {step.clocks && (
        <details className="playbook-clocks">
          <summary>
            {`Starts regulatory clocks for ${step.clocks.audiences.join(', ')} (${String(clocks.length)} possible)`}
          </summary>
          <p className="text-muted">
            A run keeps the clocks that apply to the incident’s data classes and regimes. Guidance,
            not legal advice.
          </p>
          <table className="playbook-clocks__table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Tell</th>
                <th scope="col">Within</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {clocks.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.reference}</th>
                  <td>{c.recipient}</td>
                  <td>{clockDeadline(c)}</td>
                  <td>{c.trigger.replace(/-/g, ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <ChecklistItems items={step.tasks} playbook={playbook} />
    </>
  );
}
