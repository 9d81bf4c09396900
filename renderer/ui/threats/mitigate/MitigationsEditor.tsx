import { useState } from 'react';
import {
  MITIGATION_STATUSES,
  updateThreat,
  type Mitigation,
  type MitigationId,
  type MitigationStatus,
  type ThreatRow,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { MITIGATION_STATUS_LABELS, SEVERITY_LABELS } from '../labels';
import { useSaveModel } from '../use-save-model';
import { MitigationItem } from './MitigationItem';

type MitigationsEditorProps = { readonly model: ThreatModelRecord; readonly row: ThreatRow };

/** The threat's mitigations, the rule's recommended ones a click away, and a custom one. */
export function MitigationsEditor({ model, row }: MitigationsEditorProps) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const recommended = (
    model.threats.catalogue.find((c) => c.id === row.threatId)?.mitigations ?? []
  ).filter((m) => !row.mitigations.some((x) => x.id === m.id));
  const store = async (mitigations: readonly Mitigation[], message: string): Promise<void> => {
    const r = updateThreat(model, row.id, { mitigations });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const problems = await save(r.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) notify({ message, tone: 'success' });
  };
  const add = (m: Omit<Mitigation, 'status' | 'owner' | 'due'>): Promise<void> =>
    store(
      [...row.mitigations, { ...m, status: 'proposed', owner: '', due: null }],
      'Mitigation added.',
    );
  return (
    <section className="mitigations" aria-labelledby="mitigations-title">
      <h5 id="mitigations-title" className="mitigations__title">
        Mitigations
      </h5>
      <p className="mitigations__residual">
        Residual severity:{' '}
        <span className={`severity severity--${row.residualSeverity}`}>
          {SEVERITY_LABELS[row.residualSeverity]}
        </span>{' '}
        <span className="text-muted">(lowers as mitigations are verified)</span>
      </p>
      {row.mitigations.length === 0 ? (
        <p className="text-muted">No mitigations yet.</p>
      ) : (
        <ul className="mitigations__list">
          {row.mitigations.map((m) => (
            <MitigationItem
              key={m.id}
              mitigation={m}
              statuses={MITIGATION_STATUSES.map((s: MitigationStatus) => [
                s,
                MITIGATION_STATUS_LABELS[s],
              ])}
              onSave={(next) =>
                store(
                  row.mitigations.map((x) => (x.id === m.id ? next : x)),
                  'Mitigation saved.',
                )
              }
              onRemove={() =>
                store(
                  row.mitigations.filter((x) => x.id !== m.id),
                  'Mitigation removed.',
                )
              }
            />
          ))}
        </ul>
      )}
      {recommended.length > 0 && (
        <div className="mitigations__recommended">
          <p className="field__label">Recommended by the rule</p>
          <ul>
            {recommended.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void add(m)}
                >
                  Add “{m.title}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mitigations__add">
        <input
          className="field__control"
          aria-label="New mitigation"
          placeholder="Describe a countermeasure"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={title.trim() === ''}
          onClick={() => {
            void add({
              id: `mit-${crypto.randomUUID().slice(0, 8)}` as MitigationId,
              title: title.trim(),
              description: '',
            }).then(() => {
              setTitle('');
            });
          }}
        >
          Add mitigation
        </button>
      </div>
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
