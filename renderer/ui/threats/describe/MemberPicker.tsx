import { useId } from 'react';

type MemberPickerProps<Id extends string> = {
  readonly legend: string;
  readonly options: readonly { readonly id: Id; readonly name: string }[];
  readonly chosen: readonly Id[];
  readonly onChange: (ids: readonly Id[]) => void;
};

/** Checkboxes for a set of ids: the elements a boundary contains, the assets a flow carries. */
export function MemberPicker<Id extends string>({
  legend,
  options,
  chosen,
  onChange,
}: MemberPickerProps<Id>) {
  const id = useId();
  return (
    <fieldset
      className="member-picker"
      aria-describedby={options.length === 0 ? `${id}-none` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {options.length === 0 ? (
        <p id={`${id}-none`} className="text-muted">
          Nothing to choose yet.
        </p>
      ) : (
        <ul className="member-picker__list">
          {options.map((o) => (
            <li key={o.id}>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.id)}
                  onChange={(e) => {
                    onChange(
                      e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id),
                    );
                  }}
                />
                <span className="break-anywhere">{o.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
