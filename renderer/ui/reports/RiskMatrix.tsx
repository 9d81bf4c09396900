import type { Figure } from '../../../core/posture';
import type { Level } from '../../../core/threats';
import { severity } from '../../../core/threats';
import { LikelihoodImpactTable } from '../components/LikelihoodImpactTable';

/**
 * The risk matrix as a table: impact rows (highest first) by likelihood columns, each cell
 * a button that opens the threats behind it. Cells are tinted by the rating band and also
 * name it, so the band never depends on colour alone.
 */
export function RiskMatrix({
  figures,
  onDrill,
}: {
  readonly figures: readonly Figure[];
  readonly onDrill: (figure: Figure) => void;
}) {
  const cell = (l: Level, i: Level) => figures.find((f) => f.key === `${String(l)}x${String(i)}`);
  return (
    <LikelihoodImpactTable
      className="posture-matrix"
      caption={
        <caption className="posture-chart__title">
          Open threats by likelihood (columns) and impact (rows)
        </caption>
      }
      cell={(l, i) => {
        const f = cell(l, i);
        const band = severity(l, i);
        return (
          <td key={l} className={`posture-matrix__cell posture-matrix__cell--${band}`}>
            {f === undefined || f.value === null ? (
              '–'
            ) : (
              <button
                type="button"
                className="posture-matrix__button"
                onClick={() => {
                  onDrill(f);
                }}
              >
                <span className="visually-hidden">{f.label}: </span>
                <span className="posture-matrix__count">{f.value}</span>{' '}
                <span className="posture-matrix__band">{band}</span>
              </button>
            )}
          </td>
        );
      }}
    />
  );
}
