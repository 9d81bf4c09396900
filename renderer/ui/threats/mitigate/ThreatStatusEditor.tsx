import { useState } from 'react';
import {
  THREAT_STATUSES,
  updateThreat,
  type IsoDate,
  type ThreatRow,
  type ThreatStatus,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { THREAT_STATUS_LABELS } from '../labels';
import { useSaveModel } from '../use-save-model';

type ThreatStatusEditorProps = { readonly model: ThreatModelRecord; readonly row: ThreatRow };

/** The threat's decision; accepting a risk needs an owner, a rationale and an expiry date. */
export function ThreatStatusEditor({ model, row }: ThreatStatusEditorProps) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const [status, setStatus] = useState<ThreatStatus>(row.status);
  const [owner, setOwner] = useState(row.acceptance?.owner ?? '');
  const [rationale, setRationale] = useState(row.acceptance?.rationale ?? '');
  const [expires, setExpires] = useState<string>(row.acceptance?.expires ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    const r = updateThreat(model, row.id, {
      status,
      acceptance:
        status === 'accepted'
          ? { owner: owner.trim(), rationale: rationale.trim(), expires: expires as IsoDate }
          : undefined,
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const problems = await save(r.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) notify({ message: 'Threat status saved.', tone: 'success' });
  };
  const input = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    type = 'text',
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        className="field__control"
        required
        value={value}
        onChange={(e) => {
          set(e.target.value);
        }}
      />
    </div>
  );
  return (
    <form className="threat-status" aria-label="Threat status" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label className="field__label" htmlFor="threat-status">
          Threat status
        </label>
        <select
          id="threat-status"
          className="field__control"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as ThreatStatus);
          }}
        >
          {THREAT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {THREAT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {status === 'accepted' && (
        <>
          {input('accept-owner', 'Risk owner', owner, setOwner)}
          {input('accept-rationale', 'Why the risk is accepted', rationale, setRationale)}
          {input('accept-expires', 'Acceptance expires', expires, setExpires, 'date')}
        </>
      )}
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        Save status
      </button>
    </form>
  );
}
