import { useCallback } from 'react';
import type { ThreatModelRecord } from '../../../core/workspace/records';
import { getDatabase } from '../../storage';
import { deleteThreatModel, reinstateThreatModel } from '../../storage/threat-models';
import { clip } from '../lib/labels';
import { useConfirm } from '../state/confirm-context';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

/** Delete a model after a confirmation, with an Undo toast that puts it back as it was. */
export function useDeleteModel(): (model: ThreatModelRecord) => Promise<boolean> {
  const { confirm } = useConfirm();
  const { notify } = useToasts();
  const { reportError } = useProblems();

  const undo = useCallback(
    async (record: ThreatModelRecord): Promise<void> => {
      try {
        await reinstateThreatModel(getDatabase(), record);
        notify({ message: `Restored “${clip(record.title)}”.`, tone: 'info' });
      } catch (e) {
        reportError(e, () => void undo(record));
      }
    },
    [notify, reportError],
  );

  return useCallback(
    async (model: ThreatModelRecord): Promise<boolean> => {
      const ok = await confirm({
        title: 'Delete this threat model?',
        body: (
          <>
            <p className="dialog__subject clamp-3">{model.title}</p>
            <p>
              Its elements, threats and signed-off versions are removed. You can undo this for a few
              seconds afterwards.
            </p>
          </>
        ),
        confirmLabel: 'Delete',
        tone: 'danger',
      });
      if (!ok) return false;
      try {
        const deleted = await deleteThreatModel(getDatabase(), model.id);
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
