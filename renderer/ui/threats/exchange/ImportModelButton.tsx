import { useState } from 'react';
import { MAX_EXCHANGE_BYTES } from '../../../../core/exchange';
import { MAX_MODEL_FILE_BYTES } from '../../../../core/threats';
import { getPlatform } from '../../../platform';
import { Icon } from '../../components/Icon';
import { ImportPreview } from './ImportPreview';
import { readImportFile, type ImportCandidate } from './read-import';

type Preview = {
  readonly candidate: Exclude<ImportCandidate, { kind: 'error' }>;
  readonly fileName: string;
};

/**
 * Import a threat model: a `.bulwark.json` file, or a Threat Dragon, OTM or Threat
 * Modeling Tool model. Core parses, converts and validates it first; a bad file shows its
 * precise error (file and place) and nothing is written; a good one is previewed.
 */
export function ImportModelButton() {
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const choose = async (): Promise<void> => {
    setError(null);
    try {
      const file = await getPlatform().openFile({
        title: 'Import a threat model',
        filters: [
          {
            name: 'Threat models (Bulwark, Threat Dragon, OTM, Threat Modeling Tool)',
            extensions: ['json', 'yaml', 'yml', 'tm7'],
          },
        ],
        maxBytes: Math.max(MAX_MODEL_FILE_BYTES, MAX_EXCHANGE_BYTES),
      });
      if (file === null) return;
      setReading(true);
      // Let the "Reading…" state paint before a large file is converted.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const candidate = readImportFile(file.fileName, file.content, `tm-${crypto.randomUUID()}`);
      if (candidate.kind === 'error') setError(candidate.message);
      else setPreview({ candidate, fileName: file.fileName });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={reading}
        onClick={() => void choose()}
      >
        <Icon name="upload" />
        {reading ? 'Reading…' : 'Import model'}
      </button>
      {error !== null && (
        <p className="threats__import-error break-anywhere" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <ImportPreview
          model={preview.candidate.model}
          fileName={preview.fileName}
          {...(preview.candidate.kind === 'exchange'
            ? {
                conversion: {
                  formatName: preview.candidate.formatName,
                  warnings: preview.candidate.warnings,
                  notCarried: preview.candidate.notCarried,
                },
              }
            : {})}
          onClose={() => {
            setPreview(null);
          }}
        />
      )}
    </>
  );
}
