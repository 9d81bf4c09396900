import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiId } from '../../core/inventory/types';
import {
  createLibrary,
  defaultLibrary,
  type RuleLibrary,
  type ThreatModelId,
} from '../../core/threats';
import type { ThreatModelSummary } from '../../core/workspace/model-summary';
import type { RuleLibrarySettings, ThreatModelRecord } from '../../core/workspace/records';
import { getDatabase } from './db';
import { readRuleSettings } from './settings';
import { summarizeModels } from './summaries-client';
import { getThreatModel, listModelStamps, listThreatModels } from './threat-models';

/** Every threat model, most recently updated first; undefined while loading. */
export function useThreatModels(): ThreatModelRecord[] | undefined {
  return useLiveQuery(() => listThreatModels(getDatabase()), []);
}

// Summaries by model id, shared by every list in the window; one is current while its
// updatedAt matches the stored model's.
const summaryCache = new Map<ThreatModelId, ThreatModelSummary>();

/**
 * Every threat model as lists show it, most recently updated first; undefined while
 * loading. Only the updatedAt index is watched here; the summaries of new or changed
 * models are read in a worker, and until they arrive the previous list stays on screen.
 */
export function useThreatModelSummaries(): ThreatModelSummary[] | undefined {
  const stamps = useLiveQuery(() => listModelStamps(getDatabase()), []);
  // A copy of the cache as of the last summaries that arrived.
  const [known, setKnown] = useState<ReadonlyMap<ThreatModelId, ThreatModelSummary>>(
    () => new Map(summaryCache),
  );
  const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
  const shown = useRef<ThreatModelSummary[] | undefined>(undefined);
  if (failure !== null) throw failure.error;

  useEffect(() => {
    if (stamps === undefined) return;
    const current = new Set<string>(stamps.map((s) => s.id));
    for (const id of summaryCache.keys()) if (!current.has(id)) summaryCache.delete(id);
    const missing = stamps
      .filter((s) => summaryCache.get(s.id)?.updatedAt !== s.updatedAt)
      .map((s) => s.id);
    if (missing.length === 0) {
      // Another list may have brought the cache up to date: take its summaries.
      setKnown((prev) =>
        stamps.every((s) => prev.get(s.id) === summaryCache.get(s.id))
          ? prev
          : new Map(summaryCache),
      );
      return;
    }
    let live = true;
    summarizeModels(missing).then(
      (list) => {
        for (const s of list) summaryCache.set(s.id, s);
        if (live) setKnown(new Map(summaryCache));
      },
      (error: unknown) => {
        if (live) setFailure({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [stamps]);

  return useMemo(() => {
    if (stamps === undefined) return undefined;
    const list: ThreatModelSummary[] = [];
    for (const s of stamps) {
      const summary = known.get(s.id);
      if (summary === undefined) return shown.current;
      list.push(summary);
    }
    shown.current = list;
    return list;
  }, [stamps, known]);
}

/** One model: undefined while loading, null once loaded and missing. */
export function useThreatModel(id: ThreatModelId): ThreatModelRecord | null | undefined {
  return useLiveQuery(async () => (await getThreatModel(getDatabase(), id)) ?? null, [id]);
}

/** The summaries of the models linked to one API, most recently updated first; undefined while loading. */
export function useThreatModelSummariesForApi(apiId: ApiId): ThreatModelSummary[] | undefined {
  const all = useThreatModelSummaries();
  return useMemo(() => all?.filter((m) => m.apiIds.includes(apiId)), [all, apiId]);
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
