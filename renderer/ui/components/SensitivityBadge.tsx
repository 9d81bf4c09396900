import type { Sensitivity } from '../../../core/inventory';
import { SENSITIVITY_LABELS } from '../lib/labels';

/** The derived sensitivity as a badge; the word carries the meaning, the colour helps. */
export function SensitivityBadge({ sensitivity }: { readonly sensitivity: Sensitivity }) {
  return <span className={`badge badge--${sensitivity}`}>{SENSITIVITY_LABELS[sensitivity]}</span>;
}
