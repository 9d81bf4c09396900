import { validateDraft, type FieldErrors } from '../../core/inventory/schema';
import type { ApiDraft, ApiEntry, ApiId } from '../../core/inventory/types';
import type { IsoTimestamp } from '../../core/shared/brand';
import type { BulwarkDb } from './db';

/** Time and identity come in from outside so tests (and benchmarks) can fix them. */
export type WriteDeps = { readonly now: () => Date; readonly newId: () => string };

/** A write that either stored the entry or explains, field by field, why not. */
export type ApiSaveResult =
  | { readonly ok: true; readonly value: ApiEntry }
  | { readonly ok: false; readonly errors: FieldErrors };

/** The real clock and random UUIDs. */
export const defaultDeps: WriteDeps = { now: () => new Date(), newId: () => crypto.randomUUID() };

const MISSING: ApiSaveResult = {
  ok: false,
  errors: { form: 'This API no longer exists (deleted in another window?).' },
};

// toISOString always writes UTC with a trailing Z, which sorts lexically by time.
const stamp = (deps: WriteDeps): IsoTimestamp => deps.now().toISOString() as IsoTimestamp;

// Rows are read without re-validating: only these functions (after validateDraft) and a
// validated restore write them, and parsing 100,000 rows on every list would cost seconds.

/** Every entry, in id order (the list sorts with core's sortRows). */
export async function listApis(db: BulwarkDb): Promise<ApiEntry[]> {
  return db.apis.toArray();
}

/** One entry, or undefined when there is none with this id. */
export async function getApi(db: BulwarkDb, id: ApiId): Promise<ApiEntry | undefined> {
  return db.apis.get(id);
}

/** How many entries the workspace holds (an indexed count, cheap at 100,000 rows). */
export async function countApis(db: BulwarkDb): Promise<number> {
  return db.apis.count();
}

/** Validates a draft and stores it as a new entry; validation problems are returned, not thrown. */
export async function createApi(
  db: BulwarkDb,
  draft: ApiDraft,
  deps: WriteDeps,
): Promise<ApiSaveResult> {
  const checked = validateDraft(draft);
  if (!checked.ok) return checked;
  const now = stamp(deps);
  const entry: ApiEntry = {
    ...checked.value,
    id: deps.newId() as ApiId,
    createdAt: now,
    updatedAt: now,
  };
  // add, not put: a colliding id must fail loudly rather than overwrite another entry.
  await db.apis.add(entry);
  return { ok: true, value: entry };
}

/** Validates a draft and replaces an existing entry's fields, keeping its id and creation time. */
export async function updateApi(
  db: BulwarkDb,
  id: ApiId,
  draft: ApiDraft,
  deps: WriteDeps,
): Promise<ApiSaveResult> {
  const checked = validateDraft(draft);
  if (!checked.ok) return checked;
  const updatedAt = stamp(deps);
  // Read and write in one transaction so a delete in another window cannot slip between.
  return db.transaction('rw', db.apis, async (): Promise<ApiSaveResult> => {
    const existing = await db.apis.get(id);
    if (!existing) return MISSING;
    const entry: ApiEntry = { ...checked.value, id, createdAt: existing.createdAt, updatedAt };
    await db.apis.put(entry);
    return { ok: true, value: entry };
  });
}

/** Deletes an entry and returns it as it was, so the UI can offer Undo; undefined if already gone. */
export async function deleteApi(db: BulwarkDb, id: ApiId): Promise<ApiEntry | undefined> {
  return db.transaction('rw', db.apis, async () => {
    const existing = await db.apis.get(id);
    if (existing) await db.apis.delete(id);
    return existing;
  });
}

/** Puts a deleted entry back exactly as it was (Undo), timestamps included. */
export async function reinstateApi(db: BulwarkDb, entry: ApiEntry): Promise<void> {
  await db.apis.put(entry);
}

/** Adds many entries in one transaction: all of them or, on any failure, none. */
export async function bulkAddApis(db: BulwarkDb, entries: readonly ApiEntry[]): Promise<void> {
  await db.transaction('rw', db.apis, async () => {
    await db.apis.bulkAdd(entries);
  });
}
