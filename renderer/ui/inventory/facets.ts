import {
  DATA_CLASSES,
  EXPOSURES,
  FLAG_LABELS,
  FLAGS,
  KNOWN_REGIMES,
  LABELS,
  LIFECYCLES,
  SENSITIVITIES,
  type InventoryRow,
} from '../../../core/inventory';
import { SENSITIVITY_LABELS } from '../lib/labels';
import type { FacetKey } from '../state/inventory-query-context';

export type FacetOption = { readonly value: string; readonly label: string };

/** One filter of the toolbar; `options` may depend on the data (free-text regimes). */
export type FacetSpec = {
  readonly key: FacetKey;
  readonly label: string;
  readonly options: (rows: readonly InventoryRow[]) => FacetOption[];
  /** How many rows carry a value, for the counts beside each option. */
  readonly valuesOf: (row: InventoryRow) => readonly string[];
};

const fixed =
  <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  (): FacetOption[] =>
    values.map((value) => ({ value, label: labels[value] }));

/** The toolbar's filters, in order: the findings first, as they are what people look for. */
export const FACETS: readonly FacetSpec[] = [
  { key: 'flag', label: 'Flags', options: fixed(FLAGS, FLAG_LABELS), valuesOf: (r) => r.flags },
  {
    key: 'sensitivity',
    label: 'Sensitivity',
    options: fixed(SENSITIVITIES, SENSITIVITY_LABELS),
    valuesOf: (r) => [r.sensitivity],
  },
  {
    key: 'exposure',
    label: 'Exposure',
    options: fixed(EXPOSURES, LABELS.exposure),
    valuesOf: (r) => [r.api.exposure],
  },
  {
    key: 'lifecycle',
    label: 'Lifecycle',
    options: fixed(LIFECYCLES, LABELS.lifecycle),
    valuesOf: (r) => [r.api.lifecycle],
  },
  {
    key: 'dataClass',
    label: 'Data class',
    options: fixed(DATA_CLASSES, LABELS.dataClass),
    valuesOf: (r) => r.api.dataClasses,
  },
  {
    key: 'regime',
    label: 'Regime',
    // The well-known regimes, then any other name in use, alphabetically.
    options: (rows) => {
      const known = new Set<string>(KNOWN_REGIMES);
      const others = new Set<string>();
      for (const r of rows)
        for (const name of r.api.regulatoryScope) if (!known.has(name)) others.add(name);
      return [...KNOWN_REGIMES, ...[...others].sort((a, b) => a.localeCompare(b, 'en'))].map(
        (value) => ({ value, label: value }),
      );
    },
    valuesOf: (r) => r.api.regulatoryScope,
  },
];

/** How many rows carry each value of a facet. */
export function countValues(rows: readonly InventoryRow[], spec: FacetSpec): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const v of spec.valuesOf(row)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
