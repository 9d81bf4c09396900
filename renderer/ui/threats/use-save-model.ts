import { useCallback } from 'react';
import type { ModelIssue, ThreatModel } from '../../../core/threats';
import { defaultDeps, getDatabase } from '../../storage';
import { rememberSavedModel, whileSaving } from '../../storage/hooks-threats';
import { saveThreatModelOffThread } from '../../storage/models-client';
import { saveThreatModel } from '../../storage/threat-models';
import { useProblems } from '../state/problem-context';

/**
 * From this many threats a model is saved by the threat-models worker: validating and
 * storing it takes longer than a frame. Smaller models are saved here, as they always were.
 */
export const SAVE_OFF_THREAD_FROM = 5000;

/** Resolves null when saved, or the validation problems (path and message) that stopped it. */
export type SaveModel = (model: ThreatModel) => Promise<readonly ModelIssue[] | null>;

/**
 * Saves a whole model (validated by core, one put; a huge one in the worker). Storage failures go to the shared
 * problem banner with a retry; validation problems come back for the form to show.
 */
export function useSaveModel(): SaveModel {
  const { reportError } = useProblems();
  return useCallback(
    async (model: ThreatModel) => {
      try {
        const huge = model.threats.instances.length >= SAVE_OFF_THREAD_FROM;
        const store = async () => {
          const saved = huge
            ? await saveThreatModelOffThread(model)
            : await saveThreatModel(getDatabase(), model, defaultDeps);
          // Handed to the workshop before a worker save ends, so it never reads it back.
          if (saved.ok) rememberSavedModel(saved.value);
          return saved;
        };
        const r = huge ? await whileSaving(store) : await store();
        return r.ok ? null : r.errors;
      } catch (e) {
        reportError(e);
        return [{ path: '(storage)', message: 'The model could not be saved.' }];
      }
    },
    [reportError],
  );
}
