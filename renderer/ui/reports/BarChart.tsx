import type { Figure } from '../../../core/posture';
import { NO_DATA } from '../../../core/posture';

type Item = {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly fill?: string | undefined;
};

/**
 * Horizontal bars with the number at the end of each (never colour alone), drawn in rem so
 * presentation mode scales them. The figure table beside it carries the same numbers and
 * the drill-down buttons, so the chart itself is a picture with a text alternative.
 */
export function BarChart({
  title,
  items,
}: {
  readonly title: string;
  readonly items: readonly Item[];
}) {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const summary = items.map((i) => `${i.label}: ${i.value ?? NO_DATA}`).join(', ');
  return (
    <figure className="posture-bars" role="img" aria-label={`${title}. ${summary}`}>
      <figcaption className="posture-chart__title">{title}</figcaption>
      {items.map((i) => (
        <div key={i.key} className="posture-bars__row">
          <span className="posture-bars__label">{i.label}</span>
          <span className="posture-bars__track">
            <span
              className="posture-bars__bar"
              style={{
                width: `${i.value === null ? 0 : Math.max(i.value > 0 ? 1.5 : 0, (i.value / max) * 100)}%`,
                ...(i.fill === undefined ? {} : { background: i.fill }),
              }}
            />
            <span className="posture-bars__value">{i.value ?? NO_DATA}</span>
          </span>
        </div>
      ))}
    </figure>
  );
}

/** The bar items of figures, with short category labels. */
export function barItems(
  figures: readonly Figure[],
  label: (f: Figure) => string,
  fill?: (f: Figure) => string | undefined,
): Item[] {
  return figures.map((f) => ({ key: f.id, label: label(f), value: f.value, fill: fill?.(f) }));
}
