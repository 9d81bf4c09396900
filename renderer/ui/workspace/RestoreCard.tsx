import { Icon } from '../components/Icon';
import { useWorkspace } from '../state/workspace-context';

/**
 * "Restore from backup": the file is validated completely before anything is written.
 * A refused file is explained in an alert naming the file and the place of the problem.
 */
export function RestoreCard() {
  const { restore, busy, restoreError } = useWorkspace();
  return (
    <section className="card" aria-labelledby="restore-title">
      <h2 id="restore-title" className="card__title">
        <Icon name="upload" />
        Restore
      </h2>
      <p>
        Replaces this workspace with the contents of a backup file. You will see what the backup
        holds and confirm before anything changes.
      </p>
      <div className="card__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void restore()}
        >
          Restore from backup
        </button>
        {busy === 'restore' && (
          <span className="text-muted" role="status">
            Restoring…
          </span>
        )}
      </div>
      <div role="alert" className="card__alert-slot">
        {restoreError !== null && (
          <div className="inline-alert inline-alert--danger">
            <Icon name="alertOctagon" className="inline-alert__icon" />
            <div>
              <p className="inline-alert__title">Nothing was restored</p>
              <p className="break-anywhere">{restoreError}</p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
