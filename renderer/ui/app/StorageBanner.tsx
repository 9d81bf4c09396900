import { Icon } from '../components/Icon';
import { useProblems } from '../state/problem-context';
import { useWorkspace } from '../state/workspace-context';
import { PROBLEM_ACTIONS } from './problem-actions';

/** The storage problem of the moment, with its remedy and the ways out. */
export function StorageBanner() {
  const { problem, dismiss } = useProblems();
  const { backup, busy } = useWorkspace();
  if (!problem) return null;
  const actions = PROBLEM_ACTIONS[problem.kind];
  const retry = (): void => {
    dismiss();
    if (problem.retry) problem.retry();
    else window.location.reload();
  };
  return (
    <div className="banner banner--danger" role="alert">
      <Icon name="alertOctagon" className="banner__icon" />
      <div className="banner__content">
        <p className="banner__title">{problem.title}</p>
        <p>{problem.message}</p>
        <p>
          <strong>What to do:</strong> {problem.remedy}
        </p>
      </div>
      <div className="banner__actions">
        {actions.includes('backup') && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy !== null}
            onClick={() => void backup()}
          >
            Export a backup
          </button>
        )}
        {actions.includes('retry') && (
          <button type="button" className="button button--secondary" onClick={retry}>
            Retry
          </button>
        )}
        {actions.includes('reload') && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Dismiss storage message"
          onClick={dismiss}
        >
          <Icon name="x" />
        </button>
      </div>
    </div>
  );
}
