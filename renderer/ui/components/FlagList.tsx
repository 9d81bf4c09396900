import type { Flag } from '../../../core/inventory';
import { FlagChip } from './FlagChip';

type FlagListProps = {
  readonly flags: readonly Flag[];
  readonly overdueDays: number;
  readonly emptyText?: string;
};

/** The findings of an API, most serious first; `emptyText` when there are none. */
export function FlagList({ flags, overdueDays, emptyText }: FlagListProps) {
  if (flags.length === 0)
    return emptyText === undefined ? null : <span className="text-muted">{emptyText}</span>;
  return (
    <ul className="flag-list">
      {flags.map((f) => (
        <li key={f}>
          <FlagChip flag={f} overdueDays={overdueDays} />
        </li>
      ))}
    </ul>
  );
}
