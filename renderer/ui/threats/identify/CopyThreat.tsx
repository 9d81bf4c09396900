import { useState } from 'react';
import { copyThreat, type ElementId, type ThreatRow } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { useSaveModel } from '../use-save-model';

type CopyThreatProps = { readonly model: ThreatModelRecord; readonly row: ThreatRow };

/** Copies the threat to another element as a manual threat (core's copyThreat). */
export function CopyThreat({ model, row }: CopyThreatProps) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const targets = model.elements.filter(
    (e) => e.kind !== 'trust-boundary' && e.id !== row.elementId,
  );
  const [target, setTarget] = useState<ElementId | ''>('');
  const [error, setError] = useState<string | null>(null);
  if (targets.length === 0) return null;
  const run = async (): Promise<void> => {
    if (target === '') return;
    const r = copyThreat(model, row.id, target);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const problems = await save(r.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) notify({ message: 'Threat copied.', tone: 'success' });
  };
  return (
    <div className="copy-threat">
      <div className="field">
        <label className="field__label" htmlFor="copy-target">
          Copy to element
        </label>
        <select
          id="copy-target"
          className="field__control"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value as ElementId);
          }}
        >
          <option value="">Choose…</option>
          {targets.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={target === ''}
        onClick={() => void run()}
      >
        Copy threat
      </button>
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
