import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  createBackup,
  parseBackup,
  previewRestore,
  type BackupParse,
  type RestorePreview,
  type WorkspaceBackup,
} from '../../core/backup/format';
import type { IsoTimestamp } from '../../core/shared/brand';
import type { BulwarkDb } from './db';
import { readRuleSettings, RULE_LIBRARY_KEY } from './settings';

/** The meta key under which the last restore is recorded. */
export const LAST_RESTORE_KEY = 'lastRestore';

/** Reads the whole workspace in one read transaction, so the export is a consistent snapshot. */
export async function exportWorkspace(
  db: BulwarkDb,
  deps: { readonly now: () => Date; readonly appVersion: string },
): Promise<WorkspaceBackup> {
  const data = await db.transaction('r', db.tables, async () => {
    const threatModels = await db.threatModels.toArray();
    const models = new Set<string>(threatModels.map((m) => m.id));
    // A description whose model was deleted before deletes took it along is left out.
    const openapiSources = (await db.openapiSources.toArray()).filter((s) => models.has(s.modelId));
    return {
      apis: await db.apis.toArray(),
      threatModels,
      playbooks: await db.playbooks.toArray(),
      ruleLibrary: await readRuleSettings(db),
      incidents: await db.incidents.toArray(),
      timeline: await db.timeline.toArray(),
      evidence: await db.evidence.toArray(),
      evidenceContent: await db.evidenceContent.toArray(),
      postureSnapshots: await db.postureSnapshots.toArray(),
      exercises: await db.exercises.toArray(),
      openapiSources,
    };
  });
  return createBackup(data, deps.now().toISOString() as IsoTimestamp, deps.appVersion);
}

/** Parses and fully validates a backup file's text; nothing is written here. */
export function readBackupFile(text: string, fileName: string): BackupParse {
  return parseBackup(text, fileName);
}

/** What a restore of this backup would replace, for the confirmation dialog. */
export async function previewRestoreFor(
  db: BulwarkDb,
  backup: WorkspaceBackup,
): Promise<RestorePreview> {
  const current = await db.transaction(
    'r',
    [db.apis, db.threatModels, db.playbooks, db.incidents],
    async () => ({
      apis: await db.apis.count(),
      threatModels: await db.threatModels.count(),
      playbooks: await db.playbooks.count(),
      incidents: await db.incidents.count(),
    }),
  );
  return previewRestore(backup, current);
}

/**
 * Replaces the workspace with the backup's contents. Everything happens in one
 * read-write transaction over all tables with no foreign await inside, so a failure
 * anywhere (a full disk, a bad row) aborts it and the old workspace stays as it was.
 * Pass only a backup that came from readBackupFile: it validates every record.
 */
export async function restoreWorkspace(db: BulwarkDb, backup: WorkspaceBackup): Promise<void> {
  // A cheap guard against a caller that skipped readBackupFile with a foreign object:
  // the type says the marker is right, but the object may have come from anywhere.
  const format: string = backup.format;
  if (format !== BACKUP_FORMAT || backup.version > BACKUP_VERSION)
    throw new Error(
      'Not a backup this version of Bulwark can restore; read it with readBackupFile first.',
    );
  await db.transaction('rw', db.tables, async () => {
    const { apis, threatModels, playbooks, ruleLibrary } = backup.data;
    const { incidents, timeline, evidence, evidenceContent } = backup.data;
    // Drafts belong to the incidents being replaced: they go too.
    await Promise.all([
      db.apis.clear(),
      db.threatModels.clear(),
      db.playbooks.clear(),
      db.settings.clear(),
      db.incidents.clear(),
      db.timeline.clear(),
      db.evidence.clear(),
      db.evidenceContent.clear(),
      db.drafts.clear(),
      db.postureSnapshots.clear(),
      db.exercises.clear(),
      db.openapiSources.clear(),
    ]);
    await db.apis.bulkAdd(apis);
    await db.threatModels.bulkAdd(threatModels);
    await db.playbooks.bulkAdd(playbooks);
    await db.incidents.bulkAdd(incidents);
    await db.timeline.bulkAdd(timeline);
    await db.evidence.bulkAdd(evidence);
    await db.evidenceContent.bulkAdd(evidenceContent);
    await db.postureSnapshots.bulkAdd(backup.data.postureSnapshots ?? []);
    await db.exercises.bulkAdd(backup.data.exercises);
    await db.openapiSources.bulkAdd(backup.data.openapiSources);
    await db.settings.put({ key: RULE_LIBRARY_KEY, value: ruleLibrary });
    await db.meta.put({
      key: LAST_RESTORE_KEY,
      value: {
        exportedAt: backup.exportedAt,
        appVersion: backup.appVersion,
        entries: apis.length + threatModels.length + playbooks.length + incidents.length,
      },
    });
  });
}

/** The suggested name of a backup file, dated by the local calendar day the person sees. */
export function backupFileName(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `bulwark-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
