import { describe, expect, it } from 'vitest';
import type { Condition, Element, FactValue, Rule, ThreatenedKind } from '../../../../core/threats';
import {
  BUILTIN_RULES,
  FACT_VOCABULARY,
  conditionProps,
  defaultLibrary,
  evaluate,
  generateThreats,
  newElement,
} from '../../../../core/threats';
import { modelOf } from '../../../fixtures/threats/models';

// Each rule fires on its condition and not otherwise. The satisfying and violating fact
// assignments are derived from each rule's declarative condition by a small solver that
// is independent of the engine's evaluator, so the two check each other.

type Assignment = Readonly<Record<string, FactValue | undefined>>;

function domain(kind: ThreatenedKind, prop: string): (FactValue | undefined)[] {
  const spec = FACT_VOCABULARY[kind][prop];
  if (!spec) throw new Error(`${kind} has no fact ${prop}`);
  const values: (FactValue | undefined)[] =
    spec.type === 'boolean' ? [true, false] : [...spec.values];
  // A derived enum is undefined when it does not apply (sourceActor of a process → flow).
  return spec.derived && spec.type === 'enum' ? [...values, undefined] : values;
}

function merge(a: Assignment, b: Assignment): Assignment | null {
  for (const k of Object.keys(b)) if (k in a && a[k] !== b[k]) return null;
  return { ...a, ...b };
}

function product(lists: readonly Assignment[][]): Assignment[] {
  let acc: Assignment[] = [{}];
  for (const list of lists) {
    const next: Assignment[] = [];
    for (const a of acc)
      for (const b of list) {
        const m = merge(a, b);
        if (m) next.push(m);
      }
    acc = next.slice(0, 64);
  }
  return acc;
}

/** Assignments of the condition's facts that make it `want`, whatever the other facts are. */
function solve(c: Condition, want: boolean, kind: ThreatenedKind): Assignment[] {
  if ('all' in c)
    return want
      ? product(c.all.map((x) => solve(x, true, kind)))
      : c.all.flatMap((x) => solve(x, false, kind));
  if ('any' in c)
    return want
      ? c.any.flatMap((x) => solve(x, true, kind))
      : product(c.any.map((x) => solve(x, false, kind)));
  if ('not' in c) return solve(c.not, !want, kind);
  const values = domain(kind, c.prop);
  const hit = (v: FactValue | undefined) =>
    'eq' in c
      ? v === c.eq
      : 'in' in c
        ? v !== undefined && c.in.includes(v)
        : (v !== undefined) === c.exists;
  return values.filter((v) => hit(v) === want).map((v) => ({ [c.prop]: v }));
}

/** Facts where every fact has some value of its domain: the background the cases vary. */
function background(kind: ThreatenedKind, pick: 0 | 1): Record<string, FactValue | undefined> {
  return Object.fromEntries(
    Object.keys(FACT_VOCABULARY[kind]).map((p) => {
      const d = domain(kind, p);
      return [p, d[pick % d.length]];
    }),
  );
}

const storedOnly = (rule: Rule, kind: ThreatenedKind) =>
  conditionProps(rule.when).every((p) => FACT_VOCABULARY[kind][p]?.derived === false);

/** A minimal model holding one element of `kind` with the given stored facts. */
function minimalModel(
  kind: ThreatenedKind,
  facts: Assignment,
): { elements: Element[]; id: string } {
  const props = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
  if (kind === 'data-flow')
    return {
      id: 'x',
      elements: [
        newElement('external-entity', 'a', 'A'),
        newElement('process', 'b', 'B'),
        newElement('data-flow', 'x', 'X', { ...props, source: 'a', target: 'b' } as never),
      ],
    };
  return { id: 'x', elements: [newElement(kind, 'x', 'X', props as never)] };
}

const cases = BUILTIN_RULES.flatMap((rule) => rule.appliesTo.map((kind) => ({ rule, kind })));

describe.each(cases)('$rule.id on a $kind', ({ rule, kind }) => {
  const positives = rule.when ? solve(rule.when, true, kind) : [{}];
  const negatives = rule.when ? solve(rule.when, false, kind) : [];

  it('fires on every assignment that satisfies its condition', () => {
    expect(positives.length).toBeGreaterThan(0);
    for (const a of positives)
      for (const pick of [0, 1] as const)
        expect(evaluate(rule.when, { ...background(kind, pick), ...a }), JSON.stringify(a)).toBe(
          true,
        );
  });

  it('does not fire on any assignment that violates it', () => {
    if (rule.when === undefined) {
      // Only the always-applied STRIDE baseline has no condition.
      expect(rule.baseline).toBe(true);
      return;
    }
    expect(negatives.length).toBeGreaterThan(0);
    for (const a of negatives)
      for (const pick of [0, 1] as const)
        expect(evaluate(rule.when, { ...background(kind, pick), ...a }), JSON.stringify(a)).toBe(
          false,
        );
  });

  // Rules over derived facts are proven on whole models in rules-derived.test.ts.
  if (storedOnly(rule, kind))
    it('generates and withholds the threat on a real element', () => {
      const library = defaultLibrary();
      const fire = minimalModel(kind, positives[0] ?? {});
      const ids = (elements: Element[]) =>
        generateThreats(modelOf(elements), library).threats.instances.map((t) => t.id as string);
      expect(ids(fire.elements)).toContain(`${rule.id}@x`);
      const miss = negatives[0];
      if (miss) expect(ids(minimalModel(kind, miss).elements)).not.toContain(`${rule.id}@x`);
    });
});
