import type { InventoryRow } from '../../../core/inventory';
import { Icon } from '../components/Icon';
import { resultSummary } from '../lib/format';
import { useCommands } from '../state/commands-context';
import { useInventoryQuery } from '../state/inventory-query-context';
import { FacetMenu } from './FacetMenu';
import { FACETS } from './facets';

type InventoryToolbarProps = { readonly rows: readonly InventoryRow[]; readonly shown: number };

/** Filters, the result count and "Add API" above the list. */
export function InventoryToolbar({ rows, shown }: InventoryToolbarProps) {
  const { text, facets, setFacet, clearFilters } = useInventoryQuery();
  const { run } = useCommands();
  const filtered = text.trim() !== '' || FACETS.some((f) => facets[f.key].length > 0);
  return (
    <div className="toolbar">
      <div className="toolbar__filters" role="group" aria-label="Filters">
        {FACETS.map((spec) => (
          <FacetMenu
            key={spec.key}
            spec={spec}
            rows={rows}
            selected={facets[spec.key]}
            onChange={(values) => {
              setFacet(spec.key, values);
            }}
          />
        ))}
        {filtered && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={clearFilters}
          >
            <Icon name="x" />
            Clear filters
          </button>
        )}
      </div>
      <p className="toolbar__count" role="status">
        {resultSummary(shown, rows.length)}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          run('api.new');
        }}
      >
        <Icon name="plus" />
        Add API
      </button>
    </div>
  );
}
