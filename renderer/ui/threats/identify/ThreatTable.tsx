import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { STRIDE_NAMES, type ThreatInstanceId, type ThreatRow } from '../../../../core/threats';
import { useRootFontSize } from '../../lib/use-root-font-size';
import { SEVERITY_LABELS, THREAT_STATUS_LABELS } from '../labels';

type ThreatTableProps = {
  readonly rows: readonly ThreatRow[];
  readonly selectedId: ThreatInstanceId | null;
  readonly onSelect: (id: ThreatInstanceId) => void;
};

const ROW_REM = 2.75;
/** Column headers; STRIDE and OWASP share one column, one above the other. */
const COLUMNS = [
  ['Severity'],
  ['STRIDE', 'OWASP'],
  ['Threat'],
  ['Element'],
  ['Status'],
] as const satisfies readonly (readonly string[])[];

/**
 * The threats, virtualized so thousands stay instant. An ARIA table read row by row; the
 * threat title in each row is a button that selects the threat for the step's editor.
 * A per-operation threat shows its operation on a line of its own under the title: an
 * imported API has hundreds of threats of one title (GitHub's: 1,000 "Object identifier
 * in the request"), told apart only by their operation. Element names wrap to two lines,
 * as the processes of a large API are named "<API title>: <tag>" and differ at the end.
 * The STRIDE letter and the OWASP category share a column, so that on a 1280-pixel screen
 * beside the threat editor the title and element keep a third more room.
 */
export function ThreatTable({ rows, selectedId, onSelect }: ThreatTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowPx = useRootFontSize() * ROW_REM;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: 10,
    useFlushSync: false,
  });
  return (
    <div role="table" aria-label="Threats" aria-rowcount={rows.length + 1} className="threat-table">
      <div role="rowgroup" className="threat-table__head">
        <div role="row" aria-rowindex={1} className="threat-table__row">
          {COLUMNS.map(([first, second]) => (
            <span key={first} role="columnheader" className="threat-table__cell">
              {first}
              {second !== undefined && (
                <span className="threat-table__second">
                  <span className="visually-hidden">, </span>
                  {second}
                </span>
              )}
            </span>
          ))}
        </div>
      </div>
      {/* No tab stop of its own: Tab walks the rows' buttons, each scrolled into view. */}
      <div ref={scrollRef} className="threat-table__scroll">
        <div
          role="rowgroup"
          style={{ height: `${String(virtualizer.getTotalSize())}px` }}
          className="threat-table__body"
        >
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index];
            if (!r) return null;
            const selected = r.id === selectedId;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={[
                  'threat-table__row',
                  selected ? 'threat-table__row--selected' : '',
                  r.stale ? 'threat-table__row--stale' : '',
                ].join(' ')}
                style={{
                  transform: `translateY(${String(item.start)}px)`,
                  height: `${String(rowPx)}px`,
                }}
              >
                <span role="cell" className="threat-table__cell">
                  <span className={`severity severity--${r.severity}`}>
                    {SEVERITY_LABELS[r.severity]}
                  </span>
                </span>
                <span role="cell" className="threat-table__cell">
                  <abbr title={STRIDE_NAMES[r.stride]}>{r.stride}</abbr>
                  <span className="threat-table__second">
                    <span className="visually-hidden">, </span>
                    {r.owasp ?? '–'}
                  </span>
                </span>
                <span role="cell" className="threat-table__cell threat-table__cell--title">
                  <button
                    type="button"
                    className="threat-table__select"
                    aria-current={selected ? 'true' : undefined}
                    title={r.operation === null ? r.title : `${r.title} · ${r.operation}`}
                    onClick={() => {
                      onSelect(r.id);
                    }}
                  >
                    <span className="threat-table__line">{r.title}</span>
                    {r.operation !== null && <OperationLine operation={r.operation} />}
                  </button>
                </span>
                <span role="cell" className="threat-table__cell" title={r.elementName}>
                  <span className="threat-table__element">{r.elementName}</span>
                </span>
                <span role="cell" className="threat-table__cell">
                  {r.stale ? (
                    <span className="badge badge--stale" title={r.staleReason ?? undefined}>
                      Stale
                    </span>
                  ) : (
                    THREAT_STATUS_LABELS[r.status]
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}" as its method and,
 * when the path does not fit, the path's end: the paths of one API share their beginnings
 * and differ at the end, so an ellipsis at the end would show the same text on every row.
 */
function OperationLine({ operation }: { readonly operation: string }) {
  const space = operation.indexOf(' ');
  const method = space < 0 ? '' : operation.slice(0, space);
  const path = space < 0 ? operation : operation.slice(space + 1);
  return (
    <span className="threat-table__operation">
      <span className="visually-hidden"> · </span>
      {method !== '' && <span className="threat-table__method">{method} </span>}
      <span className="threat-table__path">
        <bdi dir="ltr">{path}</bdi>
      </span>
    </span>
  );
}
