import { FLAG_LABELS, type Flag } from '../../../core/inventory';
import { FLAG_TONE } from '../lib/labels';
import { Icon } from './Icon';

type FlagChipProps = {
  readonly flag: Flag;
  /** Days a review is overdue, shown on the review flag. */
  readonly overdueDays?: number;
};

const ICONS = {
  'sensitive-without-auth': 'alertOctagon',
  'public-unowned': 'userX',
  'review-overdue': 'clock',
} as const;

/** One finding: icon, words and, for an overdue review, by how many days. */
export function FlagChip({ flag, overdueDays }: FlagChipProps) {
  const days =
    flag === 'review-overdue' && overdueDays !== undefined && overdueDays > 0 ? overdueDays : null;
  return (
    <span className={`flag flag--${FLAG_TONE[flag]}`}>
      <Icon name={ICONS[flag]} className="flag__icon" />
      <span className="flag__text">
        {FLAG_LABELS[flag]}
        {days !== null && (
          <span className="flag__detail">
            {' '}
            · {days.toLocaleString('en')} {days === 1 ? 'day' : 'days'}
          </span>
        )}
      </span>
    </span>
  );
}
