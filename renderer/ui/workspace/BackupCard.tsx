import { Icon } from '../components/Icon';
import { apisCount } from '../lib/format';
import { useWorkspace } from '../state/workspace-context';

/** "Back up workspace": one JSON file with everything. */
export function BackupCard({ count }: { readonly count: number | undefined }) {
  const { backup, busy } = useWorkspace();
  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title" className="card__title">
        <Icon name="download" />
        Back up
      </h2>
      <p>
        Saves the whole workspace{count !== undefined ? ` (${apisCount(count)})` : ''} as one JSON
        file. Keep it somewhere safe: it holds everything you recorded.
      </p>
      <div className="card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          onClick={() => void backup()}
        >
          Back up workspace
        </button>
        {busy === 'backup' && (
          <span className="text-muted" role="status">
            Preparing the backup…
          </span>
        )}
      </div>
    </section>
  );
}
