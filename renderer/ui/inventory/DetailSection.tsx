import type { ReactNode } from 'react';

type DetailSectionProps = {
  readonly title: string;
  readonly items: readonly [string, ReactNode][];
};

/** A titled group of facts in the detail view. */
export function DetailSection({ title, items }: DetailSectionProps) {
  return (
    <section className="detail-section">
      <h3 className="detail-section__title">{title}</h3>
      <dl className="facts">
        {items.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd className="break-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
