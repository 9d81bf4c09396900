import { useEffect, type RefObject } from 'react';
import { useConfirm } from '../state/confirm-context';
import { useRouter } from '../state/router-context';

/**
 * While `dirty`, leaving the editor (Cancel, Esc, another row or area, a menu command)
 * asks "Discard changes?" first. `saved` is set by the editor just before it navigates
 * away after a successful save, so that navigation passes without asking.
 */
export function useLeaveGuard(dirty: boolean, what: string, saved: RefObject<boolean>): void {
  const { guardLeaving } = useRouter();
  const { confirm } = useConfirm();
  useEffect(() => {
    if (!dirty) return;
    return guardLeaving((proceed) => {
      if (saved.current) return true;
      void confirm({
        title: 'Discard changes?',
        body: <p>Your changes to {what} have not been saved.</p>,
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        tone: 'danger',
      }).then((ok) => {
        if (ok) proceed();
      });
      return false;
    });
  }, [dirty, what, saved, guardLeaving, confirm]);
}
