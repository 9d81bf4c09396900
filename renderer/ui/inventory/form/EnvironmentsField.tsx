import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon';
import { fieldId, type EnvironmentRow } from '../../lib/api-form';
import { FieldError } from './FieldError';

type EnvironmentsFieldProps = {
  readonly rows: readonly EnvironmentRow[];
  readonly onChange: (rows: EnvironmentRow[]) => void;
  readonly errors: Readonly<Record<string, string>>;
};

/** Repeatable name + base URL rows, e.g. "production  https://api.example.com/v1". */
export function EnvironmentsField({ rows, onChange, errors }: EnvironmentsFieldProps) {
  const addRef = useRef<HTMLButtonElement>(null);
  // After adding a row, its first input takes focus; after removing one, focus goes to
  // the next row's first input, or to "Add environment" when none is left below.
  const focusAfter = useRef<{ index: number } | null>(null);
  useEffect(() => {
    const want = focusAfter.current;
    if (!want) return;
    focusAfter.current = null;
    const target = document.getElementById(fieldId(`environments.${String(want.index)}.name`));
    (target ?? addRef.current)?.focus();
  }, [rows.length]);

  const update = (i: number, patch: Partial<EnvironmentRow>): void => {
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const groupError = errors.environments;

  return (
    <fieldset
      id={fieldId('environments')}
      className="environments"
      aria-describedby={groupError !== undefined ? `${fieldId('environments')}-error` : undefined}
    >
      {/* The section heading above says "Environments"; the legend names the group for assistive technology. */}
      <legend className="visually-hidden">Environments</legend>
      <p className="field__hint">
        Where the API runs, such as production and staging, with its base URL.
      </p>
      {rows.length > 0 && (
        <div className="environments__head" aria-hidden="true">
          <span>Environment</span>
          <span>Base URL</span>
        </div>
      )}
      <ol className="environments__rows">
        {rows.map((row, i) => {
          const n = String(i + 1);
          const nameKey = `environments.${String(i)}.name`;
          const urlKey = `environments.${String(i)}.baseUrl`;
          const nameError = errors[nameKey];
          const urlError = errors[urlKey];
          return (
            <li key={row.key} className="environments__row">
              <div className="environments__cell">
                <label
                  htmlFor={fieldId(nameKey)}
                  className="visually-hidden"
                >{`Environment ${n}`}</label>
                <input
                  id={fieldId(nameKey)}
                  className="field__control"
                  value={row.name}
                  placeholder="production"
                  autoComplete="off"
                  aria-invalid={nameError !== undefined ? true : undefined}
                  aria-describedby={
                    nameError !== undefined ? `${fieldId(nameKey)}-error` : undefined
                  }
                  onChange={(e) => {
                    update(i, { name: e.target.value });
                  }}
                />
                <FieldError id={`${fieldId(nameKey)}-error`} message={nameError} />
              </div>
              <div className="environments__cell">
                <label
                  htmlFor={fieldId(urlKey)}
                  className="visually-hidden"
                >{`Base URL for environment ${n}`}</label>
                <input
                  id={fieldId(urlKey)}
                  className="field__control field__control--mono"
                  type="url"
                  value={row.baseUrl}
                  placeholder="https://api.example.com/v1"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={urlError !== undefined ? true : undefined}
                  aria-describedby={urlError !== undefined ? `${fieldId(urlKey)}-error` : undefined}
                  onChange={(e) => {
                    update(i, { baseUrl: e.target.value });
                  }}
                />
                <FieldError id={`${fieldId(urlKey)}-error`} message={urlError} />
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove environment ${n}`}
                onClick={() => {
                  focusAfter.current = { index: i };
                  onChange(rows.filter((_, j) => j !== i));
                }}
              >
                <Icon name="trash" />
              </button>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          focusAfter.current = { index: rows.length };
          const key = rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;
          onChange([...rows, { key, name: '', baseUrl: '' }]);
        }}
      >
        <Icon name="plus" />
        Add environment
      </button>
      <FieldError id={`${fieldId('environments')}-error`} message={groupError} />
    </fieldset>
  );
}
