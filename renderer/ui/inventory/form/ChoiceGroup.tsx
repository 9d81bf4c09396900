import { fieldId } from '../../lib/api-form';
import { FieldError } from './FieldError';

type ChoiceGroupProps<T extends string> = {
  readonly name: string;
  readonly legend: string;
  readonly type: 'radio' | 'checkbox';
  readonly options: readonly T[];
  readonly labels: Readonly<Record<T, string>>;
  readonly selected: readonly T[];
  readonly onToggle: (value: T, on: boolean) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly columns?: 2 | 3 | 4;
};

/** A fieldset of radios or checkboxes with its legend, hint and error. */
export function ChoiceGroup<T extends string>({
  name,
  legend,
  type,
  options,
  labels,
  selected,
  onToggle,
  error,
  hint,
  columns = 2,
}: ChoiceGroupProps<T>) {
  const id = fieldId(name);
  const describedBy =
    [hint !== undefined ? `${id}-hint` : '', error !== undefined ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={error !== undefined ? 'choice-group field--invalid' : 'choice-group'}
      aria-describedby={describedBy}
    >
      <legend className="field__label">{legend}</legend>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <div className={`choice-group__options choice-group__options--${String(columns)}`}>
        {options.map((value) => (
          <label key={value} className="choice">
            <input
              type={type}
              name={type === 'radio' ? id : undefined}
              value={value}
              checked={selected.includes(value)}
              onChange={(e) => {
                onToggle(value, e.target.checked);
              }}
            />
            <span>{labels[value]}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
