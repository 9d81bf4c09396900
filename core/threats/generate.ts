import { deriveFacts } from './facts';
import type {
  CatalogueThreat,
  CatalogueThreatId,
  Element,
  ElementId,
  ElementKind,
  Mitigation,
  MitigationTemplate,
  ThreatInstance,
  ThreatInstanceId,
  ThreatModel,
} from './model';
import { threatInstanceId } from './model';
import { describeCondition, evaluate } from './rules/condition';
import type { Rule, RuleLibrary } from './rules/types';

// Generation runs every rule over every in-scope element in one pass and merges the result
// into the model's existing threats. The merge is where user work is protected: an
// instance's identity is rule@element, so a regenerated threat finds its earlier self and
// keeps every decision on it (status, rating, override, mitigations, notes, acceptance,
// dismissal). Nothing is ever deleted: what no longer applies is marked stale with the
// reason, and becomes current again when its condition returns.

/** Code-point order, independent of the user's locale, so output is the same everywhere. */
export function compareText(a: string, b: string): number {
  // Equal first: sorts compare a string with itself (an element's id on each of its
  // threats) far more often than not, and that is a pointer comparison.
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The catalogue entry that mirrors a rule. */
export function catalogueEntryOf(rule: Rule): CatalogueThreat {
  return {
    id: rule.id as string as CatalogueThreatId,
    ruleId: rule.id,
    title: rule.title,
    description: rule.description,
    stride: rule.stride,
    owasp: rule.owasp,
    cwe: rule.cwe,
    capec: rule.capec,
    likelihood: rule.likelihood,
    impact: rule.impact,
    mitigations: rule.mitigations,
  };
}

// The words of a rule's condition, computed once per rule rather than once per threat.
const EVIDENCE = new WeakMap<Rule, string>();
function evidenceOf(rule: Rule): string {
  let text = EVIDENCE.get(rule);
  if (text === undefined) EVIDENCE.set(rule, (text = describeCondition(rule.when)));
  return text;
}

/** A rule's mitigations as a new threat carries them: proposed, no owner, no due date. */
export function proposedMitigations(templates: readonly MitigationTemplate[]): Mitigation[] {
  return templates.map((m) => ({ ...m, status: 'proposed', owner: '', due: null }));
}

function newInstance(
  rule: Rule,
  element: Element,
  mitigations: readonly Mitigation[],
): ThreatInstance {
  return {
    id: threatInstanceId(rule.id, element.id),
    threatId: rule.id as string as CatalogueThreatId,
    elementId: element.id,
    source: 'rule',
    status: 'open',
    rating: { likelihood: rule.likelihood, impact: rule.impact },
    mitigations,
    notes: '',
    evidence: evidenceOf(rule),
    stale: false,
  };
}

function current(t: ThreatInstance, rule: Rule): ThreatInstance {
  // Rebuilt without staleReason so a threat that comes back is indistinguishable from one
  // that never left (idempotence compares whole models).
  const next: { -readonly [K in keyof ThreatInstance]: ThreatInstance[K] } = {
    ...t,
    evidence: evidenceOf(rule),
    stale: false,
  };
  delete next.staleReason;
  return next;
}

function staleReason(
  t: ThreatInstance,
  element: Element | undefined,
  rule: Rule | undefined,
): string {
  if (!element) return `The element "${t.elementId}" is no longer in the model.`;
  if (element.outOfScope) return `"${element.name}" is out of scope.`;
  if (!rule) return `Rule ${t.threatId} is disabled or no longer in the library.`;
  if (element.kind === 'trust-boundary' || !rule.appliesTo.includes(element.kind))
    return `Rule ${rule.id} does not apply to a ${element.kind}.`;
  return `The condition no longer holds: ${describeCondition(rule.when)}.`;
}

/** Which rules fire on which elements: instance id → (rule, element), in a stable order. */
export function matchRules(
  model: Pick<ThreatModel, 'elements' | 'assets'>,
  library: RuleLibrary,
): Map<ThreatInstanceId, { readonly rule: Rule; readonly element: Element }> {
  const facts = deriveFacts(model);
  const out = new Map<ThreatInstanceId, { rule: Rule; element: Element }>();
  // The rules that apply to each kind, in library order.
  const byKind = new Map<ElementKind, Rule[]>();
  for (const element of model.elements) {
    if (element.kind === 'trust-boundary' || element.outOfScope) continue;
    const f = facts.get(element.id) ?? {};
    let rules = byKind.get(element.kind);
    if (!rules) {
      const kind = element.kind;
      byKind.set(kind, (rules = library.rules.filter((r) => r.appliesTo.includes(kind))));
    }
    for (const rule of rules)
      if (evaluate(rule.when, f)) out.set(threatInstanceId(rule.id, element.id), { rule, element });
  }
  return out;
}

/** Orders instances by element id, then instance id (code points). */
export function sortInstances(list: readonly ThreatInstance[]): ThreatInstance[] {
  return [...list].sort((a, b) => compareText(a.elementId, b.elementId) || compareText(a.id, b.id));
}

/**
 * Runs the library over the whole model and returns the updated model. Deterministic
 * (output sorted by element id and threat id) and idempotent; manual, imported and
 * OpenAPI threats pass through untouched.
 */
export function generateThreats(model: ThreatModel, library: RuleLibrary): ThreatModel {
  const wanted = matchRules(model, library);
  const elements = new Map<ElementId, Element>(model.elements.map((e) => [e.id, e]));
  const rules = new Map<string, Rule>(library.rules.map((r) => [r.id, r]));
  // Ids the rules want that the model already has: those are not added again.
  const had = new Set<ThreatInstanceId>();
  const instances: ThreatInstance[] = [];
  for (const t of model.threats.instances) {
    if (wanted.has(t.id)) had.add(t.id);
    if (t.source !== 'rule') {
      instances.push(t);
      continue;
    }
    const match = wanted.get(t.id);
    if (match) instances.push(current(t, match.rule));
    else
      instances.push({
        ...t,
        stale: true,
        staleReason: staleReason(t, elements.get(t.elementId), rules.get(t.threatId)),
      });
  }
  // New threats of one rule share its proposed mitigations (threats are never changed in
  // place: an edit replaces the list), instead of a copy per threat.
  const proposed = new Map<Rule, readonly Mitigation[]>();
  for (const [id, { rule, element }] of wanted) {
    if (had.has(id)) continue;
    let mitigations = proposed.get(rule);
    if (!mitigations) proposed.set(rule, (mitigations = proposedMitigations(rule.mitigations)));
    instances.push(newInstance(rule, element, mitigations));
  }

  const catalogue = new Map<string, CatalogueThreat>(model.threats.catalogue.map((c) => [c.id, c]));
  const used = new Set<string>();
  for (const t of instances) used.add(t.threatId);
  for (const rule of library.rules) {
    const existing = catalogue.get(rule.id);
    // A rule refreshes its own catalogue row; a manual row with the same id is left alone.
    if (existing ? existing.ruleId === rule.id : used.has(rule.id))
      catalogue.set(rule.id, catalogueEntryOf(rule));
  }
  return {
    ...model,
    threats: {
      catalogue: [...catalogue.values()].sort((a, b) => compareText(a.id, b.id)),
      instances: sortInstances(instances),
    },
  };
}
