import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ApiId } from '../../core/inventory/types';
import {
  createLibrary,
  defaultLibrary,
  type RuleLibrary,
  type ThreatModelId,
} from '../../core/threats';
import type { RuleLibrarySettings, ThreatModelRecord } from '../../core/workspace/records';
import { getDatabase } from './db';
import { readRuleSettings } from './settings';
import { getThreatModel, listThreatModels, threatModelsForApi } from './threat-models';

/** Every threat model, most recently updated first; undefined while loading. */
export function useThreatModels(): ThreatModelRecord[] | undefined {
  return useLiveQuery(() => listThreatModels(getDatabase()), []);
}

/** One model: undefined while loading, null once loaded and missing. */
export function useThreatModel(id: ThreatModelId): ThreatModelRecord | null | undefined {
  return useLiveQuery(async () => (await getThreatModel(getDatabase(), id)) ?? null, [id]);
}

/** The models linked to one API; undefined while loading. */
export function useThreatModelsForApi(apiId: ApiId): ThreatModelRecord[] | undefined {
  return useLiveQuery(() => threatModelsForApi(getDatabase(), apiId), [apiId]);
}

/** The stored rule-library tailoring; undefined while loading. */
export function useRuleSettings(): RuleLibrarySettings | undefined {
  return useLiveQuery(() => readRuleSettings(getDatabase()), []);
}

/**
 * The workspace's rule library: the stored tailoring through createLibrary. A stored
 * tailoring that no longer validates (a rule id renamed by an update) falls back to the
 * built-in catalogue rather than blocking generation; the Rules tab shows the errors.
 */
export function useRuleLibrary(): RuleLibrary | undefined {
  const settings = useRuleSettings();
  return useMemo(() => {
    if (settings === undefined) return undefined;
    const made = createLibrary(settings);
    return made.ok ? made.library : defaultLibrary();
  }, [settings]);
}
