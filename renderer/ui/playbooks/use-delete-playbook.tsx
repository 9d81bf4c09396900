import { useCallback } from 'react';
import type { UserPlaybookRecord } from '../../../core/workspace/records';
import { getDatabase } from '../../storage';
import { deleteUserPlaybook, reinstateUserPlaybook } from '../../storage/playbooks';
import { clip } from '../lib/labels';
import { useConfirm } from '../state/confirm-context';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

/** Delete a user playbook: confirmation first, then an Undo toast. Resolves true when deleted. */
export function useDeletePlaybook(): (record: UserPlaybookRecord) => Promise<boolean> {
  const { confirm } = useConfirm();
  const { notify } = useToasts();
  const { reportError } = useProblems();

  const undo = useCallback(
    async (record: UserPlaybookRecord): Promise<void> => {
      try {
        await reinstateUserPlaybook(getDatabase(), record);
        notify({ message: `Restored “${clip(record.title)}”.`, tone: 'info' });
      } catch (e) {
        reportError(e, () => void undo(record));
      }
    },
    [notify, reportError],
  );

  return useCallback(
    async (record: UserPlaybookRecord): Promise<boolean> => {
      const ok = await confirm({
        title: 'Delete this playbook?',
        body: (
          <>
            <p className="dialog__subject clamp-3">{record.title}</p>
            <p>You can undo this for a few seconds afterwards.</p>
          </>
        ),
        confirmLabel: 'Delete',
        tone: 'danger',
      });
      if (!ok) return false;
      try {
        const deleted = await deleteUserPlaybook(getDatabase(), record.id);
        if (!deleted) return false;
        notify({
          message: `Deleted “${clip(deleted.title)}”.`,
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
