import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { Incident, TimelineEntry } from '../../../../core/incidents';
import { useTimelineHead } from '../../../storage/hooks-incidents';
import type { MakeChange } from '../use-room';
import { ChainBadge } from './ChainBadge';
import { NoteComposer } from './NoteComposer';
import { TimelineRow } from './TimelineRow';
import { useChainStatus } from './use-chain-status';
import { useTimelineWindow } from './use-timeline-window';

const ROW_ESTIMATE = 72;

/** The append-only timeline, newest first, virtualized; a note field; the chain verdict. */
export function TimelinePanel({
  incident,
  commit,
}: {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const id = incident.id;
  const head = useTimelineHead(id);
  const count = head ? head.seq + 1 : 0;
  const status = useChainStatus(id, head);
  const { entryAt, need } = useTimelineWindow(id, count);
  const [correcting, setCorrecting] = useState<TimelineEntry | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    need(first, last + 1);
  }, [need, first, last]);
  return (
    <div className="room-timeline">
      <div className="room-timeline__bar">
        <h3 className="room-section__title">
          Timeline <span className="text-muted">({count.toLocaleString('en')} entries)</span>
        </h3>
        <ChainBadge status={status} />
      </div>
      <NoteComposer
        incident={incident}
        commit={commit}
        correcting={correcting}
        onDoneCorrecting={() => {
          setCorrecting(null);
        }}
      />
      <div
        ref={scroller}
        className="room-timeline__scroller"
        role="feed"
        aria-label="Timeline, newest first"
        aria-busy={head === undefined}
      >
        <div
          className="room-timeline__inner"
          style={{ height: `${String(virtualizer.getTotalSize())}px` }}
        >
          {items.map((item) => {
            const e = entryAt(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="room-timeline__row"
                style={{ transform: `translateY(${String(item.start)}px)` }}
              >
                {e ? (
                  <TimelineRow
                    entry={e}
                    timeZone={incident.timeZone}
                    posinset={item.index + 1}
                    setsize={count}
                    onCorrect={() => {
                      setCorrecting(e);
                    }}
                  />
                ) : (
                  <div className="timeline-row timeline-row--loading" aria-hidden="true">
                    Loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
