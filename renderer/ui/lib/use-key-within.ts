import { useEffectEvent, useLayoutEffect, type RefObject } from 'react';

/**
 * Listens for an event anywhere inside an element: a panel's Esc, a form's Ctrl+Enter,
 * the list's arrow keys and row clicks. The controls inside are real buttons, fields
 * and focusable rows; this is delegation, not a way to make a static element clickable.
 */
export function useEventWithin<K extends keyof HTMLElementEventMap>(
  ref: RefObject<HTMLElement | null>,
  type: K,
  handler: (e: HTMLElementEventMap[K]) => void,
): void {
  const onEvent = useEffectEvent(handler);
  // Attached before paint: a key pressed as soon as the element shows must reach it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = (e: HTMLElementEventMap[K]): void => {
      onEvent(e);
    };
    el.addEventListener(type, listener);
    return () => {
      el.removeEventListener(type, listener);
    };
  }, [ref, type]);
}

/** Keys pressed anywhere inside an element. */
export function useKeyWithin(
  ref: RefObject<HTMLElement | null>,
  handler: (e: KeyboardEvent) => void,
): void {
  useEventWithin(ref, 'keydown', handler);
}
