import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { getPlatform, PlatformError } from '../../platform';
import { getDatabase } from '../../storage';
import { BACKUP_FILTERS, saveWorkspaceBackup } from '../lib/backup-file';
import { apisCount } from '../lib/format';
import { RestoreSummary } from '../workspace/RestoreSummary';
import { useConfirm } from './confirm-context';
import { useProblems } from './problem-context';
import { useRouter } from './router-context';
import { useToasts } from './toast-context';
import { WorkspaceContext, type WorkspaceApi } from './workspace-context';

/** Runs backup and restore for the whole app, one at a time. */
export function WorkspaceProvider({ children }: { readonly children: ReactNode }) {
  const { notify } = useToasts();
  const { confirm } = useConfirm();
  const { reportError } = useProblems();
  const { navigate } = useRouter();
  const [busy, setBusy] = useState<WorkspaceApi['busy']>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const running = useRef(false);

  const failed = useCallback(
    (e: unknown, retry: () => void) => {
      // A platform error is already written for the person (file too big, dialog failed).
      if (e instanceof PlatformError) notify({ message: e.message, tone: 'error' });
      else reportError(e, retry);
    },
    [notify, reportError],
  );

  const backup = useCallback(async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy('backup');
    try {
      const message = await saveWorkspaceBackup();
      if (message !== null) notify({ message });
    } catch (e) {
      failed(e, () => void backup());
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [notify, failed]);

  const restore = useCallback(async (): Promise<void> => {
    if (running.current) return;
    // The refusal or confirmation is shown on the workspace screen, whatever started it;
    // an editor with unsaved changes asks first, and the restore waits for another try.
    if (!navigate({ area: 'workspace' })) return;
    running.current = true;
    setRestoreError(null);
    try {
      const file = await getPlatform().openFile({
        title: 'Restore a Bulwark backup',
        filters: BACKUP_FILTERS,
      });
      if (file === null) return;
      // Backup validation reads every table's schema; it loads only when a restore starts.
      const { previewRestoreFor, readBackupFile, restoreWorkspace } =
        await import('../../storage/backup');
      const parsed = readBackupFile(file.content, file.fileName);
      if (!parsed.ok) {
        setRestoreError(parsed.error);
        return;
      }
      const db = getDatabase();
      const preview = await previewRestoreFor(db, parsed.backup);
      const ok = await confirm({
        title: 'Replace the workspace?',
        body: <RestoreSummary preview={preview} fileName={file.fileName} />,
        confirmLabel: 'Replace workspace',
        cancelLabel: 'Keep current workspace',
        tone: 'danger',
      });
      if (!ok) return;
      setBusy('restore');
      await restoreWorkspace(db, parsed.backup);
      notify({ message: `Restored ${apisCount(preview.incoming.apis)} from ${file.fileName}.` });
    } catch (e) {
      failed(e, () => void restore());
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [navigate, confirm, notify, failed]);

  const api = useMemo<WorkspaceApi>(
    () => ({ backup, restore, restoreError, busy }),
    [backup, restore, restoreError, busy],
  );
  return <WorkspaceContext value={api}>{children}</WorkspaceContext>;
}
