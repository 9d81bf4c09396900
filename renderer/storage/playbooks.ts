import {
  builtinPlaybooks,
  validatePlaybook,
  type Playbook,
  type PlaybookError,
} from '../../core/playbooks';
import type { IsoTimestamp } from '../../core/shared/brand';
import { MAX_PLAYBOOK_SOURCE, type UserPlaybookRecord } from '../../core/workspace/records';
import type { WriteDeps } from './apis';
import type { BulwarkDb } from './db';

/** A save that stored the playbook, or every error (file, line, column, path) that stopped it. */
export type PlaybookSaveResult =
  | { readonly ok: true; readonly value: UserPlaybookRecord; readonly playbook: Playbook }
  | { readonly ok: false; readonly errors: readonly PlaybookError[] };

const stamp = (deps: WriteDeps): IsoTimestamp => deps.now().toISOString() as IsoTimestamp;

/** An error about the top-level `id`, placed on its line (1 when it cannot be found). */
const idError = (file: string, source: string, message: string): PlaybookSaveResult => {
  const at = /^id\s*:/m.exec(source)?.index ?? 0;
  const line = source.slice(0, at).split('\n').length;
  return { ok: false, errors: [{ file, line, column: 1, path: 'id', message }] };
};

// Like the inventory, rows are read without re-validating on every list: only
// saveUserPlaybook (after validatePlaybook) and a validated restore write them. The
// screens validate a row's source again when they open it (it is the truth).

/** Every user playbook, most recently updated first. */
export async function listUserPlaybooks(db: BulwarkDb): Promise<UserPlaybookRecord[]> {
  return db.playbooks.orderBy('updatedAt').reverse().toArray();
}

/** One user playbook, or undefined when there is none with this id. */
export async function getUserPlaybook(
  db: BulwarkDb,
  id: string,
): Promise<UserPlaybookRecord | undefined> {
  return db.playbooks.get(id);
}

/**
 * Validates YAML (or JSON) playbook source and stores it under the playbook's own id,
 * keeping the creation time of an existing row. Nothing is written when the source has
 * errors, is too large, or takes the id of a built-in playbook (built-ins are read-only).
 */
export async function saveUserPlaybook(
  db: BulwarkDb,
  source: string,
  deps: WriteDeps,
  fileName = 'playbook.yaml',
): Promise<PlaybookSaveResult> {
  if (source.length > MAX_PLAYBOOK_SOURCE)
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          line: 1,
          column: 1,
          path: '',
          message: 'The playbook source is larger than 1 MB.',
        },
      ],
    };
  const checked = validatePlaybook(source, fileName);
  if (!checked.ok) return checked;
  const { playbook } = checked;
  if (builtinPlaybooks().some((b) => b.id === playbook.id))
    return idError(
      fileName,
      source,
      `“${playbook.id}” is the id of a built-in playbook, which is read-only. Duplicate it and save the copy under a new id.`,
    );
  const now = stamp(deps);
  // Read and write in one transaction so a delete in another window cannot slip between.
  return db.transaction('rw', db.playbooks, async (): Promise<PlaybookSaveResult> => {
    const existing = await db.playbooks.get(playbook.id);
    const record: UserPlaybookRecord = {
      id: playbook.id,
      title: playbook.title,
      version: playbook.version,
      source,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.playbooks.put(record);
    return { ok: true, value: record, playbook };
  });
}

/** Deletes a user playbook and returns it as it was, for Undo; undefined if already gone. */
export async function deleteUserPlaybook(
  db: BulwarkDb,
  id: string,
): Promise<UserPlaybookRecord | undefined> {
  return db.transaction('rw', db.playbooks, async () => {
    const existing = await db.playbooks.get(id);
    if (existing) await db.playbooks.delete(id);
    return existing;
  });
}

/** Puts a deleted user playbook back exactly as it was (Undo), timestamps included. */
export async function reinstateUserPlaybook(
  db: BulwarkDb,
  record: UserPlaybookRecord,
): Promise<void> {
  await db.playbooks.put(record);
}
