import type {
  Level,
  MitigationTemplate,
  OwaspApiId,
  RuleId,
  Stride,
  ThreatenedKind,
} from '../model';
import type { FactValue } from '../facts';

/**
 * A condition over an element's facts. Leaves compare one fact (`eq`, `in`, `exists`);
 * `all`, `any` and `not` combine them. Example: `{ all: [{ prop: 'tls', eq: 'none' },
 * { prop: 'crossesBoundary', eq: true }] }`.
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly prop: string; readonly eq: FactValue }
  | { readonly prop: string; readonly in: readonly FactValue[] }
  | { readonly prop: string; readonly exists: boolean };

/** A rule as a catalogue row: what it threatens, when, how it maps, what to do about it. */
export type Rule = {
  readonly id: RuleId;
  readonly title: string;
  readonly description: string;
  readonly stride: Stride;
  readonly appliesTo: readonly ThreatenedKind[];
  /** Absent: the rule applies to every element of those kinds (the STRIDE baseline). */
  readonly when?: Condition | undefined;
  readonly owasp: OwaspApiId | null;
  readonly cwe: readonly string[];
  readonly capec: readonly string[];
  readonly likelihood: Level;
  readonly impact: Level;
  readonly mitigations: readonly MitigationTemplate[];
  /** Part of the STRIDE-per-element baseline (domain §1): always applied, never disabled. */
  readonly baseline: boolean;
};

/** The rules in force for a workspace: built-ins minus disabled ones plus custom rules. */
export type RuleLibrary = { readonly rules: readonly Rule[] };
