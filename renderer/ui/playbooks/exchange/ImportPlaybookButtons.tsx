import { useState } from 'react';
import { getPlatform } from '../../../platform';
import { Icon } from '../../components/Icon';
import { ImportErrors } from './ImportErrors';
import { ImportPlaybookPreview } from './ImportPlaybookPreview';
import { MAX_IMPORT_BYTES, readImport, type ImportKind, type ImportOutcome } from './import-file';

const FILTERS = {
  cacao: [{ name: 'CACAO playbook', extensions: ['json'] }],
  yaml: [{ name: 'Playbook', extensions: ['yaml', 'yml', 'json'] }],
} as const;

/**
 * Import a CACAO 2.0 JSON playbook or a YAML playbook file. Core reads it first: errors
 * are shown naming the file and place and nothing is written; otherwise a preview asks.
 */
export function ImportPlaybookButtons() {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choose = async (kind: ImportKind): Promise<void> => {
    setOutcome(null);
    setFailure(null);
    try {
      const file = await getPlatform().openFile({
        title: kind === 'cacao' ? 'Import a CACAO playbook' : 'Import a playbook file',
        filters: FILTERS[kind],
        maxBytes: MAX_IMPORT_BYTES,
      });
      if (file === null) return;
      setOutcome(readImport(kind, file.content, file.fileName));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void choose('cacao')}
      >
        <Icon name="upload" />
        Import CACAO
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void choose('yaml')}
      >
        <Icon name="upload" />
        Import YAML
      </button>
      {failure !== null && (
        <p className="playbooks__import-error break-anywhere" role="alert">
          {failure}
        </p>
      )}
      {outcome && !outcome.ok && (
        <ImportErrors
          title={`${outcome.fileName} was not imported`}
          errors={outcome.errors}
          onDismiss={() => {
            setOutcome(null);
          }}
        />
      )}
      {outcome?.ok && (
        <ImportPlaybookPreview
          outcome={outcome}
          onClose={() => {
            setOutcome(null);
          }}
        />
      )}
    </>
  );
}
