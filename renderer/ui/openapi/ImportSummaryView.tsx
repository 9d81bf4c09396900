import type { ApiDraft } from '../../../core/inventory/types';
import { LABELS } from '../../../core/inventory/types';
import type { ImportSummary } from '../../../core/openapi';

/** A count with thousands separators, as the progress bar writes them. */
const count = (n: number) => n.toLocaleString('en');

/** At most this many warnings are listed; the rest are counted. */
const MAX_WARNINGS = 20;

/** What the description says and what an import will create, before anything is written. */
export function ImportSummaryView({
  summary,
  draft,
}: {
  readonly summary: ImportSummary;
  readonly draft: ApiDraft;
}) {
  const s = summary;
  const owner = [draft.owner.team, draft.owner.contact].filter((x) => x !== '').join(', ');
  const severities = (['critical', 'high', 'elevated', 'medium', 'low'] as const)
    .filter((k) => s.bySeverity[k] > 0)
    .map((k) => `${count(s.bySeverity[k])} ${k}`)
    .join(', ');
  return (
    <section className="openapi-summary" aria-labelledby="openapi-summary-title">
      <h3 id="openapi-summary-title" className="openapi-summary__title break-anywhere">
        {s.title || 'Untitled API'} <span className="text-muted">{s.apiVersion}</span>
      </h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>Description</dt>
          <dd className="break-anywhere">
            {s.fileName} (OpenAPI {s.specVersion})
          </dd>
        </div>
        <div className="facts__row">
          <dt>Operations</dt>
          <dd>
            {count(s.operations)}
            {s.webhooks > 0 ? ` and ${count(s.webhooks)} webhooks` : ''}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Environments</dt>
          <dd>
            {s.servers.length === 0 ? (
              'None listed'
            ) : (
              <ul className="openapi-summary__list">
                {s.servers.map((e) => (
                  <li key={`${e.environment} ${e.url}`} className="break-anywhere">
                    {e.environment}: <code>{e.url}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Authentication</dt>
          <dd className="break-anywhere">
            {draft.authentication.map((a) => LABELS.auth[a]).join(', ')}
            {s.schemes.length > 0 &&
              ` (schemes: ${s.schemes.map((x) => `${x.name}: ${x.type}`).join('; ')})`}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Owner</dt>
          <dd className="break-anywhere">{owner || 'No contact in the description'}</dd>
        </div>
        <div className="facts__row">
          <dt>Threat model</dt>
          <dd>
            {count(s.elements)} elements, {count(s.threats)} threats
            {severities ? ` (${severities})` : ''}: {count(s.fromOperations)} found in the
            operations, {count(s.threats - s.fromOperations)} by the STRIDE rules per element.
            <span className="text-muted">
              {' '}
              As <code>bulwark analyze</code> finds them, with the rules as tailored in the Rules
              tab.
            </span>
          </dd>
        </div>
      </dl>
      {s.warnings.length > 0 && (
        <div className="openapi-summary__warnings">
          <h4 className="openapi-summary__subtitle">
            {s.warnings.length === 1 ? '1 warning' : `${String(s.warnings.length)} warnings`}
          </h4>
          <ul className="openapi-summary__list">
            {s.warnings.slice(0, MAX_WARNINGS).map((w, i) => (
              // Warnings may repeat word for word; their order is stable.
              <li key={`${String(i)} ${w}`} className="break-anywhere">
                <code>{w}</code>
              </li>
            ))}
          </ul>
          {s.warnings.length > MAX_WARNINGS && (
            <p className="text-muted">and {s.warnings.length - MAX_WARNINGS} more.</p>
          )}
        </div>
      )}
    </section>
  );
}
