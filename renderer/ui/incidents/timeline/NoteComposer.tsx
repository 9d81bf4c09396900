import { useEffect, useRef } from 'react';
import type { Incident, TimelineEntry } from '../../../../core/incidents';
import { addCorrection, addNote } from '../changes';
import { redactNote } from '../redaction';
import { useDraft } from '../use-draft';
import type { MakeChange } from '../use-room';
import { NOTE_FIELD_ID } from '../use-room-shortcuts';

const asText = (raw: unknown): string | null => (typeof raw === 'string' ? raw : null);

/**
 * The note field (Alt+N): what is typed is kept as a draft until it is added, so a reload
 * brings it back. Secrets in a note are masked before it is stored (core redaction), and
 * the entry says which kinds were masked. A correction is a new entry that names the
 * corrected one; nothing in the timeline is ever edited.
 */
export function NoteComposer({
  incident,
  commit,
  correcting,
  onDoneCorrecting,
}: {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
  readonly correcting: TimelineEntry | null;
  readonly onDoneCorrecting: () => void;
}) {
  const note = useDraft(`note:${incident.id}`, '', asText);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (correcting) field.current?.focus();
  }, [correcting]);
  const submit = (): void => {
    const text = note.value.trim();
    if (text === '') return;
    const redacted = redactNote(text);
    void commit((ctx) =>
      correcting ? addCorrection(ctx, correcting.seq, redacted) : addNote(ctx, redacted),
    ).then((done) => {
      if (done === null) return;
      // Typed on while the note was being written: keep what is there now (gone: clear).
      const shown = field.current?.value;
      if (shown === undefined || shown.trim() === text) note.clear();
      onDoneCorrecting();
      field.current?.focus();
    });
  };
  return (
    <form
      className="note-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="note-composer__label" htmlFor={NOTE_FIELD_ID}>
        {correcting
          ? `Correction of entry #${String(correcting.seq)} (“${correcting.text.slice(0, 60)}”)`
          : 'Add a note'}{' '}
        <span className="text-muted">(Ctrl+Enter adds it; secrets are masked)</span>
      </label>
      <textarea
        id={NOTE_FIELD_ID}
        ref={field}
        className="field__control note-composer__text"
        rows={2}
        value={note.value}
        readOnly={note.state === 'loading'}
        onChange={(e) => {
          note.set(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
          if (e.key === 'Escape' && correcting) {
            e.stopPropagation();
            onDoneCorrecting();
          }
        }}
      />
      <div className="note-composer__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={note.value.trim() === ''}
        >
          {correcting ? 'Add correction' : 'Add note'}
        </button>
        {correcting && (
          <button type="button" className="button button--secondary" onClick={onDoneCorrecting}>
            Cancel correction
          </button>
        )}
        <span className="note-composer__state text-muted" role="status">
          {note.state === 'pending' ? 'Saving draft…' : note.state === 'saved' ? 'Draft saved' : ''}
        </span>
      </div>
    </form>
  );
}
