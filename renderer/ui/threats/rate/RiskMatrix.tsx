import { severity } from '../../../../core/threats';
import { LikelihoodImpactTable } from '../../components/LikelihoodImpactTable';
import { SEVERITY_LABELS } from '../labels';

type Cell = { readonly likelihood: number; readonly impact: number };
type RiskMatrixProps = {
  readonly grid: readonly (readonly number[])[];
  readonly chosen: Cell | null;
  /** Filters the table to one cell; choosing the chosen cell again clears it. */
  readonly onChoose: (cell: Cell | null) => void;
};

/** The 4×4 matrix of active threats: impact down (highest first), likelihood across. */
export function RiskMatrix({ grid, chosen, onChoose }: RiskMatrixProps) {
  return (
    <LikelihoodImpactTable
      className="risk-matrix"
      caption={
        <caption className="risk-matrix__caption">
          Risk matrix: active threats by likelihood and impact
        </caption>
      }
      cell={(likelihood, impact) => {
        const count = grid[impact - 1]?.[likelihood - 1] ?? 0;
        const sev = severity(likelihood, impact);
        const on = chosen?.likelihood === likelihood && chosen.impact === impact;
        return (
          <td key={likelihood} className={`risk-matrix__cell risk-matrix__cell--${sev}`}>
            <button
              type="button"
              className="risk-matrix__button"
              aria-pressed={on}
              aria-label={`${String(count)} ${count === 1 ? 'threat' : 'threats'}, likelihood ${String(likelihood)}, impact ${String(impact)}, ${SEVERITY_LABELS[sev]}`}
              onClick={() => {
                onChoose(on ? null : { likelihood, impact });
              }}
            >
              {count}
            </button>
          </td>
        );
      }}
    />
  );
}
