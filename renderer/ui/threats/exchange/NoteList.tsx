import { useId } from 'react';
import { formatNote, type ExchangeNote } from '../../../../core/exchange';

/** Lists past this length show their first entries and say how many more there are. */
const SHOW_AT_MOST = 100;

/** A titled list of conversion notes (warnings, or what was not carried), each with its place. */
export function NoteList({
  title,
  notes,
  empty,
}: {
  readonly title: string;
  readonly notes: readonly ExchangeNote[];
  readonly empty: string;
}) {
  const id = useId();
  const shown = notes.slice(0, SHOW_AT_MOST);
  return (
    <section className="exchange-notes" aria-labelledby={id}>
      <h3 id={id} className="exchange-notes__title">
        {title} ({notes.length})
      </h3>
      {notes.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="exchange-notes__list">
          {shown.map((n, i) => (
            <li key={i} className="break-anywhere">
              {formatNote(n)}
            </li>
          ))}
          {notes.length > shown.length && (
            <li className="text-muted">and {notes.length - shown.length} more</li>
          )}
        </ul>
      )}
    </section>
  );
}
