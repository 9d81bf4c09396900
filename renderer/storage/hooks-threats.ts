import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiId } from '../../core/inventory/types';
import type { RuleLibrary, ThreatModelId } from '../../core/threats';
import type { ThreatModelSummary } from '../../core/workspace/model-summary';
import type { RuleLibrarySettings, ThreatModelRecord } from '../../core/workspace/records';
import { getDatabase } from './db';
import { readRuleSettings, ruleLibraryOf } from './settings';
import { loadThreatModel, summarizeModels } from './models-client';
import { listModelStamps, listThreatModels } from './threat-models';

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

// The model last loaded or saved in this window (a workshop shows one at a time), and the
// workshops to tell when this window saves one.
let lastModel: ThreatModelRecord | null = null;
const saveListeners = new Set<(record: ThreatModelRecord) => void>();

// Saves of huge models run in the worker; while one runs, the workshop takes no edits (a
// second edit would start from the model before the first was stored).
let savesRunning = 0;
const savingListeners = new Set<() => void>();
const setSaves = (delta: number): void => {
  savesRunning += delta;
  for (const listener of savingListeners) listener();
};

/** Runs a save while telling the workshop a save is running. */
export async function whileSaving<T>(save: () => Promise<T>): Promise<T> {
  setSaves(1);
  try {
    return await save();
  } finally {
    setSaves(-1);
  }
}

/** True while a save started by whileSaving runs. */
export function useModelSaving(): boolean {
  return useSyncExternalStore(
    (listener) => {
      savingListeners.add(listener);
      return () => {
        savingListeners.delete(listener);
      };
    },
    () => savesRunning > 0,
  );
}

/**
 * Tells the open workshop the record a save stored, so it shows it at once instead of
 * reading back a model it already has (for a huge model, tens of megabytes).
 */
export function rememberSavedModel(record: ThreatModelRecord): void {
  lastModel = record;
  for (const listener of saveListeners) listener(record);
}

/**
 * One model: undefined while loading, null once loaded and missing. The updatedAt index
 * is watched; a model changed elsewhere (another window, an import) is read again by the
 * threat-models worker and arrives in slices, and meanwhile the previous one stays shown.
 */
export function useThreatModel(id: ThreatModelId): ThreatModelRecord | null | undefined {
  return useThreatModelLoad(id).model;
}

/** A model as it loads: the record (as useThreatModel) and, while a first read runs, how far it is. */
export type ThreatModelLoad = {
  readonly model: ThreatModelRecord | null | undefined;
  /** Threats received of the model's total, while nothing is shown yet; else null. */
  readonly progress: { readonly done: number; readonly total: number } | null;
};

/** useThreatModel with the progress of the first read, for a loading message. */
export function useThreatModelLoad(id: ThreatModelId): ThreatModelLoad {
  const stamps = useLiveQuery(() => listModelStamps(getDatabase()), []);
  const updatedAt =
    stamps === undefined ? undefined : (stamps.find((s) => s.id === id)?.updatedAt ?? null);
  const [shown, setShown] = useState<{
    readonly id: ThreatModelId;
    readonly record: ThreatModelRecord | null;
  } | null>(() => (lastModel?.id === id ? { id, record: lastModel } : null));
  const [progress, setProgress] = useState<{
    readonly id: ThreatModelId;
    readonly done: number;
    readonly total: number;
  } | null>(null);
  // A save of this window's in the worker will hand over what it stored: no read meanwhile.
  const saving = useModelSaving();
  const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
  if (failure !== null) throw failure.error;

  useEffect(() => {
    const onSaved = (record: ThreatModelRecord): void => {
      if (record.id === id) setShown({ id, record });
    };
    saveListeners.add(onSaved);
    return () => {
      saveListeners.delete(onSaved);
      // Nobody shows a model any more: do not hold tens of megabytes for nothing.
      if (saveListeners.size === 0) lastModel = null;
    };
  }, [id]);

  useEffect(() => {
    if (updatedAt === undefined || saving) return;
    if (updatedAt === null) {
      setShown({ id, record: null });
      return;
    }
    const known = lastModel;
    if (known?.id === id && known.updatedAt === updatedAt) {
      setShown((prev) => (prev?.record === known ? prev : { id, record: known }));
      return;
    }
    let live = true;
    loadThreatModel(id, (done, total) => {
      if (live) setProgress({ id, done, total });
    }).then(
      (record) => {
        // A save in this window while the read ran is newer than what was read.
        if (record && lastModel?.id === id && lastModel.updatedAt > record.updatedAt) return;
        if (record) lastModel = record;
        if (live) setShown({ id, record });
      },
      (error: unknown) => {
        if (live) setFailure({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [id, updatedAt, saving]);

  const model = shown?.id === id ? shown.record : undefined;
  return {
    model,
    progress:
      model === undefined && progress?.id === id
        ? { done: progress.done, total: progress.total }
        : null,
  };
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

/** The workspace's rule library: the stored tailoring through ruleLibraryOf. */
export function useRuleLibrary(): RuleLibrary | undefined {
  const settings = useRuleSettings();
  return useMemo(() => (settings === undefined ? undefined : ruleLibraryOf(settings)), [settings]);
}
