import { useState } from 'react';
import { Icon } from '../components/Icon';
import { apisCount, formatBytes } from '../lib/format';
import { useStorageStatus } from './use-storage-estimate';

/** How full local storage is and whether the browser may evict it, with the fix. */
export function StorageCard({ count }: { readonly count: number | undefined }) {
  const { status, requestPersist } = useStorageStatus(count);
  const [answer, setAnswer] = useState('');
  const percent =
    status.usage !== null && status.quota
      ? Math.min(100, (status.usage / status.quota) * 100)
      : null;

  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title" className="card__title">
        <Icon name="hardDrive" />
        Storage
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>Inventory</dt>
          <dd>{count === undefined ? 'Counting…' : apisCount(count)}</dd>
        </div>
        <div className="facts__row">
          <dt>Used</dt>
          <dd>
            {status.usage === null || status.quota === null
              ? 'Not reported by this browser'
              : `${formatBytes(status.usage)} of ${formatBytes(status.quota)} available`}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Protection</dt>
          <dd>
            {status.persisted === true
              ? 'Persistent: the browser will not evict this data to free space.'
              : status.persisted === false
                ? 'Best effort: under storage pressure the browser may evict this data.'
                : 'Unknown'}
          </dd>
        </div>
      </dl>
      {percent !== null && (
        <div
          className="meter"
          role="img"
          aria-label={`${percent.toFixed(percent < 1 ? 2 : 0)}% of the storage allowance used`}
        >
          <div className="meter__fill" style={{ width: `${String(Math.max(percent, 0.5))}%` }} />
        </div>
      )}
      {status.canPersist && status.persisted !== true && (
        <div className="card__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void requestPersist().then((granted) => {
                setAnswer(
                  granted
                    ? 'Storage is now persistent.'
                    : 'The browser declined. Installing the app or bookmarking it often helps; keep backups either way.',
                );
              })
            }
          >
            <Icon name="lock" />
            Request persistent storage
          </button>
        </div>
      )}
      <p role="status" className="card__status">
        {answer}
      </p>
    </section>
  );
}
