import type { Ref } from 'react';
import { fieldId } from '../../lib/api-form';
import { FieldError } from './FieldError';

type TextFieldProps = {
  /** The error key of the field (`name`, `owner.team`); it also makes the id. */
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly type?: 'text' | 'email' | 'date' | 'url';
  readonly placeholder?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly className?: string;
};

/** A labelled input or textarea with its hint and its error next to it. */
export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  multiline,
  rows = 3,
  type = 'text',
  placeholder,
  inputRef,
  className,
}: TextFieldProps) {
  const id = fieldId(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint !== undefined ? hintId : '', error !== undefined ? errorId : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    placeholder,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-describedby': describedBy,
    className: 'field__control',
    spellCheck: type === 'text' ? undefined : false,
  } as const;
  return (
    <div
      className={[error !== undefined ? 'field field--invalid' : 'field', className ?? '']
        .join(' ')
        .trim()}
    >
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {required === true && (
          <span className="field__required" aria-hidden="true">
            Required
          </span>
        )}
      </div>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {multiline === true ? (
        <textarea
          {...common}
          rows={rows}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type={type}
          autoComplete="off"
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
