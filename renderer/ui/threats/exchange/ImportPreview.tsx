import { useId, useState } from 'react';
import type { ThreatModel, ThreatModelId } from '../../../../core/threats';
import { defaultDeps, getDatabase } from '../../../storage';
import { getThreatModel, saveThreatModel } from '../../../storage/threat-models';
import { Dialog } from '../../components/Dialog';
import { useProblems } from '../../state/problem-context';
import { useRouter } from '../../state/router-context';
import { useToasts } from '../../state/toast-context';

type ImportPreviewProps = {
  readonly model: ThreatModel;
  readonly fileName: string;
  readonly onClose: () => void;
};

/** What an import will create; a model whose id is taken comes in as a copy with a new id. */
export function ImportPreview({ model, fileName, onClose }: ImportPreviewProps) {
  const titleId = useId();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [busy, setBusy] = useState(false);
  const active = model.threats.instances.filter((t) => !t.stale).length;
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      const db = getDatabase();
      const taken = (await getThreatModel(db, model.id)) !== undefined;
      const toStore = taken
        ? { ...model, id: `tm-${crypto.randomUUID()}` as ThreatModelId }
        : model;
      const r = await saveThreatModel(db, toStore, defaultDeps, { allowCreate: true });
      if (!r.ok) {
        notify({
          message: `${fileName}: ${r.errors[0]?.message ?? 'invalid model'}`,
          tone: 'error',
        });
        return;
      }
      notify({ message: `Imported “${r.value.title}”.`, tone: 'success' });
      onClose();
      navigate({ area: 'threats', view: { kind: 'model', id: r.value.id, step: 'scope' } });
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
          Import this threat model?
        </h2>
      </div>
      <p className="dialog__subject clamp-3">{model.title}</p>
      <ul className="dialog__text">
        <li>From {fileName}</li>
        <li>
          {model.elements.length} elements, {model.assets.length} assets
        </li>
        <li>{active} threats</li>
        <li>{model.versions.length} signed-off versions</li>
        <li>Linked to {model.apiIds.length} APIs</li>
      </ul>
      <p className="dialog__text text-muted">It is added as a new model; nothing else changes.</p>
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
          Import model
        </button>
      </div>
    </Dialog>
  );
}
