import { describe, expect, it } from 'vitest';
import {
  BUILTIN_RULES,
  OWASP_API_2023,
  RULE_ID_PATTERN,
  STRIDE,
  THREATENED_KINDS,
  parseRule,
  ruleListings,
  rulesMarkdown,
  defaultLibrary,
} from '../../../../core/threats';

// domain.md §1: the cells of the STRIDE-per-element table.
const BASELINE_CELLS = [
  'external-entity S',
  'external-entity R',
  'process S',
  'process T',
  'process R',
  'process I',
  'process D',
  'process E',
  'data-store T',
  'data-store R',
  'data-store I',
  'data-store D',
  'data-flow T',
  'data-flow I',
  'data-flow D',
];

describe('the built-in rule catalogue', () => {
  it('has at least 60 rules with unique, well-formed ids', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(60);
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(RULE_ID_PATTERN);
    expect(ids).toEqual([...ids].sort());
  });

  it('passes the same schema custom rules must pass (every fact it reads exists)', () => {
    for (const rule of BUILTIN_RULES) {
      const r = parseRule(rule);
      expect(r.success ? [] : r.error.issues, rule.id).toEqual([]);
    }
  });

  it('covers every STRIDE category with at least two rules', () => {
    for (const s of STRIDE)
      expect(BUILTIN_RULES.filter((r) => r.stride === s).length, s).toBeGreaterThanOrEqual(2);
  });

  it('covers each of the ten OWASP API Security 2023 risks with at least two rules', () => {
    for (const o of OWASP_API_2023)
      expect(BUILTIN_RULES.filter((r) => r.owasp === o).length, o).toBeGreaterThanOrEqual(2);
  });

  it('has exactly one baseline rule per marked cell of the STRIDE-per-element table', () => {
    const cells = BUILTIN_RULES.filter((r) => r.baseline).flatMap((r) =>
      r.appliesTo.map((k) => `${k} ${r.stride}`),
    );
    expect([...cells].sort()).toEqual([...BASELINE_CELLS].sort());
    // Only the log's repudiation cell is conditional (domain §1: "when it is a log").
    const conditional = BUILTIN_RULES.filter((r) => r.baseline && r.when !== undefined);
    expect(conditional.map((r) => r.when)).toEqual([{ prop: 'isLog', eq: true }]);
  });

  it('gives every rule mappings and at least one recommended mitigation', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.mitigations.length, r.id).toBeGreaterThan(0);
      expect(r.title.length, r.id).toBeGreaterThan(5);
      expect(r.description.length, r.id).toBeGreaterThan(10);
      for (const c of r.cwe) expect(c).toMatch(/^CWE-\d+$/);
      for (const c of r.capec) expect(c).toMatch(/^CAPEC-\d+$/);
      for (const k of r.appliesTo) expect(THREATENED_KINDS).toContain(k);
    }
  });

  it('maps the OWASP ids to the CWE families domain.md names', () => {
    const cwesOf = (owasp: string) =>
      BUILTIN_RULES.filter((r) => r.owasp === owasp).flatMap((r) => r.cwe);
    expect(cwesOf('API1:2023')).toContain('CWE-639');
    expect(cwesOf('API2:2023')).toEqual(expect.arrayContaining(['CWE-306', 'CWE-307', 'CWE-598']));
    expect(cwesOf('API3:2023')).toEqual(expect.arrayContaining(['CWE-213', 'CWE-915']));
    expect(cwesOf('API4:2023')).toContain('CWE-770');
    expect(cwesOf('API7:2023')).toContain('CWE-918');
    expect(cwesOf('API8:2023')).toContain('CWE-319');
    expect(cwesOf('API9:2023')).toContain('CWE-1059');
  });

  it('lists as the exact CLI JSON shape and as a Markdown table', () => {
    const listing = ruleListings(defaultLibrary());
    expect(listing).toHaveLength(BUILTIN_RULES.length);
    for (const l of listing)
      expect(Object.keys(l)).toEqual([
        'id',
        'title',
        'stride',
        'owasp',
        'cwe',
        'capec',
        'appliesTo',
      ]);
    const md = rulesMarkdown(defaultLibrary());
    expect(md).toContain('| BW-E-010 | Broken object level authorization (BOLA) | E Elevation');
    expect(md.split('\n').filter((l) => l.startsWith('| BW-'))).toHaveLength(BUILTIN_RULES.length);
  });
});
