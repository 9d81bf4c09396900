import { useLayoutEffect, useState } from 'react';

/**
 * The root font size in pixels. Row heights are in rem so presentation mode scales
 * them; the virtualizer needs pixels, so it re-reads this when the scale changes.
 */
export function useRootFontSize(scaleKey: unknown): number {
  const [size, setSize] = useState(16);
  useLayoutEffect(() => {
    setSize(parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  }, [scaleKey]);
  return size;
}
