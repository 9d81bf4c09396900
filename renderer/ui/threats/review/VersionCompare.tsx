import { useMemo, useState } from 'react';
import { diffModels, type ThreatModel, type ThreatModelSnapshot } from '../../../../core/threats';
import { modelOfRecord } from '../../../storage/threat-models';
import { DiffTable } from './DiffTable';

// -1 stands for the model as it is now (unsigned changes).
const CURRENT = -1;

/** Compare any two versions (or a version and the current model) side by side. */
export function VersionCompare({ model }: { readonly model: ThreatModel }) {
  const last = model.versions[model.versions.length - 1];
  const first = model.versions[0];
  const [from, setFrom] = useState(first?.version ?? CURRENT);
  const [to, setTo] = useState(model.versions.length > 1 ? (last?.version ?? CURRENT) : CURRENT);
  const snapshot = (v: number): ThreatModelSnapshot | null => {
    if (v === CURRENT) {
      return Object.fromEntries(
        Object.entries(modelOfRecord(model)).filter(([k]) => k !== 'versions'),
      ) as ThreatModelSnapshot;
    }
    return model.versions.find((x) => x.version === v)?.snapshot ?? null;
  };
  const diff = useMemo(() => {
    const a = snapshot(from);
    const b = snapshot(to);
    return a && b ? diffModels(a, b) : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- snapshot reads only model
  }, [model, from, to]);
  const picker = (id: string, label: string, value: number, set: (v: number) => void) => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        onChange={(e) => {
          set(Number(e.target.value));
        }}
      >
        {model.versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
        <option value={CURRENT}>Current (unsigned)</option>
      </select>
    </div>
  );
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h4 id="compare-title" className="prompts__title">
        Compare versions
      </h4>
      <div className="compare__pickers">
        {picker('compare-from', 'From', from, setFrom)}
        {picker('compare-to', 'To', to, setTo)}
      </div>
      {diff === null ? null : diff.same ? (
        <p role="status">No differences.</p>
      ) : (
        <DiffTable diff={diff} />
      )}
    </section>
  );
}
