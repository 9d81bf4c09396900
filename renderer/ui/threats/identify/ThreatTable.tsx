import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { STRIDE_NAMES, type ThreatInstanceId, type ThreatRow } from '../../../../core/threats';
import { useRootFontSize } from '../../lib/use-root-font-size';
import { usePreferences } from '../../state/preferences-context';
import { SEVERITY_LABELS, THREAT_STATUS_LABELS } from '../labels';

type ThreatTableProps = {
  readonly rows: readonly ThreatRow[];
  readonly selectedId: ThreatInstanceId | null;
  readonly onSelect: (id: ThreatInstanceId) => void;
};

const ROW_REM = 2.75;
const COLUMNS = ['Severity', 'STRIDE', 'Threat', 'Element', 'OWASP', 'Status'] as const;

/**
 * The threats, virtualized so thousands stay instant. An ARIA table read row by row; the
 * threat title in each row is a button that selects the threat for the step's editor.
 */
export function ThreatTable({ rows, selectedId, onSelect }: ThreatTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { presentation } = usePreferences();
  const rowPx = useRootFontSize(presentation) * ROW_REM;
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
          {COLUMNS.map((c) => (
            <span key={c} role="columnheader" className="threat-table__cell">
              {c}
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
                <span role="cell" className="threat-table__cell" title={STRIDE_NAMES[r.stride]}>
                  <abbr title={STRIDE_NAMES[r.stride]}>{r.stride}</abbr>
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
                    {r.title}
                    {r.operation !== null && (
                      <span className="threat-table__operation"> · {r.operation}</span>
                    )}
                  </button>
                </span>
                <span role="cell" className="threat-table__cell threat-table__cell--clip">
                  {r.elementName}
                </span>
                <span role="cell" className="threat-table__cell">
                  {r.owasp ?? '–'}
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
