import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { EMPTY_FILTER, type Sort } from '../../../core/inventory';
import {
  InventoryQueryContext,
  type FacetKey,
  type Facets,
  type InventoryQueryApi,
} from './inventory-query-context';

const NO_FACETS: Facets = {
  lifecycle: EMPTY_FILTER.lifecycle,
  exposure: EMPTY_FILTER.exposure,
  dataClass: EMPTY_FILTER.dataClass,
  sensitivity: EMPTY_FILTER.sensitivity,
  flag: EMPTY_FILTER.flag,
  regime: EMPTY_FILTER.regime,
};
const DEFAULT_SORT: Sort = { key: 'name', direction: 'asc' };

// Long enough to skip the intermediate words of a fast typist, short enough to feel live.
const SEARCH_DEBOUNCE_MS = 100;

/** Holds the inventory's search text, facets and sort for the whole session. */
export function InventoryQueryProvider({ children }: { readonly children: ReactNode }) {
  const [text, setTextNow] = useState('');
  const [search, setSearch] = useState('');
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const latest = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  const setText = useCallback((next: string) => {
    latest.current = next;
    setTextNow(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSearch(next);
    }, SEARCH_DEBOUNCE_MS);
  }, []);

  const flushSearch = useCallback(() => {
    clearTimeout(timer.current);
    setSearch(latest.current);
  }, []);

  const setFacet = useCallback((key: FacetKey, values: readonly string[]) => {
    // The facet's own union type is enforced where its options are built (facets.ts).
    setFacets((f) => ({ ...f, [key]: values }));
  }, []);

  const clearFilters = useCallback(() => {
    clearTimeout(timer.current);
    latest.current = '';
    setFacets(NO_FACETS);
    setTextNow('');
    setSearch('');
  }, []);

  const api = useMemo<InventoryQueryApi>(
    () => ({ text, setText, search, flushSearch, facets, setFacet, clearFilters, sort, setSort }),
    [text, setText, search, flushSearch, facets, setFacet, clearFilters, sort],
  );
  return <InventoryQueryContext value={api}>{children}</InventoryQueryContext>;
}
