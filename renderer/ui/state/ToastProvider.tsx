import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Toaster } from '../components/Toaster';
import { ToastContext, type Toast, type ToastApi, type ToastInput } from './toast-context';

// More than this and older confirmations only add noise; the newest matter.
const MAX_TOASTS = 3;

/** Holds the visible toasts and renders the live region that announces them. */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const notify = useCallback((input: ToastInput) => {
    const toast: Toast = { ...input, tone: input.tone ?? 'success', id: nextId.current++ };
    setToasts((list) => [...list, toast].slice(-MAX_TOASTS));
  }, []);

  const api = useMemo<ToastApi>(() => ({ notify }), [notify]);
  return (
    <ToastContext value={api}>
      {children}
      <Toaster toasts={toasts} onDismiss={dismiss} />
    </ToastContext>
  );
}
