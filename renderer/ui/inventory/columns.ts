import type { SortKey } from '../../../core/inventory';

/** The list's columns: header text and the sort key its header button sets. */
export type Column = { readonly id: string; readonly label: string; readonly sortKey: SortKey };

export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', sortKey: 'name' },
  { id: 'owner', label: 'Owner', sortKey: 'owner' },
  { id: 'exposure', label: 'Exposure', sortKey: 'exposure' },
  { id: 'lifecycle', label: 'Lifecycle', sortKey: 'lifecycle' },
  { id: 'sensitivity', label: 'Sensitivity', sortKey: 'sensitivity' },
  { id: 'review', label: 'Next review', sortKey: 'nextReviewDue' },
  { id: 'flags', label: 'Flags', sortKey: 'flags' },
];
