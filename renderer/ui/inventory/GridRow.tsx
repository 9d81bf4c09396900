import { memo, type Ref } from 'react';
import { LABELS, type ApiId, type InventoryRow, type IsoDate } from '../../../core/inventory';
import { FlagList } from '../components/FlagList';
import { SensitivityBadge } from '../components/SensitivityBadge';
import { daysOverdue, describeDue, formatIsoDate } from '../lib/dates';
import { EXPOSURE_SHORT } from '../lib/labels';

type GridRowProps = {
  readonly ref: Ref<HTMLDivElement>;
  readonly row: InventoryRow;
  readonly index: number;
  readonly start: number;
  readonly active: boolean;
  readonly open: boolean;
  readonly today: IsoDate;
  readonly onActivate: (id: ApiId) => void;
};

/**
 * One API in the list. All text is React text (never HTML), and every cell truncates
 * with an ellipsis, so a hostile or 100 kB name cannot run or break the layout.
 */
export const GridRow = memo(function GridRow({
  ref,
  row,
  index,
  start,
  active,
  open,
  today,
  onActivate,
}: GridRowProps) {
  const { api, sensitivity, flags } = row;
  const due = api.nextReviewDue;
  const overdue = daysOverdue(due, today);
  const secondary = api.environments[0]?.baseUrl ?? api.description.split('\n', 1)[0] ?? '';
  return (
    <div
      ref={ref}
      role="row"
      data-index={index}
      data-grid-row
      aria-rowindex={index + 2}
      aria-current={open ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      className={open ? 'grid__row grid__row--body grid__row--open' : 'grid__row grid__row--body'}
      style={{ transform: `translateY(${String(start)}px)` }}
      onFocus={() => {
        onActivate(api.id);
      }}
    >
      <div role="cell" className="grid__cell grid__cell--name">
        <span className="cell__primary cell__name">{api.name}</span>
        {secondary !== '' && <span className="cell__secondary">{secondary}</span>}
      </div>
      <div role="cell" className="grid__cell grid__cell--owner">
        {api.owner.team === '' && api.owner.contact === '' ? (
          <span className="cell__primary text-muted cell__unowned">Unowned</span>
        ) : (
          <>
            <span className="cell__primary">{api.owner.team || '—'}</span>
            {api.owner.contact !== '' && (
              <span className="cell__secondary">{api.owner.contact}</span>
            )}
          </>
        )}
      </div>
      <div role="cell" className="grid__cell grid__cell--exposure">
        <span className="cell__primary">{EXPOSURE_SHORT[api.exposure]}</span>
      </div>
      <div role="cell" className="grid__cell grid__cell--lifecycle">
        <span className={`lifecycle lifecycle--${api.lifecycle}`}>
          {LABELS.lifecycle[api.lifecycle]}
        </span>
      </div>
      <div role="cell" className="grid__cell grid__cell--sensitivity">
        <SensitivityBadge sensitivity={sensitivity} />
      </div>
      <div role="cell" className="grid__cell grid__cell--review">
        {due === null ? (
          <span className="cell__primary text-muted">Not set</span>
        ) : (
          <>
            <span className="cell__primary">{formatIsoDate(due)}</span>
            {/* Retired APIs are no longer reviewed: a past date is history, not a finding. */}
            {api.lifecycle === 'retired' ? (
              <span className="cell__secondary">no longer reviewed</span>
            ) : (
              <span className={overdue > 0 ? 'cell__secondary text-warning' : 'cell__secondary'}>
                {describeDue(due, today)}
              </span>
            )}
          </>
        )}
      </div>
      <div role="cell" className="grid__cell grid__cell--flags">
        <FlagList flags={flags} overdueDays={overdue} />
      </div>
    </div>
  );
});
