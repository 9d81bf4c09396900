import { getPlatform } from '../../platform';
import { getDatabase } from '../../storage';
import { apisCount } from './format';

export const BACKUP_FILTERS = [{ name: 'Bulwark backup', extensions: ['json'] }] as const;

/**
 * Exports the whole workspace and hands it to the platform to save. Returns the
 * sentence to confirm with, or null when the person cancelled the save dialog.
 * Storage and platform errors are thrown for the caller to show.
 */
export async function saveWorkspaceBackup(): Promise<string | null> {
  // The backup format (and the schemas it carries) loads on first use, not at start-up.
  const [{ serializeBackup }, { backupFileName, exportWorkspace }] = await Promise.all([
    import('../../../core/backup/format'),
    import('../../storage/backup'),
  ]);
  const platform = getPlatform();
  const { version } = await platform.appInfo();
  const backup = await exportWorkspace(getDatabase(), {
    now: () => new Date(),
    appVersion: version,
  });
  const result = await platform.saveFile({
    suggestedName: backupFileName(new Date()),
    content: serializeBackup(backup),
    mimeType: 'application/json',
    filters: BACKUP_FILTERS,
  });
  if (!result.saved) return null;
  const what = apisCount(backup.data.apis.length);
  // A browser download cannot report where (or whether) the file landed.
  return platform.kind === 'browser'
    ? `Backup of ${what} downloaded as ${result.fileName}.`
    : `Backup of ${what} saved as ${result.fileName}.`;
}
