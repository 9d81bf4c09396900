import { escapeMarkdown as md } from '../escape';
import { STRIDE_NAMES } from '../model';
import { severity } from '../risk';
import { describeCondition } from './condition';
import type { Rule, RuleLibrary } from './types';

// The rule catalogue as `bulwark rules` prints it.

/** One rule in the catalogue JSON (a public contract: exact key names). */
export type RuleListing = {
  readonly id: string;
  readonly title: string;
  readonly stride: string;
  readonly owasp: string | null;
  readonly cwe: readonly string[];
  readonly capec: readonly string[];
  readonly appliesTo: readonly string[];
};

/** The catalogue as JSON-ready listings. */
export function ruleListings(library: RuleLibrary): RuleListing[] {
  return library.rules.map((r) => ({
    id: r.id,
    title: r.title,
    stride: r.stride,
    owasp: r.owasp,
    cwe: r.cwe,
    capec: r.capec,
    appliesTo: r.appliesTo,
  }));
}

const cell = (r: Rule) => [
  r.id,
  md(r.title),
  `${r.stride} ${STRIDE_NAMES[r.stride]}`,
  r.owasp ?? '–',
  r.cwe.join(', ') || '–',
  r.capec.join(', ') || '–',
  r.appliesTo.join(', '),
  md(describeCondition(r.when)),
  `${r.likelihood} × ${r.impact} = ${severity(r.likelihood, r.impact)}`,
];

/** The catalogue as a Markdown table. */
export function rulesMarkdown(library: RuleLibrary): string {
  const head = ['Id', 'Title', 'STRIDE', 'OWASP', 'CWE', 'CAPEC', 'Applies to', 'When', 'Default'];
  const lines = [
    `# Bulwark threat rules (${library.rules.length})`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...library.rules.map((r) => `| ${cell(r).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}
