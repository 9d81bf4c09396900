import { useEffect, useRef } from 'react';
import { formatValue, type Figure, type RecordRef } from '../../../core/posture';
import { Icon } from '../components/Icon';
import { formatRoute } from '../lib/route';
import { useEventWithin } from '../lib/use-key-within';
import { useRouter } from '../state/router-context';
import { KIND_NAMES, routeOfRecord } from './record-links';

// Long lists stay quick to render and to read: the rest is counted, not drawn.
const SHOWN = 200;

/**
 * The records behind one figure, grouped by kind, each a link to the screen that shows
 * it. Focus moves to the heading when it opens and back to the figure when it closes.
 */
export function DrillPanel({
  figure,
  onClose,
}: {
  readonly figure: Figure;
  readonly onClose: () => void;
}) {
  const { navigate } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  useEventWithin(panel, 'keydown', (e) => {
    if (e.key === 'Escape') onClose();
  });
  useEffect(() => {
    heading.current?.focus();
  }, [figure.id]);
  const groups = new Map<string, RecordRef[]>();
  for (const r of figure.drill) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return (
    <aside className="posture-drill" ref={panel} aria-labelledby="posture-drill-title">
      <div className="posture-drill__head">
        <h2 id="posture-drill-title" ref={heading} tabIndex={-1} className="posture-drill__title">
          {figure.label}: {formatValue(figure.value, figure.unit)}
        </h2>
        <button
          type="button"
          className="button button--ghost"
          aria-label="Close the records"
          onClick={onClose}
        >
          <Icon name="x" />
        </button>
      </div>
      <p className="posture-drill__definition">{figure.definition}</p>
      {figure.value === null ? (
        <p>No data: nothing was recorded that this figure could measure.</p>
      ) : figure.drill.length === 0 ? (
        <p>No records behind this figure.</p>
      ) : (
        [...groups].map(([kind, refs]) => {
          const names = KIND_NAMES[kind as RecordRef['kind']];
          return (
            <section key={kind} className="posture-drill__group" aria-label={names[1]}>
              <h3 className="posture-drill__kind">
                {names[refs.length === 1 ? 0 : 1]} ({refs.length})
              </h3>
              <ul className="posture-drill__list">
                {refs.slice(0, SHOWN).map((r) => {
                  const to = routeOfRecord(r);
                  return (
                    <li key={`${r.parent ?? ''}/${r.id}`}>
                      {to === null ? (
                        r.label
                      ) : (
                        <a
                          href={formatRoute(to)}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(to);
                          }}
                        >
                          {r.label}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
              {refs.length > SHOWN && <p className="text-muted">and {refs.length - SHOWN} more.</p>}
            </section>
          );
        })
      )}
    </aside>
  );
}
