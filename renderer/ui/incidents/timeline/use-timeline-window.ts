import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentId, TimelineEntry } from '../../../../core/incidents';
import { getDatabase } from '../../../storage';
import { onIncidentCommitted, timelineRange } from '../../../storage/incidents';

// The timeline is read page by page as the virtualized list scrolls: opening an incident
// with 100,000 entries reads one page (a range of the [incidentId+seq] key), not all of
// them. Rows are shown newest first: row i is seq `count - 1 - i`.
const PAGE = 200;

/** Entries by row, loading pages on demand; `count` comes from the live chain head. */
export function useTimelineWindow(
  incidentId: IncidentId,
  count: number,
): {
  readonly entryAt: (row: number) => TimelineEntry | undefined;
  readonly need: (firstRow: number, lastRow: number) => void;
} {
  const pages = useRef(new Map<number, readonly TimelineEntry[]>());
  const loading = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const lastCount = useRef(count);

  // Extends the pages with new entries at the end; a page that cannot be extended
  // contiguously is dropped and read again when it is in view.
  const extend = useCallback((rows: readonly TimelineEntry[]) => {
    for (const e of rows) {
      const p = Math.floor(e.seq / PAGE);
      const page = pages.current.get(p);
      if (page?.length === e.seq % PAGE) pages.current.set(p, [...page, e]);
      else if (!page && e.seq % PAGE === 0) pages.current.set(p, [e]);
      else if (page?.[e.seq % PAGE]?.hash !== e.hash) pages.current.delete(p);
    }
  }, []);

  // This window's own commits hand over the entries they wrote (before the new count
  // arrives), so an append typed here is shown without reading it back.
  useEffect(
    () =>
      onIncidentCommitted(getDatabase(), (notice) => {
        if (notice.incident.id === incidentId && lastCount.current > 0) extend(notice.written);
      }),
    [incidentId, extend],
  );

  // An append adds entries at the end: read only those not already handed over and
  // extend the last pages, so a busy timeline costs at most one small range read per
  // append (another window's), not a page.
  useEffect(() => {
    const before = lastCount.current;
    if (count === before) return;
    lastCount.current = count;
    // The first count (the head has loaded) or a jump (a restore, another window's burst):
    // forget the pages and let the visible ones be read, never the whole timeline.
    if (before === 0 || count < before || count - before > PAGE) {
      pages.current.clear();
      setVersion((v) => v + 1);
      return;
    }
    let from = before;
    while (from < count && pages.current.get(Math.floor(from / PAGE))?.[from % PAGE]) from++;
    if (from === count) return;
    // Not cancelled when another append follows: each read extends contiguously.
    void timelineRange(getDatabase(), incidentId, from, count).then((rows) => {
      extend(rows);
      setVersion((v) => v + 1);
    });
  }, [count, incidentId, extend]);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      void timelineRange(getDatabase(), incidentId, page * PAGE, (page + 1) * PAGE).then(
        (rows) => {
          loading.current.delete(page);
          pages.current.set(page, rows);
          setVersion((v) => v + 1);
        },
        () => {
          loading.current.delete(page);
        },
      );
    },
    [incidentId],
  );

  const need = useCallback(
    (firstRow: number, lastRow: number) => {
      if (count === 0) return;
      const hi = count - 1 - Math.max(0, firstRow);
      const lo = Math.max(0, count - 1 - lastRow);
      for (let p = Math.floor(lo / PAGE); p <= Math.floor(hi / PAGE); p++) load(p);
    },
    [count, load],
  );

  const entryAt = (row: number): TimelineEntry | undefined => {
    const seq = count - 1 - row;
    const page = pages.current.get(Math.floor(seq / PAGE));
    const e = page?.[seq % PAGE];
    return e?.seq === seq ? e : page?.find((x) => x.seq === seq);
  };
  return { entryAt, need };
}
