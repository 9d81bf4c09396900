import { useMemo } from 'react';
import { SEVERITIES, isActive, threatRows, type ThreatModel } from '../../../../core/threats';
import { SEVERITY_LABELS } from '../labels';

/** Summary figures: elements, threats by severity, decisions, mitigations. */
export function ReviewSummary({ model }: { readonly model: ThreatModel }) {
  const figures = useMemo(() => {
    const rows = threatRows(model).filter(isActive);
    const bySeverity = SEVERITIES.map(
      (s) => [s, rows.filter((r) => r.severity === s).length] as const,
    );
    const mitigations = rows.flatMap((r) => r.mitigations);
    return {
      elements: model.elements.length,
      threats: rows.length,
      open: rows.filter((r) => r.status === 'open').length,
      accepted: rows.filter((r) => r.status === 'accepted').length,
      bySeverity,
      mitigations: mitigations.length,
      verified: mitigations.filter((m) => m.status === 'verified').length,
    };
  }, [model]);
  const figure = (label: string, value: number) => (
    <div className="figure" key={label}>
      <dt className="figure__label">{label}</dt>
      <dd className="figure__value">{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="review-summary-title" className="review__summary">
      <h4 id="review-summary-title" className="prompts__title">
        Summary
      </h4>
      <dl className="figures">
        {figure('Elements', figures.elements)}
        {figure('Active threats', figures.threats)}
        {figure('Open', figures.open)}
        {figure('Accepted', figures.accepted)}
        {figure('Mitigations', figures.mitigations)}
        {figure('Verified', figures.verified)}
        {[...figures.bySeverity].reverse().map(([s, n]) => figure(SEVERITY_LABELS[s], n))}
      </dl>
    </section>
  );
}
