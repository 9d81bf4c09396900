import { useEffect, useState } from 'react';
import { Icon } from '../components/Icon';
import { ImportOpenApiDialog } from './ImportOpenApiDialog';

/**
 * Opens the OpenAPI import. While it is on screen, a file dropped anywhere on the window
 * (outside a dialog) opens the import with that file.
 */
export function ImportOpenApiButton() {
  const [open, setOpen] = useState<{ file?: File } | null>(null);
  useEffect(() => {
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent): void => {
      if (!carriesFiles(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const file = e.dataTransfer?.files.item(0);
      if (file) setOpen({ file });
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setOpen({});
        }}
      >
        <Icon name="upload" />
        Import OpenAPI
      </button>
      {open && (
        <ImportOpenApiDialog
          initialFile={open.file}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
