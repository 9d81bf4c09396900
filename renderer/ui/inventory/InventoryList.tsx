import { useCallback, useMemo } from 'react';
import { filterRows, sortRows, toRows, type ApiEntry, type ApiId } from '../../../core/inventory';
import { useToday } from '../lib/use-today';
import { useInventoryQuery } from '../state/inventory-query-context';
import { useRouter } from '../state/router-context';
import { EmptyResults } from './EmptyResults';
import { InventoryGrid } from './InventoryGrid';
import { InventoryToolbar } from './InventoryToolbar';
import { useDeleteApi } from './use-delete-api';

type InventoryListProps = { readonly apis: readonly ApiEntry[]; readonly openId: ApiId | null };

/** The toolbar and the list, filtered and sorted with core's functions. */
export function InventoryList({ apis, openId }: InventoryListProps) {
  const today = useToday();
  const { search, facets, sort, setSort, clearFilters } = useInventoryQuery();
  const { navigate } = useRouter();
  const requestDelete = useDeleteApi();

  const rows = useMemo(() => toRows(apis, today), [apis, today]);
  // Sorting once and filtering the sorted rows keeps the order and makes typing cheap.
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const shown = useMemo(
    () => filterRows(sorted, { ...facets, text: search }),
    [sorted, facets, search],
  );

  const open = useCallback(
    (id: ApiId) => {
      navigate({ area: 'inventory', panel: { kind: 'view', id } });
    },
    [navigate],
  );

  return (
    <section className="inventory__list" aria-label="API list">
      <InventoryToolbar rows={rows} shown={shown.length} />
      {shown.length === 0 ? (
        <EmptyResults onClear={clearFilters} />
      ) : (
        <InventoryGrid
          rows={shown}
          sort={sort}
          onSort={setSort}
          openId={openId}
          today={today}
          onOpen={open}
          onDelete={requestDelete}
        />
      )}
    </section>
  );
}
