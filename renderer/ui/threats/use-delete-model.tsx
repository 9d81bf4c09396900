import type { ThreatModelId } from '../../../core/threats';
import {
  deleteThreatModel,
  reinstateThreatModel,
  type DeletedThreatModel,
} from '../../storage/threat-models';
import { useDeleteWithUndo, type DeletableKind } from '../lib/use-delete-with-undo';

/** A model named for deletion; once deleted, with everything Undo puts back. */
type ModelToDelete = {
  readonly id: ThreatModelId;
  readonly title: string;
  readonly deleted?: DeletedThreatModel;
};

const MODEL: DeletableKind<ModelToDelete> = {
  title: 'Delete this threat model?',
  consequence:
    'Its elements, threats, signed-off versions and any stored OpenAPI description are removed.',
  nameOf: (model) => model.title,
  remove: async (db, model) => {
    const deleted = await deleteThreatModel(db, model.id);
    return deleted && { id: deleted.id, title: deleted.title, deleted };
  },
  reinstate: async (db, model) => {
    // Undo only ever receives what remove returned, which carries the deleted model.
    if (!model.deleted)
      throw new Error(`Threat model ${model.id} cannot be restored: it was not deleted here.`);
    await reinstateThreatModel(db, model.deleted);
  },
};

/** Deletes a threat model (by id and title) after a confirmation, with Undo. Resolves true when deleted. */
export function useDeleteModel(): (model: {
  readonly id: ThreatModelId;
  readonly title: string;
}) => Promise<boolean> {
  return useDeleteWithUndo(MODEL);
}
