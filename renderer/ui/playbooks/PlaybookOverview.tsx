import type { Playbook } from '../../../core/playbooks';

/** Summary, when the playbook applies, and its roles. */
export function PlaybookOverview({ playbook }: { readonly playbook: Playbook }) {
  const { appliesWhen } = playbook;
  return (
    <section className="playbook__overview" aria-labelledby="playbook-overview">
      <h3 id="playbook-overview" className="playbook__section-title">
        Overview
      </h3>
      <p className="playbook__summary">{playbook.summary}</p>
      <div className="playbook__columns">
        <div>
          <h4 className="playbook__subtitle">When it applies</h4>
          {appliesWhen.owasp.length > 0 && (
            <ul className="playbooks__tags" aria-label="OWASP API Security Top 10 categories">
              {appliesWhen.owasp.map((o) => (
                <li key={o} className="playbooks__tag">
                  {o}
                </li>
              ))}
            </ul>
          )}
          <ul className="playbook__signals" aria-label="Signals">
            {appliesWhen.signals.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
        <div>
          <h4 className="playbook__subtitle">Roles</h4>
          <dl className="playbook__roles">
            {playbook.roles.map((r) => (
              <div key={r.id} className="playbook__role">
                <dt>{r.title}</dt>
                <dd className="text-muted">{r.description}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
