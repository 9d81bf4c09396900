import type { ApiEntry } from '../../../core/inventory';
import { deleteApi, reinstateApi } from '../../storage';
import { useDeleteWithUndo, type DeletableKind } from '../lib/use-delete-with-undo';

const API: DeletableKind<ApiEntry> = {
  title: 'Delete this API?',
  consequence: 'It will be removed from the inventory.',
  nameOf: (api) => api.name,
  remove: (db, api) => deleteApi(db, api.id),
  reinstate: reinstateApi,
};

/** Deletes an inventory entry after a confirmation, with Undo. Resolves true when deleted. */
export function useDeleteApi(): (api: ApiEntry) => Promise<boolean> {
  return useDeleteWithUndo(API);
}
