import type { ThreatModelRecord } from '../../../core/workspace/records';
import {
  deleteThreatModel,
  reinstateThreatModel,
  type DeletedThreatModel,
} from '../../storage/threat-models';
import { useDeleteWithUndo, type DeletableKind } from '../lib/use-delete-with-undo';

const MODEL: DeletableKind<DeletedThreatModel> = {
  title: 'Delete this threat model?',
  consequence:
    'Its elements, threats, signed-off versions and any stored OpenAPI description are removed.',
  nameOf: (model) => model.title,
  remove: (db, model) => deleteThreatModel(db, model.id),
  reinstate: reinstateThreatModel,
};

/** Deletes a threat model after a confirmation, with Undo. Resolves true when deleted. */
export function useDeleteModel(): (model: ThreatModelRecord) => Promise<boolean> {
  return useDeleteWithUndo(MODEL);
}
