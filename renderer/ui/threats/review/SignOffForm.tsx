import { useState } from 'react';
import { signOff, type IsoTimestamp } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { modelOfRecord } from '../../../storage/threat-models';
import { useToasts } from '../../state/toast-context';
import { useSaveModel } from '../use-save-model';

/** Signs the model off as it stands: a new version with who, when and a note. */
export function SignOffForm({ model }: { readonly model: ThreatModelRecord }) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const [signedBy, setSignedBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    // The snapshot is of the domain model, without the record's bookkeeping timestamps.
    const next = signOff(modelOfRecord(model), {
      signedBy: signedBy.trim(),
      signedAt: new Date().toISOString() as IsoTimestamp,
      note: note.trim(),
    });
    const problems = await save(next);
    setError(problems?.[0] ? `${problems[0].path}: ${problems[0].message}` : null);
    if (problems === null) {
      const v = next.versions[next.versions.length - 1];
      notify({ message: `Signed off as version ${String(v?.version ?? '')}.`, tone: 'success' });
      setNote('');
    }
  };
  return (
    <form className="sign-off" aria-labelledby="sign-off-title" onSubmit={(e) => void submit(e)}>
      <h4 id="sign-off-title" className="prompts__title">
        Sign off
      </h4>
      <div className="field">
        <label className="field__label" htmlFor="sign-off-by">
          Signed off by
        </label>
        <input
          id="sign-off-by"
          className="field__control"
          required
          value={signedBy}
          onChange={(e) => {
            setSignedBy(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="sign-off-note">
          Note
        </label>
        <textarea
          id="sign-off-note"
          className="field__control"
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </div>
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={signedBy.trim() === ''}>
        Sign off this version
      </button>
    </form>
  );
}
