import type { IsoDate } from '../shared/brand';
import { flagsOf, sensitivityOf, SENSITIVITIES, type Flag, type Sensitivity } from './derive';
import type { ApiEntry, DataClass, Exposure, Lifecycle } from './types';

export type InventoryFilter = {
  readonly text: string;
  readonly lifecycle: readonly Lifecycle[];
  readonly exposure: readonly Exposure[];
  readonly dataClass: readonly DataClass[];
  readonly sensitivity: readonly Sensitivity[];
  readonly flag: readonly Flag[];
  readonly regime: readonly string[];
};

export const SORT_KEYS = [
  'name',
  'owner',
  'sensitivity',
  'exposure',
  'lifecycle',
  'nextReviewDue',
  'updatedAt',
  'flags',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { readonly key: SortKey; readonly direction: 'asc' | 'desc' };

export const EMPTY_FILTER: InventoryFilter = {
  text: '',
  lifecycle: [],
  exposure: [],
  dataClass: [],
  sensitivity: [],
  flag: [],
  regime: [],
};

/** An entry with what the list shows beside it, computed once per render. */
export type InventoryRow = {
  readonly api: ApiEntry;
  readonly sensitivity: Sensitivity;
  readonly flags: readonly Flag[];
  /** Lower-cased searchable text, built once so each keystroke only scans strings. */
  readonly haystack: string;
};

/** Derives sensitivity and flags for every entry. */
export function toRows(apis: readonly ApiEntry[], today: IsoDate): InventoryRow[] {
  return apis.map((api) => ({
    api,
    sensitivity: sensitivityOf(api.dataClasses),
    flags: flagsOf(api, today),
    haystack: haystack(api),
  }));
}

function haystack(api: ApiEntry): string {
  return [
    api.name,
    api.description,
    api.owner.team,
    api.owner.contact,
    api.gateway,
    ...api.regulatoryScope,
    ...api.environments.flatMap((e) => [e.name, e.baseUrl]),
  ]
    .join('\n')
    .toLowerCase();
}

const anyOf = <T>(wanted: readonly T[], test: (value: T) => boolean): boolean =>
  wanted.length === 0 || wanted.some(test);

/**
 * Keeps the rows that match every facet; within a facet any value matches. The text
 * matches when every word occurs somewhere in the entry, case-insensitively.
 */
export function filterRows(rows: readonly InventoryRow[], filter: InventoryFilter): InventoryRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(({ api, sensitivity, flags, haystack }) => {
    if (!anyOf(filter.lifecycle, (l) => api.lifecycle === l)) return false;
    if (!anyOf(filter.exposure, (e) => api.exposure === e)) return false;
    if (!anyOf(filter.dataClass, (c) => api.dataClasses.includes(c))) return false;
    if (!anyOf(filter.sensitivity, (s) => sensitivity === s)) return false;
    if (!anyOf(filter.flag, (f) => flags.includes(f))) return false;
    if (
      !anyOf(filter.regime, (r) =>
        api.regulatoryScope.some((x) => x.toLowerCase() === r.toLowerCase()),
      )
    )
      return false;
    if (words.length === 0) return true;
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ORDER = {
  sensitivity: SENSITIVITIES,
  exposure: ['public', 'partner', 'third-party', 'internal'],
  lifecycle: ['active', 'planned', 'deprecated', 'retired'],
} as const;

function compareBy(key: SortKey): (a: InventoryRow, b: InventoryRow) => number {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(a.api.name, b.api.name);
    case 'owner':
      return (a, b) => collator.compare(a.api.owner.team, b.api.owner.team);
    case 'sensitivity':
      return (a, b) =>
        ORDER.sensitivity.indexOf(a.sensitivity) - ORDER.sensitivity.indexOf(b.sensitivity);
    case 'exposure':
      return (a, b) =>
        (ORDER.exposure as readonly string[]).indexOf(a.api.exposure) -
        (ORDER.exposure as readonly string[]).indexOf(b.api.exposure);
    case 'lifecycle':
      return (a, b) =>
        (ORDER.lifecycle as readonly string[]).indexOf(a.api.lifecycle) -
        (ORDER.lifecycle as readonly string[]).indexOf(b.api.lifecycle);
    case 'nextReviewDue':
      // Entries without a date sort last in ascending order: they need a date set.
      return (a, b) => (a.api.nextReviewDue ?? '9999').localeCompare(b.api.nextReviewDue ?? '9999');
    case 'updatedAt':
      return (a, b) => a.api.updatedAt.localeCompare(b.api.updatedAt);
    case 'flags':
      return (a, b) => b.flags.length - a.flags.length;
  }
}

/** Sorts rows by one key, then by name, so the order is stable and predictable. */
export function sortRows(rows: readonly InventoryRow[], sort: Sort): InventoryRow[] {
  const primary = compareBy(sort.key);
  const byName = compareBy('name');
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * primary(a, b) || byName(a, b) || a.api.id.localeCompare(b.api.id),
  );
}
