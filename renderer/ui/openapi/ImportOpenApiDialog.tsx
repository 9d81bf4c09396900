import { useEffect, useEffectEvent, useId, useMemo, useState } from 'react';
import type { ApiEntry, ApiId } from '../../../core/inventory/types';
import type { ThreatModelId } from '../../../core/threats';
import { defaultDeps, getDatabase, useApis } from '../../storage';
import { useThreatModelSummaries } from '../../storage/hooks-threats';
import { modelsWithOpenApiSource } from '../../storage/openapi-import';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { useProblems } from '../state/problem-context';
import { useRouter } from '../state/router-context';
import { useToasts } from '../state/toast-context';
import { DescriptionDiffView } from './DescriptionDiffView';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummaryView } from './ImportSummaryView';
import { apiOfModel, matchingModel } from './import-target';
import type { DescriptionInput } from './protocol';
import { SourcePicker } from './SourcePicker';
import { TargetPicker } from './TargetPicker';
import { useOpenApiAnalysis } from './use-openapi-analysis';

type Target = 'new' | ThreatModelId;

type ImportOpenApiDialogProps = {
  readonly onClose: () => void;
  /** A file dropped on the threat models list before the dialog opened. */
  readonly initialFile?: File | undefined;
  /** Started from an inventory entry's detail: a new model is for that entry. */
  readonly forApi?: ApiId | undefined;
};

/**
 * Import an OpenAPI description: choose, drop or paste it; the worker analyses it with a
 * progress bar; the preview (and, for a re-import, the diff) shows what will be written;
 * Create or Update writes the entry, the model and the description in one transaction.
 */
export function ImportOpenApiDialog({ onClose, initialFile, forApi }: ImportOpenApiDialogProps) {
  const titleId = useId();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const models = useThreatModelSummaries();
  const apiList = useApis();
  const apis = useMemo(
    () => new Map<ApiId, ApiEntry>((apiList ?? []).map((a) => [a.id, a])),
    [apiList],
  );
  const { state, start, cancel, write } = useOpenApiAnalysis();
  const [ids] = useState(() => ({
    api: forApi ?? (defaultDeps.newId() as ApiId),
    model: defaultDeps.newId() as ThreatModelId,
  }));
  const [input, setInput] = useState<DescriptionInput | null>(null);
  const [target, setTarget] = useState<Target>('new');
  const [matchTried, setMatchTried] = useState(false);
  const [imported, setImported] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void modelsWithOpenApiSource(getDatabase()).then((keys) => {
      setImported(new Set(keys));
    }, reportError);
  }, [reportError]);

  const analyse = (what: DescriptionInput, to: Target, title: string): void => {
    setMessage(null);
    const record = to === 'new' ? undefined : models?.find((m) => m.id === to);
    if (!record) {
      start({ input: what, apiId: ids.api, modelId: ids.model });
      return;
    }
    // The worker reads the model and its previous description itself.
    start({
      input: what,
      apiId: apiOfModel(record, title, apis) ?? ids.api,
      modelId: record.id,
      update: true,
    });
  };
  const pick = (what: DescriptionInput): void => {
    setInput(what);
    setTarget('new');
    setMatchTried(false);
    analyse(what, 'new', '');
  };

  const openWith = useEffectEvent(() => {
    if (initialFile) pick({ kind: 'file', file: initialFile });
  });
  useEffect(() => {
    openWith();
  }, []);

  // A first analysis whose title matches an existing model is redone as an update of it.
  const done = state.kind === 'done' ? state : null;
  const onAnalysed = useEffectEvent((title: string) => {
    if (matchTried || target !== 'new' || !models || !input) return;
    setMatchTried(true);
    const match = forApi
      ? matchingModel(
          apis.get(forApi)?.name ?? '',
          models.filter((m) => m.apiIds.includes(forApi)),
          apis,
          imported,
        )
      : matchingModel(title, models, apis, imported);
    if (match) {
      setTarget(match.id);
      analyse(input, match.id, title);
    }
  });
  useEffect(() => {
    if (done) onAnalysed(done.view.summary.title);
  }, [done]);

  const commit = async (): Promise<void> => {
    if (!done) return;
    setBusy(true);
    setMessage(null);
    try {
      // The worker validates and writes what it built (one transaction), off this thread.
      const r = await write({
        mode: target === 'new' ? 'create' : 'update',
        existingApi: forApi !== undefined,
      });
      if (!r.ok) {
        setMessage(r.errors.join('\n'));
        return;
      }
      notify({
        message: `${target === 'new' ? 'Created' : 'Updated'} “${done.view.modelTitle}” from ${done.fileName}.`,
        tone: 'success',
      });
      onClose();
      navigate({ area: 'threats', view: { kind: 'model', id: r.modelId, step: 'identify' } });
    } catch (e) {
      setMessage(
        `${done.fileName}: ${e instanceof Error ? e.message : String(e)} Nothing was written.`,
      );
    } finally {
      setBusy(false);
    }
  };

  const update = target !== 'new';
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="dialog--wide openapi-import">
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Import an OpenAPI description
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <Icon name="x" />
        </button>
      </div>
      {(state.kind === 'idle' || state.kind === 'failed' || state.kind === 'cancelled') && (
        <>
          {state.kind === 'failed' && (
            <p className="openapi-import__error pre-wrap break-anywhere" role="alert">
              {state.error}
              {'\n'}Nothing was written.
            </p>
          )}
          {state.kind === 'cancelled' && (
            <p role="status">Import of {state.fileName} cancelled. Nothing was written.</p>
          )}
          {message !== null && (
            <p className="openapi-import__error pre-wrap break-anywhere" role="alert">
              {message}
            </p>
          )}
          <SourcePicker onPick={pick} onRefuse={setMessage} />
        </>
      )}
      {state.kind === 'running' && (
        <ImportProgressBar fileName={state.fileName} progress={state.progress} onCancel={cancel} />
      )}
      {done && input && (
        <>
          <TargetPicker
            value={target}
            newLabel={
              forApi
                ? `A new threat model for ${apis.get(forApi)?.name ?? 'this API'}`
                : 'A new inventory entry and threat model'
            }
            models={models ?? []}
            apis={apis}
            onChange={(to) => {
              setTarget(to);
              setMatchTried(true);
              analyse(input, to, done.view.summary.title);
            }}
          />
          <ImportSummaryView summary={done.view.summary} draft={done.view.draft} />
          {update && done.view.diff && (
            <DescriptionDiffView
              diff={done.view.diff}
              previousName={done.view.previousName ?? 'the earlier import'}
              stale={done.view.summary.stale}
            />
          )}
          {update && !done.view.diff && (
            <p className="text-muted">
              {done.view.diffNote ??
                'This model was not imported from a description before, so there is nothing to compare; updating keeps every decision on it.'}
            </p>
          )}
          {message !== null && (
            <p className="openapi-import__error pre-wrap break-anywhere" role="alert">
              {message}
            </p>
          )}
          <p className="text-muted">
            {update
              ? 'Update regenerates the threat model and refreshes the inventory entry’s environments and authentication.'
              : forApi
                ? 'Create adds one threat model for this API and refreshes its environments and authentication.'
                : 'Create adds one inventory entry and one threat model; nothing is written before.'}
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
              onClick={() => void commit()}
            >
              {busy ? 'Writing…' : update ? 'Update' : 'Create'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
