import { useId, useState } from 'react';
import {
  dismissThreat,
  updateThreat,
  type IsoTimestamp,
  type ThreatRow,
} from '../../../core/threats';
import type { ThreatModelRecord } from '../../../core/workspace/records';
import { formatTimestamp } from '../lib/dates';
import { useToasts } from '../state/toast-context';
import { useSaveModel } from '../threats/use-save-model';

/** What a dismissal says when the reviewer gives no reason or name. */
export const DEFAULT_REASON = 'False positive: the heuristic misfired.';
export const DEFAULT_BY = 'A reviewer';

/**
 * One action for a generated threat that misfired: dismissed as a false positive (with an
 * optional reason), kept as a decision through every regeneration and re-import, and
 * reopened just as easily.
 */
export function DismissThreat({
  model,
  row,
}: {
  readonly model: ThreatModelRecord;
  readonly row: ThreatRow;
}) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const reasonId = useId();
  const byId = useId();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const instance = model.threats.instances.find((t) => t.id === row.id);
  if (!instance || row.source === 'manual') return null;

  const apply = async (next: ReturnType<typeof dismissThreat>, done: string): Promise<void> => {
    if (!next.ok) {
      setError(next.error);
      return;
    }
    const problems = await save(next.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) notify({ message: done, tone: 'success' });
  };

  if (instance.dismissal)
    return (
      <div className="dismiss">
        <p className="dismiss__note break-anywhere">
          Dismissed by {instance.dismissal.by} on {formatTimestamp(instance.dismissal.at)}:{' '}
          {instance.dismissal.reason}
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            void apply(
              updateThreat(model, row.id, { status: 'open', dismissal: undefined }),
              'Threat reopened.',
            )
          }
        >
          Reopen
        </button>
        {error !== null && <p role="alert">{error}</p>}
      </div>
    );

  return (
    <form
      className="dismiss"
      onSubmit={(e) => {
        e.preventDefault();
        void apply(
          dismissThreat(model, row.id, {
            by: by.trim() || DEFAULT_BY,
            reason: reason.trim() || DEFAULT_REASON,
            at: new Date().toISOString() as IsoTimestamp,
          }),
          'Dismissed as a false positive; it stays dismissed on re-import.',
        );
      }}
    >
      <div className="dismiss__fields">
        <div className="field">
          <label className="field__label" htmlFor={reasonId}>
            Reason (optional)
          </label>
          <input
            id={reasonId}
            className="field__control"
            value={reason}
            placeholder={DEFAULT_REASON}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={byId}>
            Your name (optional)
          </label>
          <input
            id={byId}
            className="field__control"
            value={by}
            autoComplete="name"
            onChange={(e) => {
              setBy(e.target.value);
            }}
          />
        </div>
      </div>
      <button type="submit" className="button button--secondary">
        Dismiss (false positive)
      </button>
      {error !== null && <p role="alert">{error}</p>}
    </form>
  );
}
