import { useMemo, useState, type ReactNode } from 'react';
import {
  sortedThreatRowSteps,
  type ThreatInstanceId,
  type ThreatRow,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { formatCount } from '../../lib/format';
import { useStepped } from '../../lib/use-stepped';
import { filterThreats, NO_FILTER, type ThreatFilter } from './filter';
import { ThreatFilters } from './ThreatFilters';
import { ThreatTable } from './ThreatTable';

/** The table's rows, most severe first, stale threats included. */
const tableSteps = (model: ThreatModelRecord) =>
  sortedThreatRowSteps(model, { includeStale: true });

type ThreatWorkbenchProps = {
  readonly model: ThreatModelRecord;
  /** The editor beside the table for the selected threat. */
  readonly renderDetail: (row: ThreatRow) => ReactNode;
  readonly emptyDetail: string;
  /** A filter owned by the step (the risk matrix sets it); else the workbench keeps its own. */
  readonly filter?: ThreatFilter;
  readonly onFilterChange?: (f: ThreatFilter) => void;
};

/** Filters, the threat table and the selected threat's editor: shared by steps 3 to 5. */
export function ThreatWorkbench({
  model,
  renderDetail,
  emptyDetail,
  filter: outerFilter,
  onFilterChange,
}: ThreatWorkbenchProps) {
  const [ownFilter, setOwnFilter] = useState<ThreatFilter>(NO_FILTER);
  const filter = outerFilter ?? ownFilter;
  const setFilter = onFilterChange ?? setOwnFilter;
  const [selectedId, setSelectedId] = useState<ThreatInstanceId | null>(null);
  // Tens of thousands of threats take a while to join and sort: that runs between frames,
  // and until it is done the previous table (or a progress line) stays on screen.
  const table = useStepped(model, tableSteps);
  const rows = useMemo(() => table.value ?? [], [table.value]);
  const shown = useMemo(() => filterThreats(rows, filter), [rows, filter]);
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const preparing =
    table.value === undefined && table.progress !== null
      ? Math.floor((100 * table.progress.done) / Math.max(1, table.progress.total))
      : null;
  return (
    <div className="workbench">
      <div className="workbench__main">
        <ThreatFilters filter={filter} elements={model.elements} onChange={setFilter} />
        <p className="workbench__count" role="status">
          {preparing !== null
            ? `Preparing ${formatCount(model.threats.instances.length)} threats… ${String(preparing)}%`
            : shown.length === rows.length
              ? `${String(rows.length)} threats`
              : `${String(shown.length)} of ${String(rows.length)} threats`}
        </p>
        {shown.length > 0 && (
          <ThreatTable rows={shown} selectedId={selectedId} onSelect={setSelectedId} />
        )}
      </div>
      <aside className="workbench__detail" aria-label="Selected threat">
        {selected === null ? <p className="text-muted">{emptyDetail}</p> : renderDetail(selected)}
      </aside>
    </div>
  );
}
