import { createContext } from 'react';
import type { InventoryFilter, Sort } from '../../../core/inventory';
import { useRequiredContext } from './required-context';

/** The facets of the filter (everything but the search text). */
export type Facets = Omit<InventoryFilter, 'text'>;
export type FacetKey = keyof Facets;

export type InventoryQueryApi = {
  /** What the search box shows, updated on every keystroke. */
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The text the list filters by: `text` once typing pauses (debounced ~100 ms). */
  readonly search: string;
  /** Applies the typed text now (before moving from the search box into the list). */
  readonly flushSearch: () => void;
  readonly facets: Facets;
  readonly setFacet: (key: FacetKey, values: readonly string[]) => void;
  readonly clearFilters: () => void;
  readonly sort: Sort;
  readonly setSort: (sort: Sort) => void;
};

export const InventoryQueryContext = createContext<InventoryQueryApi | null>(null);

/**
 * The list's search, facets and sort. They live above the screens so that leaving for
 * the workspace and coming back keeps the view, and so the top bar's search box works
 * from every area.
 */
export function useInventoryQuery(): InventoryQueryApi {
  return useRequiredContext(InventoryQueryContext, 'useInventoryQuery');
}
