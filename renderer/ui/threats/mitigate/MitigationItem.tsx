import { useState } from 'react';
import type { IsoDate, Mitigation, MitigationStatus } from '../../../../core/threats';

type MitigationItemProps = {
  readonly mitigation: Mitigation;
  readonly statuses: readonly (readonly [MitigationStatus, string])[];
  readonly onSave: (m: Mitigation) => Promise<void>;
  readonly onRemove: () => Promise<void>;
};

/** One mitigation: its status, owner and due date, saved together. */
export function MitigationItem({ mitigation: m, statuses, onSave, onRemove }: MitigationItemProps) {
  const [status, setStatus] = useState(m.status);
  const [owner, setOwner] = useState(m.owner);
  const [due, setDue] = useState<string>(m.due ?? '');
  const dirty = status !== m.status || owner !== m.owner || due !== (m.due ?? '');
  return (
    <li className="mitigation" aria-label={m.title}>
      <p className="mitigation__title break-anywhere">{m.title}</p>
      <div className="mitigation__fields">
        <select
          className="field__control"
          aria-label={`Status of ${m.title}`}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as MitigationStatus);
          }}
        >
          {statuses.map(([s, label]) => (
            <option key={s} value={s}>
              {label}
            </option>
          ))}
        </select>
        <input
          className="field__control"
          aria-label={`Owner of ${m.title}`}
          placeholder="Owner"
          value={owner}
          onChange={(e) => {
            setOwner(e.target.value);
          }}
        />
        <input
          type="date"
          className="field__control"
          aria-label={`Due date of ${m.title}`}
          value={due}
          onChange={(e) => {
            setDue(e.target.value);
          }}
        />
        <button
          type="button"
          className="button button--primary button--small"
          disabled={!dirty}
          aria-label={`Save ${m.title}`}
          onClick={() =>
            void onSave({
              ...m,
              status,
              owner: owner.trim(),
              due: due === '' ? null : (due as IsoDate),
            })
          }
        >
          Save
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label={`Remove ${m.title}`}
          onClick={() => void onRemove()}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
