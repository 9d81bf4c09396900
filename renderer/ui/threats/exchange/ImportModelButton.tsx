import { useState } from 'react';
import { MAX_MODEL_FILE_BYTES, parseModelFile, type ThreatModel } from '../../../../core/threats';
import { getPlatform } from '../../../platform';
import { Icon } from '../../components/Icon';
import { ImportPreview } from './ImportPreview';

/**
 * Import a `.bulwark.json` model: parsed and validated by core first; a bad file shows
 * its precise error (file and place) and nothing is written; a good one is previewed.
 */
export function ImportModelButton() {
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ model: ThreatModel; fileName: string } | null>(null);
  const choose = async (): Promise<void> => {
    setError(null);
    try {
      const file = await getPlatform().openFile({
        title: 'Import a threat model',
        filters: [{ name: 'Bulwark model', extensions: ['json'] }],
        maxBytes: MAX_MODEL_FILE_BYTES,
      });
      if (file === null) return;
      const r = parseModelFile(file.content, file.fileName);
      if (!r.ok) setError(r.error);
      else setPreview({ model: r.model, fileName: file.fileName });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void choose()}>
        <Icon name="upload" />
        Import model
      </button>
      {error !== null && (
        <p className="threats__import-error break-anywhere" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <ImportPreview
          model={preview.model}
          fileName={preview.fileName}
          onClose={() => {
            setPreview(null);
          }}
        />
      )}
    </>
  );
}
