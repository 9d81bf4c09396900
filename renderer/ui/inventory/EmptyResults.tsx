import { Icon } from '../components/Icon';

/** The list when the filters leave nothing: say so, and offer the way back. */
export function EmptyResults({ onClear }: { readonly onClear: () => void }) {
  return (
    <div className="empty-results">
      <Icon name="filter" className="empty-results__icon" />
      <p className="empty-results__title">No APIs match these filters</p>
      <p className="text-muted">Try fewer words or filters.</p>
      <button type="button" className="button button--secondary" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
