import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiEntry, ApiId, InventoryRow, IsoDate, Sort } from '../../../core/inventory';
import { onListFocusRequest } from '../lib/list-focus';
import { useEventWithin, useKeyWithin } from '../lib/use-key-within';
import { useRootFontSize } from '../lib/use-root-font-size';
import { gridKeyAction } from './grid-keys';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';

type InventoryGridProps = {
  readonly rows: readonly InventoryRow[];
  readonly sort: Sort;
  readonly onSort: (sort: Sort) => void;
  readonly openId: ApiId | null;
  readonly today: IsoDate;
  readonly onOpen: (id: ApiId) => void;
  /** Asks to delete; resolves true when the entry was deleted. */
  readonly onDelete: (api: ApiEntry) => Promise<boolean>;
};

// A row is two lines of text; rows with three findings grow and are measured.
const ROW_REM = 3.75;

/**
 * The virtualized list: only the rows in view (and the focused one) are in the DOM,
 * so 10,000 APIs scroll and filter instantly. An ARIA table (it is read, not edited
 * cell by cell) whose rows take focus: one row is in the tab order, arrows move it,
 * and aria-rowcount/aria-rowindex tell assistive technology where it is in the list.
 */
export function InventoryGrid({
  rows,
  sort,
  onSort,
  openId,
  today,
  onOpen,
  onDelete,
}: InventoryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const rowPx = useRootFontSize() * ROW_REM;
  const [activeId, setActiveId] = useState<ApiId | null>(null);
  const lastIndex = useRef(0);
  const focusPending = useRef(false);

  const found = activeId === null ? -1 : rows.findIndex((r) => r.api.id === activeId);
  // A row that left the list (deleted, filtered out) hands its place to its neighbour.
  const activeIndex =
    found !== -1 ? found : Math.min(lastIndex.current, Math.max(0, rows.length - 1));
  useEffect(() => {
    lastIndex.current = activeIndex;
  }, [activeIndex]);

  // The focused row stays rendered even when scrolled away, so focus is never lost.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < rows.length && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, rows.length],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    getItemKey: (i) => rows[i]?.api.id ?? i,
    rangeExtractor,
    overscan: 8,
    // React 19 warns about flushSync during render; scrolling stays smooth without it.
    useFlushSync: false,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [rowPx, virtualizer]);

  const rowElement = (index: number): HTMLElement | null =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${String(index)}"]`) ?? null;

  // Moves focus once the wanted row is rendered (after a move or a delete).
  useEffect(() => {
    if (!focusPending.current) return;
    const el = rowElement(activeIndex);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  // Closing the panel returns focus to the list where it was.
  const previousOpen = useRef(openId);
  useEffect(() => {
    const wasOpen = previousOpen.current;
    previousOpen.current = openId;
    if (
      wasOpen !== null &&
      openId === null &&
      (document.activeElement === document.body || document.activeElement === null)
    ) {
      focusPending.current = true;
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
      rowElement(activeIndex)?.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    setActiveId(row.api.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may already be rendered (and already active, so no re-render follows);
    // otherwise the effect above focuses it once it is.
    const el = rowElement(index);
    if (el) el.focus({ preventScroll: true });
    else focusPending.current = true;
  };

  // The search box's ↓ and Enter land on the first result.
  const focusFirst = useEffectEvent(() => {
    moveTo(0);
  });
  useEffect(() => onListFocusRequest(focusFirst), []);

  useKeyWithin(tableRef, (e) => {
    if (!(e.target instanceof HTMLElement) || !e.target.hasAttribute('data-grid-row')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowPx) / rowPx) - 1);
    const action = gridKeyAction(e, activeIndex, rows.length, page);
    if (!action) return;
    e.preventDefault();
    const row = rows[activeIndex];
    if (action.kind === 'move') moveTo(action.to);
    else if (action.kind === 'open' && row) onOpen(row.api.id);
    else if (action.kind === 'delete' && row) {
      const neighbour = rows[activeIndex + 1] ?? rows[activeIndex - 1];
      void onDelete(row.api).then((deleted) => {
        if (deleted && neighbour) setActiveId(neighbour.api.id);
        focusPending.current = true;
      });
    }
  });

  // A click anywhere on a row opens it (Enter does the same from the keyboard).
  useEventWithin(tableRef, 'click', (e) => {
    const rowEl =
      e.target instanceof Element ? e.target.closest<HTMLElement>('[data-grid-row]') : null;
    const row = rowEl ? rows[Number(rowEl.dataset.index)] : undefined;
    if (row) onOpen(row.api.id);
  });

  return (
    <div
      ref={tableRef}
      role="table"
      aria-label="APIs"
      aria-rowcount={rows.length + 1}
      aria-colcount={7}
      className="grid"
    >
      <GridHeader sort={sort} onSort={onSort} />
      <div ref={scrollRef} className="grid__scroll">
        <div
          role="rowgroup"
          className="grid__body"
          style={{ height: `${String(virtualizer.getTotalSize())}px` }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <GridRow
                key={item.key}
                ref={virtualizer.measureElement}
                row={row}
                index={item.index}
                start={item.start}
                active={item.index === activeIndex}
                open={row.api.id === openId}
                today={today}
                onActivate={setActiveId}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
