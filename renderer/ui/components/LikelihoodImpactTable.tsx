import type { ReactNode } from 'react';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '../../../core/threats';

const LEVELS: readonly Level[] = [1, 2, 3, 4];

/**
 * The 4×4 likelihood-by-impact table both risk matrices draw (the workshop's Rate step and
 * the posture report): impact rows, highest first, by likelihood columns, each header
 * with its number and label. `cell` draws the `<td>` of one likelihood and impact.
 */
export function LikelihoodImpactTable({
  className,
  caption,
  cell,
}: {
  readonly className: string;
  readonly caption: ReactNode;
  readonly cell: (likelihood: Level, impact: Level) => ReactNode;
}) {
  return (
    <table className={className}>
      {caption}
      <thead>
        <tr>
          <th scope="col">Impact ↓ / Likelihood →</th>
          {LEVELS.map((l) => (
            <th key={l} scope="col">
              {l} {LIKELIHOOD_LABELS[l]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...LEVELS].reverse().map((impact) => (
          <tr key={impact}>
            <th scope="row">
              {impact} {IMPACT_LABELS[impact]}
            </th>
            {LEVELS.map((likelihood) => cell(likelihood, impact))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
