import type { PlaybookError } from '../../../../core/playbooks';

type EditorErrorsProps = {
  readonly errors: readonly PlaybookError[];
  readonly onGoTo: (error: PlaybookError) => void;
  readonly headingId: string;
};

const SHOWN = 100;

/** The validation errors, each "line L, column C — path — message" with a Go to button. */
export function EditorErrors({ errors, onGoTo, headingId }: EditorErrorsProps) {
  return (
    <ul className="playbook-editor__errors" aria-labelledby={headingId}>
      {errors.slice(0, SHOWN).map((e, i) => {
        const place = `line ${String(e.line)}, column ${String(e.column)}`;
        return (
          <li key={`${String(i)}-${e.path}-${String(e.line)}`} className="playbook-editor__error">
            <span className="break-anywhere">
              {`${place} — ${e.path === '' ? '(file)' : e.path} — ${e.message}`}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Go to line ${String(e.line)}: ${e.message}`}
              onClick={() => {
                onGoTo(e);
              }}
            >
              Go to line {e.line}
            </button>
          </li>
        );
      })}
      {errors.length > SHOWN && <li>{`and ${String(errors.length - SHOWN)} more`}</li>}
    </ul>
  );
}
