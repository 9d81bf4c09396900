import { useId, useState } from 'react';
import { countSteps, type PlaybookError } from '../../../../core/playbooks';
import { defaultDeps, getDatabase } from '../../../storage';
import { listUserPlaybooks, saveUserPlaybook } from '../../../storage/playbooks';
import { Dialog } from '../../components/Dialog';
import { useProblems } from '../../state/problem-context';
import { useRouter } from '../../state/router-context';
import { useToasts } from '../../state/toast-context';
import { builtinEntries } from '../catalogue';
import { describeError, sourceToStore, type ImportOutcome } from './import-file';

type ImportPlaybookPreviewProps = {
  readonly outcome: Extract<ImportOutcome, { ok: true }>;
  readonly onClose: () => void;
};

/** What an import will store, with every warning; a taken id comes in as a copy. */
export function ImportPlaybookPreview({ outcome, onClose }: ImportPlaybookPreviewProps) {
  const titleId = useId();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly PlaybookError[]>([]);
  const { playbook, warnings, fileName } = outcome;
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      const db = getDatabase();
      const taken = new Set([
        ...builtinEntries().map((e) => e.id),
        ...(await listUserPlaybooks(db)).map((r) => r.id),
      ]);
      const { source } = sourceToStore(outcome, taken);
      const r = await saveUserPlaybook(db, source, defaultDeps, fileName);
      if (!r.ok) {
        setErrors(r.errors);
        return;
      }
      notify({ message: `Imported “${r.value.title}”.`, tone: 'success' });
      onClose();
      navigate({ area: 'playbooks', view: { kind: 'view', id: r.value.id } });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog labelledBy={titleId} onClose={onClose}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Import this playbook?
        </h2>
      </div>
      <p className="dialog__subject clamp-3">{playbook.title}</p>
      <ul className="dialog__text">
        <li>From {fileName}</li>
        <li>
          Version {playbook.version}, {countSteps(playbook)} steps in {playbook.phases.length}{' '}
          phases
        </li>
      </ul>
      {warnings.length > 0 && (
        <section className="playbooks__warnings" aria-label="Import warnings">
          <p className="dialog__text">{`${String(warnings.length)} warnings (imported anyway):`}</p>
          <ul className="dialog__text playbooks__warning-list break-anywhere">
            {warnings.map((w, i) => (
              <li key={`${String(i)}-${w.path}`}>{describeError(w)}</li>
            ))}
          </ul>
        </section>
      )}
      {errors.length > 0 && (
        <ul className="dialog__text inline-alert break-anywhere" role="alert">
          {errors.map((e, i) => (
            <li key={`${String(i)}-${e.path}`}>{describeError(e)}</li>
          ))}
        </ul>
      )}
      <p className="dialog__text text-muted">
        It is added as your playbook; an id already in use gets a copy with a new id.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          data-initial-focus
          disabled={busy}
          onClick={() => void run()}
        >
          Import playbook
        </button>
      </div>
    </Dialog>
  );
}
