import { useMemo, useState } from 'react';
import { modelRiskMatrix } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { NO_FILTER, type ThreatFilter } from '../identify/filter';
import { ThreatSummary } from '../identify/ThreatSummary';
import { ThreatWorkbench } from '../identify/ThreatWorkbench';
import { RatingEditor } from './RatingEditor';
import { RiskMatrix } from './RiskMatrix';

/** Step 4: likelihood × impact per threat, overrides with rationale, and the risk matrix. */
export function RateStep({ model }: { readonly model: ThreatModelRecord }) {
  const [filter, setFilter] = useState<ThreatFilter>(NO_FILTER);
  const grid = useMemo(() => modelRiskMatrix(model), [model]);
  return (
    <div className="rate">
      <RiskMatrix
        grid={grid}
        chosen={filter.cell}
        onChoose={(cell) => {
          setFilter({ ...filter, cell });
        }}
      />
      <ThreatWorkbench
        model={model}
        filter={filter}
        onFilterChange={setFilter}
        emptyDetail="Choose a threat to rate it."
        renderDetail={(row) => (
          <div key={row.id}>
            <ThreatSummary row={row} />
            <RatingEditor model={model} row={row} />
          </div>
        )}
      />
    </div>
  );
}
