import {
  formatMonth,
  INCIDENT_SEVERITIES,
  SEVERITY_FILL,
  type TrendPoint,
} from '../../../core/posture';

/** Live incidents per month, stacked by severity, each month's total written above its bar. */
export function TrendChart({ trend }: { readonly trend: readonly TrendPoint[] }) {
  const totals = trend.map((t) => INCIDENT_SEVERITIES.reduce((n, s) => n + t.counts[s], 0));
  const max = Math.max(1, ...totals);
  const summary = trend.map((t, i) => `${formatMonth(t.month)}: ${totals[i] ?? 0}`).join(', ');
  return (
    <figure
      className="posture-trend"
      role="img"
      aria-label={`Live incidents per month by severity. ${summary}`}
    >
      <figcaption className="posture-chart__title">
        Live incidents per month, by severity
      </figcaption>
      <div className="posture-trend__plot">
        {trend.map((t, i) => (
          <div key={t.month} className="posture-trend__col">
            <span className="posture-trend__total">{totals[i] ?? 0}</span>
            <div
              className="posture-trend__stack"
              style={{ height: `${((totals[i] ?? 0) / max) * 100}%` }}
            >
              {INCIDENT_SEVERITIES.map((s) =>
                t.counts[s] > 0 ? (
                  <span
                    key={s}
                    className="posture-trend__part"
                    title={`${s}: ${t.counts[s]}`}
                    style={{ flexGrow: t.counts[s], background: SEVERITY_FILL[s] }}
                  />
                ) : null,
              )}
            </div>
            <span className="posture-trend__month">{formatMonth(t.month)}</span>
          </div>
        ))}
      </div>
      <ul className="posture-legend" aria-hidden="true">
        {INCIDENT_SEVERITIES.map((s) => (
          <li key={s}>
            <span className="posture-legend__swatch" style={{ background: SEVERITY_FILL[s] }} />
            {s}
          </li>
        ))}
      </ul>
    </figure>
  );
}
