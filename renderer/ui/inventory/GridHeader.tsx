import type { Sort } from '../../../core/inventory';
import { Icon } from '../components/Icon';
import { COLUMNS } from './columns';

type GridHeaderProps = { readonly sort: Sort; readonly onSort: (sort: Sort) => void };

/** The column headers; each is a button that sorts by it, again to reverse. */
export function GridHeader({ sort, onSort }: GridHeaderProps) {
  return (
    <div role="rowgroup" className="grid__head">
      <div role="row" aria-rowindex={1} className="grid__row grid__row--head">
        {COLUMNS.map((c) => {
          const active = sort.key === c.sortKey;
          const direction = active && sort.direction === 'asc' ? 'desc' : 'asc';
          return (
            <div
              key={c.id}
              role="columnheader"
              className={`grid__cell grid__cell--${c.id} grid__header`}
              aria-sort={
                active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              <button
                type="button"
                className={active ? 'sort-button sort-button--active' : 'sort-button'}
                onClick={() => {
                  onSort({ key: c.sortKey, direction: active ? direction : 'asc' });
                }}
              >
                {c.label}
                <Icon
                  name={active ? (sort.direction === 'asc' ? 'arrowUp' : 'arrowDown') : 'sort'}
                  className="sort-button__icon"
                />
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
