import type { ThreatModelRecord } from '../../../core/workspace/records';
import { deleteThreatModel, reinstateThreatModel } from '../../storage/threat-models';
import { useDeleteWithUndo, type DeletableKind } from '../lib/use-delete-with-undo';

const MODEL: DeletableKind<ThreatModelRecord> = {
  title: 'Delete this threat model?',
  consequence: 'Its elements, threats and signed-off versions are removed.',
  nameOf: (model) => model.title,
  remove: (db, model) => deleteThreatModel(db, model.id),
  reinstate: reinstateThreatModel,
};

/** Deletes a threat model after a confirmation, with Undo. Resolves true when deleted. */
export function useDeleteModel(): (model: ThreatModelRecord) => Promise<boolean> {
  return useDeleteWithUndo(MODEL);
}
