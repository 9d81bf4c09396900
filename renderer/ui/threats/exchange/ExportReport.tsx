import { useId } from 'react';
import { Dialog } from '../../components/Dialog';
import { NoteList } from './NoteList';
import type { ExchangeExport } from './reports';

/** Shown after an export to another tool: the file written and what that tool cannot hold. */
export function ExportReport({
  report,
  tool,
  onClose,
}: {
  readonly report: ExchangeExport;
  readonly tool: string;
  readonly onClose: () => void;
}) {
  const titleId = useId();
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="dialog--wide" closeOnBackdrop>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Exported {report.fileName}
        </h2>
      </div>
      <p className="dialog__text">
        The model was written for {tool}. Everything below stays in Bulwark only.
      </p>
      <div className="exchange-notes__group">
        {report.warnings.length > 0 && (
          <NoteList title="Warnings" notes={report.warnings} empty="" />
        )}
        <NoteList
          title={`Not carried to ${tool}`}
          notes={report.notCarried}
          empty="Nothing: the whole model was carried."
        />
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          data-initial-focus
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
