import { useLiveQuery } from 'dexie-react-hooks';
import type { ApiEntry, ApiId } from '../../core/inventory/types';
import { countApis, getApi, listApis } from './apis';
import { getDatabase } from './db';

// Live queries re-run when the tables they read change, in this window or another one
// (Dexie broadcasts writes between same-origin windows). `undefined` means "loading".
// A failed read (full disk, newer database) is thrown during render by useLiveQuery, so
// an error boundary above these hooks should show classifyStorageError(error).

/** Every entry, kept current; undefined while the first read is in flight. */
export function useApis(): ApiEntry[] | undefined {
  return useLiveQuery(() => listApis(getDatabase()), []);
}

/** One entry, kept current: undefined while loading, null once loaded and missing. */
export function useApi(id: ApiId): ApiEntry | null | undefined {
  return useLiveQuery(async () => (await getApi(getDatabase(), id)) ?? null, [id]);
}

/** The number of entries, kept current; undefined while loading. */
export function useApiCount(): number | undefined {
  return useLiveQuery(() => countApis(getDatabase()), []);
}
