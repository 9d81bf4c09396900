import { useEffect, useRef, useState } from 'react';
import type { Toast } from '../state/toast-context';
import { ToastItem } from './ToastItem';

type ToasterProps = { readonly toasts: readonly Toast[]; readonly onDismiss: (id: number) => void };

/**
 * The live region for confirmations. It is always in the document (a region added
 * together with its first message is not announced), and timers pause while the
 * pointer or focus is inside, so nobody loses an Undo while reaching for it.
 */
export function Toaster({ toasts, onDismiss }: ToasterProps) {
  const ref = useRef<HTMLElement>(null);
  const [paused, setPaused] = useState(false);

  // Listened to, not handled: pausing is not an interaction with the region itself.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (): void => {
      setPaused(el.matches(':hover') || el.contains(document.activeElement));
    };
    const onFocusOut = (): void => {
      // activeElement moves after focusout; read it once it has.
      requestAnimationFrame(update);
    };
    el.addEventListener('mouseenter', update);
    el.addEventListener('mouseleave', update);
    el.addEventListener('focusin', update);
    el.addEventListener('focusout', onFocusOut);
    return () => {
      el.removeEventListener('mouseenter', update);
      el.removeEventListener('mouseleave', update);
      el.removeEventListener('focusin', update);
      el.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  return (
    <section ref={ref} className="toaster" aria-label="Notifications">
      <ol className="toaster__list" aria-live="polite" aria-relevant="additions text">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} paused={paused} onDismiss={onDismiss} />
        ))}
      </ol>
    </section>
  );
}
