import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ConfirmContext, type ConfirmApi, type ConfirmRequest } from './confirm-context';

type Pending = { readonly request: ConfirmRequest; readonly resolve: (ok: boolean) => void };

/** One confirmation at a time; a new request answers the previous one with "no". */
export function ConfirmProvider({ children }: { readonly children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);

  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        pendingRef.current?.resolve(false);
        const next = { request, resolve };
        pendingRef.current = next;
        setPending(next);
      }),
    [],
  );

  const answer = useCallback((ok: boolean) => {
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    current?.resolve(ok);
  }, []);

  const api = useMemo<ConfirmApi>(() => ({ confirm }), [confirm]);
  return (
    <ConfirmContext value={api}>
      {children}
      {pending && <ConfirmDialog request={pending.request} onAnswer={answer} />}
    </ConfirmContext>
  );
}
