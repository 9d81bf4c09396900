import { useState } from 'react';
import { saveWorkspaceBackup } from '../lib/backup-file';

/**
 * "Export a backup" on the crash screen, where no provider is running: it calls the
 * export directly and reports in its own status line.
 */
export function CrashBackupButton() {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const exportNow = async (): Promise<void> => {
    setBusy(true);
    setStatus('Exporting…');
    try {
      setStatus((await saveWorkspaceBackup()) ?? 'Export cancelled.');
    } catch (e) {
      setStatus(`The backup failed too: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void exportNow()}
      >
        Export a backup
      </button>
      <p className="fatal__status" role="status">
        {status}
      </p>
    </>
  );
}
