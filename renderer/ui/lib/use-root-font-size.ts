import { useLayoutEffect, useState } from 'react';

const rootFontSize = (): number =>
  parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/**
 * The root font size in pixels. Row heights are in rem so presentation mode scales
 * them; the virtualizer needs pixels, so this re-reads the size whenever <html>'s
 * attributes change (presentation mode is an attribute there, set by the preferences
 * provider's effect, which runs after the effects of the lists inside it: a re-read keyed
 * on the preference itself would still see the old size).
 */
export function useRootFontSize(): number {
  const [size, setSize] = useState(16);
  useLayoutEffect(() => {
    const update = () => {
      setSize(rootFontSize());
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true });
    return () => {
      observer.disconnect();
    };
  }, []);
  return size;
}
