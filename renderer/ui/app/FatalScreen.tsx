import { useEffect, type ReactNode } from 'react';
import { Icon } from '../components/Icon';
import { ShieldMark } from '../components/ShieldMark';

type FatalScreenProps = {
  readonly title: string;
  readonly message: string;
  readonly remedy: string;
  /** Extra ways out beside Reload (e.g. Export a backup). */
  readonly actions?: ReactNode;
  readonly details?: string;
};

/**
 * A whole-window stop with a way out, instead of a white page: storage that cannot
 * open (newer database, blocked, unavailable) or an error no screen caught.
 */
export function FatalScreen({ title, message, remedy, actions, details }: FatalScreenProps) {
  useEffect(() => {
    // End-to-end tests wait on data-ready; "error" lets them fail fast, not time out.
    document.documentElement.dataset.ready = 'error';
  }, []);
  return (
    <main className="fatal">
      <div className="fatal__card" role="alert">
        <div className="fatal__brand">
          <ShieldMark size={32} />
          <span>Bulwark</span>
        </div>
        <h1 className="fatal__title">
          <Icon name="alertOctagon" className="fatal__icon" />
          {title}
        </h1>
        <p>{message}</p>
        <p>
          <strong>What to do:</strong> {remedy}
        </p>
        <div className="fatal__actions">
          {actions}
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              window.location.reload();
            }}
          >
            <Icon name="refresh" />
            Reload
          </button>
        </div>
        {details !== undefined && (
          <details className="fatal__details">
            <summary>Technical details</summary>
            <pre>{details}</pre>
          </details>
        )}
      </div>
    </main>
  );
}
