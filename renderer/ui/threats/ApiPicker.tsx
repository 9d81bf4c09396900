import { useId, useState } from 'react';
import type { ApiEntry, ApiId } from '../../../core/inventory';

type ApiPickerProps = {
  readonly apis: readonly ApiEntry[];
  readonly chosen: readonly ApiId[];
  readonly onChange: (ids: readonly ApiId[]) => void;
  /** The group's name; incidents say "Affected APIs". */
  readonly legend?: string;
};

// Past this many APIs the list shows only matches of the filter.
const SHOW_AT_MOST = 200;

/** Checkboxes for the inventory APIs a model covers, with a filter for large inventories. */
export function ApiPicker({ apis, chosen, onChange, legend = 'Linked APIs' }: ApiPickerProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const matching = apis.filter((a) => chosen.includes(a.id) || a.name.toLowerCase().includes(q));
  const shown = matching.slice(0, SHOW_AT_MOST);
  const toggle = (apiId: ApiId, on: boolean): void => {
    onChange(on ? [...chosen, apiId] : chosen.filter((x) => x !== apiId));
  };
  return (
    <fieldset className="field api-picker">
      <legend className="field__label">{legend}</legend>
      {apis.length === 0 ? (
        <p className="text-muted">The inventory is empty: add an API first.</p>
      ) : (
        <>
          {apis.length > 8 && (
            <input
              type="search"
              className="field__control"
              aria-label="Filter APIs"
              aria-describedby={`${id}-count`}
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value);
              }}
            />
          )}
          <p id={`${id}-count`} className="field__hint">
            {chosen.length} chosen
            {matching.length > shown.length
              ? `; showing ${String(shown.length)} of ${String(matching.length)}`
              : ''}
          </p>
          <ul className="api-picker__list">
            {shown.map((a) => (
              <li key={a.id}>
                <label className="api-picker__option">
                  <input
                    type="checkbox"
                    checked={chosen.includes(a.id)}
                    onChange={(e) => {
                      toggle(a.id, e.target.checked);
                    }}
                  />
                  <span className="break-anywhere">{a.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
