import type { Ref } from 'react';
import { fieldId, fieldLabel, ownerKey } from '../../lib/api-form';
import { focusField } from '../../lib/dom';

type ErrorSummaryProps = {
  readonly ref: Ref<HTMLDivElement>;
  readonly errors: readonly [string, string][];
  readonly rendered: ReadonlySet<string>;
};

/**
 * The problems that stopped a save, at the top of the form. It takes focus after a
 * failed save, so a screen reader reads it; each entry is a link that moves focus to
 * its field.
 */
export function ErrorSummary({ ref, errors, rendered }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title" className="error-summary__title">
        {errors.length === 1
          ? 'Fix 1 problem to save this API'
          : `Fix ${String(errors.length)} problems to save this API`}
      </h3>
      <ul className="error-summary__list">
        {errors.map(([key, message]) => {
          const owner = ownerKey(key, rendered);
          if (owner === 'form') return <li key={key}>{message}</li>;
          const id = fieldId(owner);
          const label = fieldLabel(owner);
          return (
            <li key={key}>
              <a
                href={`#${id}`}
                onClick={(e) => {
                  // The hash belongs to the router: focus the field instead of navigating.
                  e.preventDefault();
                  focusField(id);
                }}
              >
                {label !== null && <span className="error-summary__field">{label}: </span>}
                {message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
