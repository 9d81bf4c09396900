import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  serializeBackup,
  type WorkspaceBackup,
} from '../../../../core/backup/format';
import type { ApiEntry } from '../../../../core/inventory/types';
import { bulkAddApis, listApis } from '../../../../renderer/storage/apis';
import {
  LAST_RESTORE_KEY,
  backupFileName,
  exportWorkspace,
  previewRestoreFor,
  readBackupFile,
  restoreWorkspace,
} from '../../../../renderer/storage/backup';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import { classifyStorageError } from '../../../../renderer/storage/errors';
import { entry } from '../../../fixtures/inventory';
import { freshDb } from './helpers';

const opened: BulwarkDb[] = [];
function db(): BulwarkDb {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

const EXPORT_DEPS = { now: () => new Date('2026-11-23T10:00:00.000Z'), appVersion: '0.1.0' };
const OLD_ROWS: ApiEntry[] = [
  entry('old-1', { name: 'Old one' }),
  entry('old-2', { name: 'Old two' }),
];

async function workspaceWithOldRows(): Promise<BulwarkDb> {
  const d = db();
  await bulkAddApis(d, OLD_ROWS);
  return d;
}

async function backupText(entries: ApiEntry[]): Promise<string> {
  const source = db();
  await bulkAddApis(source, entries);
  return serializeBackup(await exportWorkspace(source, EXPORT_DEPS));
}

/** The UI's restore flow: parse and validate first, write only a valid backup. */
async function restoreFromFile(
  d: BulwarkDb,
  text: string,
  fileName: string,
): Promise<string | null> {
  const parsed = readBackupFile(text, fileName);
  if (!parsed.ok) return parsed.error;
  await restoreWorkspace(d, parsed.backup);
  return null;
}

describe('backup round trip', () => {
  it('export, serialise, parse and restore into a fresh database gives identical entries', async () => {
    const rows = [
      entry('a', {
        name: 'Ünïcødé API ✓',
        description: 'line 1\nline 2',
        regulatoryScope: ['GDPR'],
      }),
      entry('b', {
        environments: [{ name: 'prod', baseUrl: 'https://api.example.com/v1' }],
        nextReviewDue: null,
      }),
    ];
    const text = await backupText(rows);
    const target = db();
    expect(await restoreFromFile(target, text, 'backup.json')).toBeNull();
    expect(await listApis(target)).toEqual(rows);
  });

  it('export carries format, version, time and app version', async () => {
    const backup = await exportWorkspace(await workspaceWithOldRows(), EXPORT_DEPS);
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      version: 3,
      exportedAt: '2026-11-23T10:00:00.000Z',
      appVersion: '0.1.0',
    });
    expect(backup.data.apis).toEqual(OLD_ROWS);
    expect(backup.data).toMatchObject({
      threatModels: [],
      playbooks: [],
      ruleLibrary: { disabled: [], custom: [] },
      incidents: [],
      timeline: [],
      evidence: [],
      evidenceContent: [],
    });
  });

  it('restore replaces the existing rows and records the restore', async () => {
    const d = await workspaceWithOldRows();
    const text = await backupText([entry('new-1')]);
    expect(await restoreFromFile(d, text, 'b.json')).toBeNull();
    expect((await listApis(d)).map((a) => a.id)).toEqual(['new-1']);
    expect(await d.meta.get(LAST_RESTORE_KEY)).toEqual({
      key: LAST_RESTORE_KEY,
      value: { exportedAt: '2026-11-23T10:00:00.000Z', appVersion: '0.1.0', entries: 1 },
    });
  });

  it('previews what a restore would replace', async () => {
    const d = await workspaceWithOldRows();
    const parsed = readBackupFile(await backupText([entry('n')]), 'b.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await previewRestoreFor(d, parsed.backup)).toEqual({
      incoming: { apis: 1, threatModels: 0, playbooks: 0, incidents: 0 },
      current: { apis: 2, threatModels: 0, playbooks: 0, incidents: 0 },
      exportedAt: '2026-11-23T10:00:00.000Z',
      appVersion: '0.1.0',
    });
  });
});

