import {
  changeOf,
  formatValue,
  REGIME_COLUMNS,
  regimeNames,
  type Figure,
  type Posture,
} from '../../../core/posture';

/** One row per regulatory regime, one drillable count per posture measure. */
export function RegimeTable({
  posture,
  onDrill,
}: {
  readonly posture: Posture;
  readonly onDrill: (figure: Figure) => void;
}) {
  const names = regimeNames(posture);
  if (names.length === 0)
    return <p className="text-muted">No regulatory regime is recorded on any API in service.</p>;
  const byId = new Map(posture.figures.map((f) => [f.id, f]));
  return (
    <table className="posture-table posture-table--regimes">
      <caption className="posture-chart__title">Posture of the APIs under each regime</caption>
      <thead>
        <tr>
          <th scope="col">Regime</th>
          {REGIME_COLUMNS.map(([key, title]) => (
            <th key={key} scope="col" className="posture-table__num">
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {names.map((regime) => (
          <tr key={regime}>
            <th scope="row">{regime}</th>
            {REGIME_COLUMNS.map(([key]) => {
              const f = byId.get(`regulatory.${regime}.${key}`);
              if (!f) return <td key={key}>–</td>;
              const c = changeOf(f);
              return (
                <td key={key} className="posture-table__num">
                  <button
                    type="button"
                    className="posture-table__drill"
                    aria-label={`${f.label}: ${formatValue(f.value, f.unit)}`}
                    onClick={() => {
                      onDrill(f);
                    }}
                  >
                    {formatValue(f.value, f.unit)}
                  </button>
                  {c.arrow !== '' && (
                    <span className={`posture-change posture-change--${c.tone}`} title={c.text}>
                      {' '}
                      {c.arrow}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
