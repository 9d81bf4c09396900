import type { Facts, FactValue } from '../facts';
import type { Condition } from './types';

// The one generic evaluator every rule goes through. Rules never carry code.

/** True when the facts satisfy the condition; an absent condition always holds. */
export function evaluate(condition: Condition | undefined, facts: Facts): boolean {
  if (condition === undefined) return true;
  // Loops rather than every/some: this runs for every rule on every element, and a
  // callback per call is an allocation each time.
  if ('all' in condition) {
    for (const c of condition.all) if (!evaluate(c, facts)) return false;
    return true;
  }
  if ('any' in condition) {
    for (const c of condition.any) if (evaluate(c, facts)) return true;
    return false;
  }
  if ('not' in condition) return !evaluate(condition.not, facts);
  const value = facts[condition.prop];
  if ('eq' in condition) return value === condition.eq;
  if ('in' in condition) return value !== undefined && condition.in.includes(value);
  return (value !== undefined) === condition.exists;
}

const show = (v: FactValue) => (typeof v === 'string' ? v : String(v));

/** The condition in words: "tls is none and crossesBoundary is true". */
export function describeCondition(condition: Condition | undefined): string {
  if (condition === undefined) return 'always (STRIDE-per-element baseline)';
  return describe(condition, false);
}

function describe(c: Condition, nested: boolean): string {
  const wrap = (s: string) => (nested ? `(${s})` : s);
  if ('all' in c) return wrap(c.all.map((x) => describe(x, true)).join(' and '));
  if ('any' in c) return wrap(c.any.map((x) => describe(x, true)).join(' or '));
  if ('not' in c) return `not ${describe(c.not, true)}`;
  if ('eq' in c) return `${c.prop} is ${show(c.eq)}`;
  if ('in' in c) return `${c.prop} is one of ${c.in.map(show).join(', ')}`;
  return c.exists ? `${c.prop} is set` : `${c.prop} is not set`;
}

/** Every fact name a condition reads. */
export function conditionProps(condition: Condition | undefined): string[] {
  if (condition === undefined) return [];
  if ('all' in condition) return condition.all.flatMap(conditionProps);
  if ('any' in condition) return condition.any.flatMap(conditionProps);
  if ('not' in condition) return conditionProps(condition.not);
  return [condition.prop];
}
