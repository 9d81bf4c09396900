import { STRIDE_NAMES, explainRating, type ThreatRow } from '../../../../core/threats';
import { SEVERITY_LABELS, THREAT_STATUS_LABELS } from '../labels';

/** The selected threat in words: what, where, why it fired, its classification. */
export function ThreatSummary({ row }: { readonly row: ThreatRow }) {
  return (
    <div className="threat-summary">
      <h4 className="threat-summary__title break-anywhere">{row.title}</h4>
      <p className="threat-summary__meta">
        <span className={`severity severity--${row.severity}`}>
          {SEVERITY_LABELS[row.severity]}
        </span>{' '}
        {STRIDE_NAMES[row.stride]} · {THREAT_STATUS_LABELS[row.status]}
        {row.stale && <span className="badge badge--stale">Stale</span>}
      </p>
      {row.stale && row.staleReason !== null && <p className="text-muted">{row.staleReason}</p>}
      <dl className="facts">
        <div className="facts__row">
          <dt>Element</dt>
          <dd className="break-anywhere">{row.elementName}</dd>
        </div>
        {row.operation !== null && (
          <div className="facts__row">
            <dt>Operation</dt>
            <dd className="break-anywhere">
              <code>{row.operation}</code>
            </dd>
          </div>
        )}
        {row.location !== null && (
          <div className="facts__row">
            <dt>Location</dt>
            <dd className="break-anywhere">
              <code>{row.location}</code>
            </dd>
          </div>
        )}
        <div className="facts__row">
          <dt>Rating</dt>
          <dd>{explainRating({ likelihood: row.likelihood, impact: row.impact })}</dd>
        </div>
        <div className="facts__row">
          <dt>OWASP</dt>
          <dd>{row.owasp ?? 'None'}</dd>
        </div>
        <div className="facts__row">
          <dt>CWE / CAPEC</dt>
          <dd>{[...row.cwe, ...row.capec].join(', ') || 'None'}</dd>
        </div>
        <div className="facts__row">
          <dt>Why</dt>
          <dd className="break-anywhere">{row.evidence}</dd>
        </div>
      </dl>
      {row.description !== '' && <p className="pre-wrap break-anywhere">{row.description}</p>}
    </div>
  );
}
