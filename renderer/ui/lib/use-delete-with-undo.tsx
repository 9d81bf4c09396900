import { useCallback } from 'react';
import { getDatabase, type BulwarkDb } from '../../storage';
import { useConfirm } from '../state/confirm-context';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';
import { clip } from './labels';

/** What differs between the kinds of record a person can delete. */
export type DeletableKind<T> = {
  /** "Delete this API?" */
  readonly title: string;
  /** What is removed with it, shown under the record's name. */
  readonly consequence: string;
  readonly nameOf: (record: T) => string;
  readonly remove: (db: BulwarkDb, record: T) => Promise<T | undefined>;
  readonly reinstate: (db: BulwarkDb, record: T) => Promise<void>;
};

/**
 * Delete with both safety nets: a confirmation first, then an Undo toast that puts the
 * record back exactly as it was. The returned function resolves true when it was deleted.
 */
export function useDeleteWithUndo<T>(kind: DeletableKind<T>): (record: T) => Promise<boolean> {
  const { confirm } = useConfirm();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const { title, consequence, nameOf, remove, reinstate } = kind;

  const undo = useCallback(
    async (record: T): Promise<void> => {
      try {
        await reinstate(getDatabase(), record);
        notify({ message: `Restored “${clip(nameOf(record))}”.`, tone: 'info' });
      } catch (e) {
        reportError(e, () => void undo(record));
      }
    },
    [notify, reportError, reinstate, nameOf],
  );

  return useCallback(
    async (record: T): Promise<boolean> => {
      const ok = await confirm({
        title,
        body: (
          <>
            <p className="dialog__subject clamp-3">{nameOf(record)}</p>
            <p>{consequence} You can undo this for a few seconds afterwards.</p>
          </>
        ),
        confirmLabel: 'Delete',
        tone: 'danger',
      });
      if (!ok) return false;
      try {
        const deleted = await remove(getDatabase(), record);
        if (!deleted) return false;
        notify({
          message: `Deleted “${clip(nameOf(deleted))}”.`,
          action: { label: 'Undo', run: () => void undo(deleted) },
        });
        return true;
      } catch (e) {
        reportError(e);
        return false;
      }
    },
    [confirm, notify, reportError, undo, title, consequence, nameOf, remove],
  );
}
