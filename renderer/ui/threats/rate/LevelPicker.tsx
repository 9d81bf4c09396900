import type { Level } from '../../../../core/threats';

type LevelPickerProps = {
  readonly legend: string;
  readonly labels: Readonly<Record<Level, string>>;
  readonly value: Level;
  readonly onChange: (level: Level) => void;
};

const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** Four radio buttons, 1 to 4, each with its word ("1 Unlikely"). */
export function LevelPicker({ legend, labels, value, onChange }: LevelPickerProps) {
  return (
    <fieldset className="level-picker">
      <legend className="field__label">{legend}</legend>
      <div className="level-picker__options">
        {LEVELS.map((l) => (
          <label
            key={l}
            className={
              l === value ? 'level-picker__option level-picker__option--on' : 'level-picker__option'
            }
          >
            <input
              type="radio"
              name={legend}
              checked={l === value}
              onChange={() => {
                onChange(l);
              }}
            />
            {l} {labels[l]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
