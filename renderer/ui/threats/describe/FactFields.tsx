import { FACT_VOCABULARY, type Element } from '../../../../core/threats';
import { humanize, valueLabel } from '../labels';

type FactFieldsProps = { readonly element: Element; readonly onChange: (e: Element) => void };

/**
 * The stored security properties of the element's kind, as the rules read them (core's
 * FACT_VOCABULARY, derived facts left out): booleans as checkboxes, choices as selects.
 */
export function FactFields({ element, onChange }: FactFieldsProps) {
  if (element.kind === 'trust-boundary') return null;
  const specs = Object.entries(FACT_VOCABULARY[element.kind]).filter(([, s]) => !s.derived);
  const values: Readonly<Record<string, unknown>> = element;
  const set = (name: string, value: unknown): void => {
    // The value comes from the vocabulary's own options, so the element stays well-typed.
    const next: Element = { ...element, [name]: value };
    onChange(next);
  };
  const booleans = specs.filter(([, s]) => s.type === 'boolean');
  const choices = specs.filter(([, s]) => s.type === 'enum');
  return (
    <fieldset className="facts-editor">
      <legend className="field__label">Security properties</legend>
      <div className="facts-editor__choices">
        {choices.map(([name, spec]) => (
          <div key={name} className="field">
            <label className="field__label" htmlFor={`fact-${name}`}>
              {humanize(name)}
            </label>
            <select
              id={`fact-${name}`}
              className="field__control"
              value={String(values[name])}
              onChange={(e) => {
                set(name, e.target.value);
              }}
            >
              {(spec.type === 'enum' ? spec.values : []).map((v) => (
                <option key={v} value={v}>
                  {valueLabel(v)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="facts-editor__booleans">
        {booleans.map(([name]) => (
          <label key={name} className="checkbox-row">
            <input
              type="checkbox"
              checked={values[name] === true}
              onChange={(e) => {
                set(name, e.target.checked);
              }}
            />
            {humanize(name)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
