import type { ModelIssue } from '../schema';
import { formatPath } from '../schema';
import { AUTHORIZATION_RULES } from './builtin/authorization';
import { BASELINE_RULES } from './builtin/baseline';
import { DISCLOSURE_RULES } from './builtin/disclosure';
import { INTEGRITY_RULES } from './builtin/integrity';
import { SPOOFING_RULES } from './builtin/identity';
import { MAX_CONDITION_DEPTH, nestingDepth, parseRule } from './schema';
import type { Rule, RuleLibrary } from './types';

const byId = (a: Rule, b: Rule) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The shipped catalogue, ordered by id. */
export const BUILTIN_RULES: readonly Rule[] = [
  ...BASELINE_RULES,
  ...SPOOFING_RULES,
  ...INTEGRITY_RULES,
  ...AUTHORIZATION_RULES,
  ...DISCLOSURE_RULES,
].sort(byId);

/** How a workspace tailors the catalogue. */
export type LibraryOptions = {
  /** Built-in rule ids to switch off (baseline rules cannot be). */
  readonly disabled?: readonly string[];
  /** The workspace's own rules, as data; validated like the built-ins. */
  readonly custom?: readonly unknown[];
};

export type LibraryResult =
  | { readonly ok: true; readonly library: RuleLibrary; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly ModelIssue[] };

/** The built-in catalogue with nothing disabled and no custom rules. */
export function defaultLibrary(): RuleLibrary {
  return { rules: BUILTIN_RULES };
}

/**
 * A workspace library: the built-ins minus disabled ids plus custom rules. Custom rules go
 * through the same schema as the built-ins (every fact they read must exist); an id may
 * not repeat; baseline rules stay on because domain §1 is always applied.
 */
export function createLibrary(options: LibraryOptions): LibraryResult {
  const errors: ModelIssue[] = [];
  const warnings: string[] = [];
  const builtin = new Map(BUILTIN_RULES.map((r) => [r.id as string, r]));
  const disabled = new Set(options.disabled ?? []);
  for (const id of disabled) {
    const rule = builtin.get(id);
    if (!rule) warnings.push(`No built-in rule "${id}" to disable; ignored.`);
    else if (rule.baseline)
      errors.push({
        path: 'disabled',
        message: `${id} is part of the STRIDE-per-element baseline and cannot be disabled.`,
      });
  }
  const custom: Rule[] = [];
  const ids = new Set(builtin.keys());
  (options.custom ?? []).forEach((input, i) => {
    if (nestingDepth(input, MAX_CONDITION_DEPTH + 8) > MAX_CONDITION_DEPTH + 6) {
      errors.push({ path: `custom[${i}].when`, message: 'The condition is nested too deeply.' });
      return;
    }
    const r = parseRule(input);
    if (!r.success) {
      for (const issue of r.error.issues)
        errors.push({ path: formatPath(issue.path, `custom[${i}]`), message: issue.message });
      return;
    }
    if (ids.has(r.data.id)) {
      errors.push({
        path: `custom[${i}].id`,
        message: `The rule id "${r.data.id}" is already taken.`,
      });
      return;
    }
    ids.add(r.data.id);
    custom.push(r.data);
  });
  if (errors.length > 0) return { ok: false, errors };
  const rules = [...BUILTIN_RULES.filter((r) => !disabled.has(r.id)), ...custom.sort(byId)];
  return { ok: true, library: { rules }, warnings };
}
