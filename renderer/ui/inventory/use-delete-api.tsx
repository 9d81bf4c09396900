import { useCallback } from 'react';
import type { ApiEntry } from '../../../core/inventory';
import { deleteApi, getDatabase, reinstateApi } from '../../storage';
import { clip } from '../lib/labels';
import { useConfirm } from '../state/confirm-context';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

/**
 * Delete with both safety nets: a confirmation first, then an Undo toast that puts the
 * entry back exactly as it was. Resolves true when the entry was deleted.
 */
export function useDeleteApi(): (api: ApiEntry) => Promise<boolean> {
  const { confirm } = useConfirm();
  const { notify } = useToasts();
  const { reportError } = useProblems();

  const undo = useCallback(
    async (entry: ApiEntry): Promise<void> => {
      try {
        await reinstateApi(getDatabase(), entry);
        notify({ message: `Restored “${clip(entry.name)}”.`, tone: 'info' });
      } catch (e) {
        reportError(e, () => void undo(entry));
      }
    },
    [notify, reportError],
  );

  return useCallback(
    async (api: ApiEntry): Promise<boolean> => {
      const ok = await confirm({
        title: 'Delete this API?',
        body: (
          <>
            <p className="dialog__subject clamp-3">{api.name}</p>
            <p>
              It will be removed from the inventory. You can undo this for a few seconds afterwards.
            </p>
          </>
        ),
        confirmLabel: 'Delete',
        tone: 'danger',
      });
      if (!ok) return false;
      try {
        const deleted = await deleteApi(getDatabase(), api.id);
        if (!deleted) return false;
        notify({
          message: `Deleted “${clip(deleted.name)}”.`,
          action: { label: 'Undo', run: () => void undo(deleted) },
        });
        return true;
      } catch (e) {
        reportError(e);
        return false;
      }
    },
    [confirm, notify, reportError, undo],
  );
}
