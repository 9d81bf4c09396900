import { useState } from 'react';
import { KNOWN_REGIMES } from '../../../../core/inventory';
import { Icon } from '../../components/Icon';
import { addRegime, fieldId, otherRegimes } from '../../lib/api-form';
import { FieldError } from './FieldError';

type RegimesFieldProps = {
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly error?: string;
};

/** Well-known regimes as checkboxes, any other as free text shown as removable chips. */
export function RegimesField({ value, onChange, error }: RegimesFieldProps) {
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState<string | null>(null);
  const id = fieldId('regulatoryScope');
  const others = otherRegimes(value);

  const add = (): void => {
    const result = addRegime(value, other);
    if (!result.ok) {
      setOtherError(result.error);
      return;
    }
    onChange(result.list);
    setOther('');
    setOtherError(null);
  };

  return (
    <fieldset
      id={id}
      className={error !== undefined ? 'choice-group field--invalid' : 'choice-group'}
      aria-describedby={error !== undefined ? `${id}-error` : undefined}
    >
      <legend className="field__label">Regulatory scope</legend>
      <div className="choice-group__options choice-group__options--4">
        {KNOWN_REGIMES.map((r) => (
          <label key={r} className="choice">
            <input
              type="checkbox"
              checked={value.includes(r)}
              onChange={(e) => {
                onChange(e.target.checked ? [...value, r] : value.filter((v) => v !== r));
              }}
            />
            <span>{r}</span>
          </label>
        ))}
      </div>
      {others.length > 0 && (
        <ul className="chips" aria-label="Other regimes in scope">
          {others.map((r) => (
            <li key={r} className="chip">
              <span className="chip__text">{r}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${r}`}
                onClick={() => {
                  onChange(value.filter((v) => v !== r));
                }}
              >
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-add">
        <label htmlFor={`${id}-other`} className="field__sublabel">
          Other regime
        </label>
        <div className="inline-add__row">
          <input
            id={`${id}-other`}
            className="field__control"
            value={other}
            placeholder="e.g. APPI, POPIA, internal policy"
            autoComplete="off"
            aria-invalid={otherError !== null ? true : undefined}
            aria-describedby={otherError !== null ? `${id}-other-error` : undefined}
            onChange={(e) => {
              setOther(e.target.value);
              setOtherError(null);
            }}
            onKeyDown={(e) => {
              // Enter adds the regime here instead of submitting the whole form.
              if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            Add regime
          </button>
        </div>
        <FieldError id={`${id}-other-error`} message={otherError ?? undefined} />
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
