import { useState } from 'react';
import {
  STRIDE,
  STRIDE_NAMES,
  addManualThreat,
  type CatalogueThreatId,
  type ElementId,
  type Stride,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { useSaveModel } from '../use-save-model';

/** Adds a threat written by a person to one element (core's addManualThreat). */
export function ManualThreatForm({ model }: { readonly model: ThreatModelRecord }) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const candidates = model.elements.filter((e) => e.kind !== 'trust-boundary');
  const [elementId, setElementId] = useState<ElementId | ''>(candidates[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [stride, setStride] = useState<Stride>('S');
  const [error, setError] = useState<string | null>(null);
  if (candidates.length === 0) return null;
  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    const r = addManualThreat(model, {
      elementId: elementId as ElementId,
      threat: {
        id: `manual-${crypto.randomUUID().slice(0, 8)}` as CatalogueThreatId,
        title: title.trim(),
        description: '',
        stride,
        owasp: null,
        cwe: [],
        capec: [],
        likelihood: 2,
        impact: 2,
        mitigations: [],
      },
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const problems = await save(r.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) {
      setTitle('');
      notify({ message: 'Threat added.', tone: 'success' });
    }
  };
  return (
    <form
      className="manual-threat"
      aria-labelledby="manual-threat-title"
      onSubmit={(e) => void submit(e)}
    >
      <h4 id="manual-threat-title" className="prompts__title">
        Add a threat by hand
      </h4>
      <div className="field">
        <label className="field__label" htmlFor="manual-element">
          Element
        </label>
        <select
          id="manual-element"
          className="field__control"
          value={elementId}
          onChange={(e) => {
            setElementId(e.target.value as ElementId);
          }}
        >
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="manual-stride">
          STRIDE category
        </label>
        <select
          id="manual-stride"
          className="field__control"
          value={stride}
          onChange={(e) => {
            setStride(e.target.value as Stride);
          }}
        >
          {STRIDE.map((s) => (
            <option key={s} value={s}>
              {s} · {STRIDE_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="manual-title">
          Threat title
        </label>
        <input
          id="manual-title"
          className="field__control"
          value={title}
          required
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
      </div>
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={title.trim() === ''}>
        Add threat
      </button>
    </form>
  );
}
