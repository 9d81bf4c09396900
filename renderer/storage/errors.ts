/** What went wrong with local storage, written for the person at the screen. */
export type StorageProblem = {
  readonly kind: 'quota' | 'blocked' | 'newer-database' | 'unavailable' | 'unknown';
  readonly title: string;
  readonly message: string;
  readonly remedy: string;
};

/** The problem when the disk or the browser's storage allowance is full. */
export const QUOTA_PROBLEM: StorageProblem = {
  kind: 'quota',
  title: 'Storage is full',
  message:
    'Your disk or browser storage is full. Export a backup, free some space, then retry. Nothing was half-saved.',
  remedy: 'Export a backup, free some disk space, then retry.',
};

/** The problem when the database was upgraded by a newer build than this one. */
export const NEWER_DATABASE_PROBLEM: StorageProblem = {
  kind: 'newer-database',
  title: 'Workspace from a newer Bulwark',
  message:
    'This workspace was last opened by a newer Bulwark. Update the app; your data is untouched.',
  remedy: 'Update Bulwark (in a browser, reload this tab), then open the workspace again.',
};

/** The problem when another window holds the database open during an upgrade. */
export const BLOCKED_PROBLEM: StorageProblem = {
  kind: 'blocked',
  title: 'Workspace in use by another window',
  message:
    'Another Bulwark window or tab is holding the workspace open, so it cannot be used here right now.',
  remedy: 'Close other Bulwark windows or tabs, then retry.',
};

/** The problem when IndexedDB cannot be used at all (private browsing, disabled storage). */
export const UNAVAILABLE_PROBLEM: StorageProblem = {
  kind: 'unavailable',
  title: 'Storage unavailable',
  message:
    "Bulwark cannot use this browser's local storage (IndexedDB). Private browsing or a storage setting may block it, so nothing can be saved.",
  remedy: 'Open Bulwark in a normal (not private) window, or allow site data for it, then reload.',
};

// Names as they arrive from IndexedDB (DOMException) or from Dexie's wrappers, which
// keep the original under `inner`. Firefox once used its own name for a full quota.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const VERSION_NAMES = new Set(['VersionError']);
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError']);
const BLOCKED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError']);

type Named = { readonly name: string; readonly message: string };

/** The error and every error it wraps, outermost first (Dexie nests them under `inner`). */
function chainOf(e: unknown): Named[] {
  const chain: Named[] = [];
  let current: unknown = e;
  // The depth bound guards against an `inner` cycle in a hand-made error.
  while (current !== null && typeof current === 'object' && chain.length < 10) {
    const { name, message, inner, cause } = current as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      cause?: unknown;
    };
    chain.push({
      name: typeof name === 'string' ? name : '',
      message: typeof message === 'string' ? message : '',
    });
    current = inner ?? cause;
  }
  return chain;
}

/**
 * Maps any storage error to a problem with a message and a way out. The innermost
 * cause decides the most: a quota error inside an AbortError is a full disk, a
 * VersionError inside a DatabaseClosedError is a newer database, not a closed one.
 */
export function classifyStorageError(e: unknown): StorageProblem {
  const chain = chainOf(e);
  const has = (names: ReadonlySet<string>): boolean => chain.some((c) => names.has(c.name));
  if (has(QUOTA_NAMES)) return QUOTA_PROBLEM;
  if (has(VERSION_NAMES)) return NEWER_DATABASE_PROBLEM;
  if (has(UNAVAILABLE_NAMES)) return UNAVAILABLE_PROBLEM;
  if (
    has(BLOCKED_NAMES) ||
    chain.some((c) => c.name === 'blocked' || /\bblocked\b/i.test(c.message))
  )
    return BLOCKED_PROBLEM;
  const first = chain[0];
  const detail = first ? `${first.name || 'Error'}: ${first.message || 'no details'}` : String(e);
  return {
    kind: 'unknown',
    title: 'Storage error',
    message: `Bulwark could not read or write its local storage (${detail}). Nothing was half-saved.`,
    remedy: 'Retry. If it keeps failing, export a backup and reload the window.',
  };
}

type Listener = (problem: StorageProblem) => void;
const listeners = new Set<Listener>();

/** Calls `listener` for problems the database reports on its own (blocked, upgraded elsewhere); returns the unsubscribe. */
export function subscribeStorageProblems(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every subscriber (the UI's banner) about a problem no awaiting caller will see. */
export function reportStorageProblem(problem: StorageProblem): void {
  for (const listener of [...listeners]) listener(problem);
}
