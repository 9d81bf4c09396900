import { useEffect } from 'react';

let marked = false;

/**
 * Marks the moment the first screen shows real data: a performance mark the start-up
 * benchmark reads, and `data-ready` on <html> that end-to-end tests wait for. Only the
 * first call after data arrives counts.
 */
export function useFirstRender(ready: boolean): void {
  useEffect(() => {
    if (!ready || marked) return;
    marked = true;
    performance.mark('bulwark:first-render');
    document.documentElement.dataset.ready = 'true';
  }, [ready]);
}
