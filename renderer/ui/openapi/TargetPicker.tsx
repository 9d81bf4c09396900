import { useId } from 'react';
import type { ApiEntry, ApiId } from '../../../core/inventory/types';
import type { ThreatModelId } from '../../../core/threats';
import { modelLabel, type TargetModel } from './import-target';

type TargetPickerProps = {
  readonly value: 'new' | ThreatModelId;
  readonly newLabel: string;
  readonly models: readonly TargetModel[];
  readonly apis: ReadonlyMap<ApiId, ApiEntry>;
  readonly onChange: (to: 'new' | ThreatModelId) => void;
};

/** Create a new entry and model, or update an existing model (a re-import). */
export function TargetPicker({ value, newLabel, models, apis, onChange }: TargetPickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Import into
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        onChange={(e) => {
          onChange(e.target.value as 'new' | ThreatModelId);
        }}
      >
        <option value="new">{newLabel}</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            Update {modelLabel(m, apis)}
          </option>
        ))}
      </select>
    </div>
  );
}