describe('a bad backup file is refused and nothing is written', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'malformed JSON',
      () => Promise.resolve('{\n "format": "bulwark-workspace-backup",\n "version": 1,\n'),
      /^broken\.json is not valid JSON: line \d+, column \d+/,
    ],
    [
      'a foreign JSON file',
      () => Promise.resolve('{"name":"some-package","version":"1.0.0"}'),
      /^broken\.json is not a Bulwark backup/,
    ],
    [
      'a backup from a newer format',
      () => Promise.resolve(JSON.stringify({ format: BACKUP_FORMAT, version: 99 })),
      /^broken\.json was written by a newer Bulwark \(backup format 99/,
    ],
    [
      'a backup with one invalid record',
      async () =>
        (await backupText([entry('a'), entry('b'), entry('c')])).replace('"id": "b"', '"id": ""'),
      /^broken\.json, at data\.apis\[1\]\.id: .*Nothing was restored\.$/,
    ],
    [
      'a backup with a duplicated id',
      async () => (await backupText([entry('a'), entry('b')])).replace('"id": "b"', '"id": "a"'),
      /^broken\.json, at data\.apis\[1\]\.id: the id "a" appears twice/,
    ],
  ];

  it.each(cases)('%s', async (_label, makeText, message) => {
    const d = await workspaceWithOldRows();
    const text = await makeText();
    expect(await restoreFromFile(d, text, 'broken.json')).toMatch(message);
    expect(await listApis(d)).toEqual(OLD_ROWS);
    expect(await d.meta.count()).toBe(0);
  });

  it('restoreWorkspace itself refuses an object that is not a backup of a known format', async () => {
    const d = await workspaceWithOldRows();
    const foreign = {
      format: 'other',
      version: 1,
      data: { apis: [] },
    } as unknown as WorkspaceBackup;
    await expect(restoreWorkspace(d, foreign)).rejects.toThrow(/readBackupFile/);
    expect(await listApis(d)).toEqual(OLD_ROWS);
  });
});

describe('a restore that fails midway leaves the old workspace intact', () => {
  it('when a write after the clear and bulkAdd throws (e.g. a full disk)', async () => {
    const d = await workspaceWithOldRows();
    const parsed = readBackupFile(await backupText([entry('new-1'), entry('new-2')]), 'b.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(d.meta, 'put').mockImplementation(() => {
      throw quota;
    });
    const failure: unknown = await restoreWorkspace(d, parsed.backup).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    // Dexie rethrows the DOMException wrapped in its own QuotaExceededError; the UI's banner still says "full".
    expect(classifyStorageError(failure).kind).toBe('quota');
    expect(put).toHaveBeenCalledOnce();
    put.mockRestore();
    expect(await listApis(d)).toEqual(OLD_ROWS);
    expect(await d.meta.count()).toBe(0);
  });

  it('when the bulkAdd itself fails on the second record', async () => {
    const d = await workspaceWithOldRows();
    // Built by hand to bypass readBackupFile's duplicate check: the second add collides.
    const exported = await exportWorkspace(await workspaceWithOldRows(), EXPORT_DEPS);
    const backup = { ...exported, data: { ...exported.data, apis: [entry('dup'), entry('dup')] } };
    await expect(restoreWorkspace(d, backup)).rejects.toThrow();
    expect(await listApis(d)).toEqual(OLD_ROWS);
    expect(await d.meta.count()).toBe(0);
  });
});

describe('backupFileName', () => {
  it('names the file after the local calendar day', () => {
    expect(backupFileName(new Date(2026, 10, 23, 12, 0))).toBe('bulwark-backup-2026-11-23.json');
    expect(backupFileName(new Date(2027, 0, 5, 0, 1))).toBe('bulwark-backup-2027-01-05.json');
  });
});
