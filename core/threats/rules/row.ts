import type { RuleId } from '../model';
import type { Rule } from './types';

/** A catalogue row as written in the built-in files: the id as plain text, baseline optional. */
export type RuleRow = Omit<Rule, 'id' | 'baseline'> & {
  readonly id: string;
  readonly baseline?: boolean;
};

/** Turns catalogue rows into rules (brands the id, defaults `baseline` to false). */
export function rows(list: readonly RuleRow[]): readonly Rule[] {
  return list.map((r) => ({ ...r, id: r.id as RuleId, baseline: r.baseline ?? false }));
}
