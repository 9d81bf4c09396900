import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { MAX_OPENAPI_BYTES } from '../../../core/openapi';
import { formatBytes } from '../../platform/file-size';
import { Icon } from '../components/Icon';
import type { DescriptionInput } from './protocol';

/** The name pasted text goes by in messages and in the stored source. */
export const PASTED_NAME = 'pasted description';

/** Refuses a description over the limit before any of it is read. */
export function tooLarge(name: string, bytes: number): string | null {
  return bytes > MAX_OPENAPI_BYTES
    ? `${name} is too large (${formatBytes(bytes)}; the limit for an OpenAPI description is ${formatBytes(MAX_OPENAPI_BYTES)}).`
    : null;
}

type SourcePickerProps = {
  readonly onPick: (input: DescriptionInput) => void;
  readonly onRefuse: (message: string) => void;
};

/** Three ways in: choose a file, drop one here, or paste the text. */
export function SourcePicker({ onPick, onRefuse }: SourcePickerProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const dropZone = useRef<HTMLDivElement>(null);
  const file = (f: File | null | undefined): void => {
    if (!f) return;
    const refused = tooLarge(f.name, f.size);
    if (refused !== null) onRefuse(refused);
    else onPick({ kind: 'file', file: f });
  };
  const dropped = useEffectEvent((f: File | null | undefined) => {
    file(f);
  });
  // Dropping is a pointer-only shortcut (the button is the keyboard path), so the zone
  // listens natively rather than posing as an interactive element.
  useEffect(() => {
    const zone = dropZone.current;
    if (!zone) return;
    const over = (e: DragEvent): void => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const leave = (): void => {
      setOver(false);
    };
    const drop = (e: DragEvent): void => {
      e.preventDefault();
      setOver(false);
      dropped(e.dataTransfer?.files.item(0));
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('dragleave', leave);
      zone.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <div className="openapi-source">
      <div ref={dropZone} className={over ? 'openapi-drop openapi-drop--over' : 'openapi-drop'}>
        <Icon name="upload" />
        <p>Drop an OpenAPI 2.0, 3.0 or 3.1 file here (JSON or YAML), or</p>
        <button
          type="button"
          className="button button--primary"
          data-initial-focus
          onClick={() => fileInput.current?.click()}
        >
          Choose a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="OpenAPI description file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          onChange={(e) => {
            file(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <p className="text-muted">
          Up to {formatBytes(MAX_OPENAPI_BYTES)}. External references are listed, never fetched.
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={pasteId}>
          Or paste the description
        </label>
        <textarea
          id={pasteId}
          className="field__control field__control--mono openapi-source__paste"
          rows={6}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={text.trim() === ''}
          onClick={() => {
            const refused = tooLarge(PASTED_NAME, text.length);
            if (refused !== null) onRefuse(refused);
            else onPick({ kind: 'text', text, fileName: PASTED_NAME });
          }}
        >
          Analyse pasted text
        </button>
      </div>
    </div>
  );
}
