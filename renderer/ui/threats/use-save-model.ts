import { useCallback } from 'react';
import type { ModelIssue, ThreatModel } from '../../../core/threats';
import { defaultDeps, getDatabase } from '../../storage';
import { rememberSavedModel } from '../../storage/hooks-threats';
import { saveThreatModel } from '../../storage/threat-models';
import { useProblems } from '../state/problem-context';

/** Resolves null when saved, or the validation problems (path and message) that stopped it. */
export type SaveModel = (model: ThreatModel) => Promise<readonly ModelIssue[] | null>;

/**
 * Saves a whole model (validated by core, one put). Storage failures go to the shared
 * problem banner with a retry; validation problems come back for the form to show.
 */
export function useSaveModel(): SaveModel {
  const { reportError } = useProblems();
  return useCallback(
    async (model: ThreatModel) => {
      try {
        const r = await saveThreatModel(getDatabase(), model, defaultDeps);
        if (!r.ok) return r.errors;
        rememberSavedModel(r.value);
        return null;
      } catch (e) {
        reportError(e);
        return [{ path: '(storage)', message: 'The model could not be saved.' }];
      }
    },
    [reportError],
  );
}
