import type { PlaybookError } from '../../../../core/playbooks';
import { describeError } from './import-file';

type ImportErrorsProps = {
  readonly title: string;
  readonly errors: readonly PlaybookError[];
  /** Absent when the errors stay until fixed (a stored playbook that no longer validates). */
  readonly onDismiss?: () => void;
};

const SHOWN = 50;

/** Why a file was refused: each error with its file, line, column and path. */
export function ImportErrors({ title, errors, onDismiss }: ImportErrorsProps) {
  return (
    <div className="playbooks__import-errors inline-alert" role="alert">
      <p className="inline-alert__title">{title}</p>
      <ul className="break-anywhere">
        {errors.slice(0, SHOWN).map((e, i) => (
          <li key={`${String(i)}-${e.path}`}>{describeError(e)}</li>
        ))}
      </ul>
      {errors.length > SHOWN && <p>{`and ${String(errors.length - SHOWN)} more`}</p>}
      {onDismiss && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onDismiss}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
