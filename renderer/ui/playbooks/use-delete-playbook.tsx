import type { UserPlaybookRecord } from '../../../core/workspace/records';
import { deleteUserPlaybook, reinstateUserPlaybook } from '../../storage/playbooks';
import { useDeleteWithUndo, type DeletableKind } from '../lib/use-delete-with-undo';

const PLAYBOOK: DeletableKind<UserPlaybookRecord> = {
  title: 'Delete this playbook?',
  consequence: 'Your playbook is removed; built-in playbooks stay.',
  nameOf: (playbook) => playbook.title,
  remove: (db, playbook) => deleteUserPlaybook(db, playbook.id),
  reinstate: reinstateUserPlaybook,
};

/** Deletes a user playbook after a confirmation, with Undo. Resolves true when deleted. */
export function useDeletePlaybook(): (record: UserPlaybookRecord) => Promise<boolean> {
  return useDeleteWithUndo(PLAYBOOK);
}
