import type { DescriptionDiff } from '../../../core/openapi';

/** At most this many lines per list; the rest are counted. */
const MAX_LINES = 50;

function Lines({ title, items }: { readonly title: string; readonly items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="openapi-diff__group">
      <h4 className="openapi-summary__subtitle">
        {title} ({items.length})
      </h4>
      <ul className="openapi-summary__list">
        {items.slice(0, MAX_LINES).map((line) => (
          <li key={line} className="break-anywhere">
            <code>{line}</code>
          </li>
        ))}
      </ul>
      {items.length > MAX_LINES && (
        <p className="text-muted">and {items.length - MAX_LINES} more.</p>
      )}
    </div>
  );
}

/** What changed since the earlier import: operations added, removed, changed; security. */
export function DescriptionDiffView({
  diff,
  previousName,
  stale,
}: {
  readonly diff: DescriptionDiff;
  readonly previousName: string;
  readonly stale: number;
}) {
  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length + diff.security.length === 0;
  return (
    <section className="openapi-diff" aria-labelledby="openapi-diff-title">
      <h3 id="openapi-diff-title" className="openapi-summary__title">
        Changes since {previousName}
      </h3>
      {nothing ? (
        <p>No operation or security change.</p>
      ) : (
        <>
          <Lines title="Operations added" items={diff.added} />
          <Lines title="Operations removed" items={diff.removed} />
          <Lines
            title="Operations changed"
            items={diff.changed.map((c) => `${c.operation}: ${c.changes.join(', ')}`)}
          />
          <Lines title="Security changes" items={diff.security} />
        </>
      )}
      <p className="text-muted">
        Updating keeps every decision (statuses, ratings, mitigations, notes, dismissals)
        {stale > 0 ? `; ${String(stale)} threats no longer found are kept and marked stale.` : '.'}
      </p>
    </section>
  );
}
