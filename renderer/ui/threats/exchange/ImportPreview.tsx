import { useId, useState } from 'react';
import type { ApiId } from '../../../../core/inventory';
import type { ExchangeNote } from '../../../../core/exchange';
import type { ThreatModel, ThreatModelId } from '../../../../core/threats';
import { defaultDeps, getDatabase, useApis } from '../../../storage';
import { getThreatModel, saveThreatModel } from '../../../storage/threat-models';
import { Dialog } from '../../components/Dialog';
import { useProblems } from '../../state/problem-context';
import { useRouter } from '../../state/router-context';
import { useToasts } from '../../state/toast-context';
import { ApiPicker } from '../ApiPicker';
import { NoteList } from './NoteList';

/** A model converted from another tool: what it was, and what the conversion reported. */
export type Conversion = {
  readonly formatName: string;
  readonly warnings: readonly ExchangeNote[];
  readonly notCarried: readonly ExchangeNote[];
};

type ImportPreviewProps = {
  readonly model: ThreatModel;
  readonly fileName: string;
  /** Set for Threat Dragon, OTM and .tm7 files: they are linked to APIs here. */
  readonly conversion?: Conversion;
  readonly onClose: () => void;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What an import will create; nothing is written until the person confirms, and then the
 * model is stored whole in one transaction. A model whose id is taken comes in as a copy.
 */
export function ImportPreview({ model, fileName, conversion, onClose }: ImportPreviewProps) {
  const titleId = useId();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const apis = useApis();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<readonly ApiId[] | null>(null);
  // With a single API in the inventory, linking to it is the obvious choice.
  const linked: readonly ApiId[] = chosen ?? (apis?.length === 1 && apis[0] ? [apis[0].id] : []);
  const active = model.threats.instances.filter((t) => !t.stale).length;
  const count = (kind: string) => model.elements.filter((e) => e.kind === kind).length;
  const needsLink = conversion !== undefined && linked.length === 0;
  const run = async (): Promise<void> => {
    if (needsLink) return;
    setBusy(true);
    try {
      const db = getDatabase();
      const withApis = conversion ? { ...model, apiIds: linked } : model;
      const taken = (await getThreatModel(db, model.id)) !== undefined;
      const toStore = taken
        ? { ...withApis, id: `tm-${crypto.randomUUID()}` as ThreatModelId }
        : withApis;
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
    <Dialog
      labelledBy={titleId}
      onClose={onClose}
      {...(conversion ? { className: 'dialog--wide' } : {})}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Import this threat model?
        </h2>
      </div>
      <p className="dialog__subject clamp-3">{model.title}</p>
      <ul className="dialog__text">
        <li>
          From {fileName}
          {conversion ? ` (${conversion.formatName})` : ''}
        </li>
        {conversion ? (
          <li>
            {plural(count('process'), 'process', 'processes')},{' '}
            {plural(count('data-store'), 'data store')},{' '}
            {plural(count('external-entity'), 'external entity', 'external entities')},{' '}
            {plural(count('data-flow'), 'data flow')},{' '}
            {plural(count('trust-boundary'), 'trust boundary', 'trust boundaries')}
          </li>
        ) : (
          <li>
            {model.elements.length} elements, {model.assets.length} assets
          </li>
        )}
        <li>
          {active} threats
          {conversion
            ? `, ${plural(model.threats.catalogue.length, 'catalogue entry', 'catalogue entries')}`
            : ''}
        </li>
        {conversion ? (
          <li>{plural(model.assets.length, 'asset')}</li>
        ) : (
          <>
            <li>{model.versions.length} signed-off versions</li>
            <li>Linked to {model.apiIds.length} APIs</li>
          </>
        )}
      </ul>
      {conversion && (
        <>
          <ApiPicker apis={apis ?? []} chosen={linked} onChange={setChosen} />
          <div className="exchange-notes__group">
            <NoteList
              title="Warnings"
              notes={conversion.warnings}
              empty="None: every part of the file was understood."
            />
            <NoteList
              title="Not carried into Bulwark"
              notes={conversion.notCarried}
              empty="Nothing: the whole file has a place in Bulwark."
            />
          </div>
        </>
      )}
      <p className="dialog__text text-muted">
        {needsLink
          ? 'Choose the inventory APIs this model covers to import it.'
          : 'It is added as a new model; nothing else changes.'}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          data-initial-focus
          disabled={busy || needsLink}
          onClick={() => void run()}
        >
          Import model
        </button>
      </div>
    </Dialog>
  );
}
