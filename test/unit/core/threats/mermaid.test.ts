import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Element, MermaidDiagram } from '../../../../core/threats';
import {
  MERMAID_LIMITS,
  defaultLibrary,
  generateThreats,
  mermaidLabel,
  newElement,
  toMermaidDiagrams,
  toMermaidFlowchart,
} from '../../../../core/threats';
import { HOSTILE, largeModel, modelOf, paymentsModel } from '../../../fixtures/threats/models';

// Every line the generator may write; labels hold only plain characters and #n; codes.
const LABEL = String.raw`(?:[\p{L}\p{N} .,:_/()'+?!-]|#\d+;)*`;
const LINE = new RegExp(
  [
    String.raw`^flowchart (LR|TB)$`,
    String.raw`^\s*subgraph b\d+\["${LABEL}"\]$`,
    String.raw`^\s*end$`,
    String.raw`^\s*[nsg]\d+(\["${LABEL}"\]|\("${LABEL}"\)|\[\("${LABEL}"\)\]|\[\["${LABEL}"\]\]|>"${LABEL}"\])$`,
    String.raw`^\s*more>"${LABEL}"\]$`,
    String.raw`^\s*[nsg]\d+ (-->|<-->)(\|"${LABEL}"\|)? [nsg]\d+$`,
    String.raw`^  classDef outOfScope stroke-dasharray: 5 5,opacity:0\.6$`,
    String.raw`^  classDef threatened stroke:#b91c1c,stroke-width:2px$`,
    String.raw`^  class [nsg]\d+(,[nsg]\d+)* (outOfScope|threatened)$`,
  ].join('|'),
  'u',
);

function expectSafe(d: MermaidDiagram): void {
  for (const line of d.text.trimEnd().split('\n')) expect(line, line.slice(0, 120)).toMatch(LINE);
  // "click" or "javascript:" inside a quoted label is just text; LINE forbids them as syntax.
  expect(d.text.replace(/ <-->/g, ' -->')).not.toMatch(/%%|<|`/);
}

const edgeCount = (d: MermaidDiagram) => d.text.split('\n').filter((l) => l.includes('-->')).length;
const nodeCount = (d: MermaidDiagram) =>
  d.text.split('\n').filter((l) => /^\s*([nsg]\d+|more)[[(>]/.test(l)).length;

describe('Mermaid flowchart', () => {
  const model = generateThreats(paymentsModel(), defaultLibrary());
  const d = toMermaidFlowchart(model);

  it('draws shapes by kind, boundaries as nested subgraphs and flows labelled by protocol', () => {
    expect(d.text).toContain('n0["Mobile customer (2 open)"]');
    expect(d.text).toContain('n4("API gateway (6 open)")');
    expect(d.text).toContain('n8[("Payments database (3 open)")]');
    expect(d.text).toMatch(
      /subgraph b1\["Cloud account"\]\n(.*\n)*?\s+subgraph b2\["Private subnet"\]/,
    );
    expect(d.text).toContain('n5 <-->|"PostgreSQL (4 open)"| n8');
    expect(d.text).toContain('n1 -->|"HTTP (5 open)"| n6');
    expectSafe(d);
  });

  it('maps generated node ids back to elements and edges to flows, without click callbacks', () => {
    expect(d.nodes.get('n5')).toBe('payments');
    expect([...d.nodes.keys()].every((k) => /^n\d+$/.test(k))).toBe(true);
    expect(d.edges).toEqual(model.elements.filter((e) => e.kind === 'data-flow').map((e) => e.id));
  });

  it('takes open-threat counts from the caller when given', () => {
    const text = toMermaidFlowchart(model, { openThreatCounts: new Map([['payments', 42]]) }).text;
    expect(text).toContain('n5("Payments service (42 open)")');
    expect(text).toContain('n4("API gateway")');
  });

  it('entity-codes every character that could end a label or start syntax', () => {
    expect(mermaidLabel('"]; click A call x()')).toBe('#34;#93;#59; click A call x()');
    expect(mermaidLabel('<b>#quot;</b>')).toBe('#60;b#62;#35;quot#59;#60;/b#62;');
    expect(mermaidLabel('%%{init}%%')).toBe('#37;#37;#123;init#125;#37;#37;');
    expect(mermaidLabel('a\nb\u0000c\u202Ed')).toBe('a bcd');
    expect(mermaidLabel('x'.repeat(100_000))).toBe(`${'x'.repeat(59)}#8230;`);
  });

  it('keeps hostile names inert in every node, subgraph and edge', () => {
    const names = [...HOSTILE, 'A'.repeat(100_000)];
    const elements: Element[] = [
      ...names.map((n, i) => ({
        ...newElement(i % 2 ? 'process' : 'data-store', `e${i}`, 'x'),
        name: n,
      })),
      ...names.map((n, i) => ({
        ...newElement('data-flow', `f${i}`, 'x', {
          source: `e${i}`,
          target: `e${(i + 1) % names.length}`,
        } as never),
        name: n,
        protocol: n,
      })),
      {
        ...newElement('trust-boundary', 'b', 'x', { contains: ['e0', 'e1'] } as never),
        name: HOSTILE[0],
      },
    ];
    expectSafe(toMermaidFlowchart(modelOf(elements)));
  });

  it('never writes unsafe text for any name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ maxLength: 20 }),
        (name, protocol) => {
          const m = modelOf([
            { ...newElement('process', 'a', 'x'), name },
            { ...newElement('external-entity', 'b', 'x'), name },
            {
              ...newElement('data-flow', 'f', 'x', { source: 'a', target: 'b' } as never),
              protocol,
            },
            { ...newElement('trust-boundary', 't', 'x', { contains: ['a'] } as never), name },
          ]);
          expectSafe(toMermaidFlowchart(m));
        },
      ),
    );
  });
});

describe('large models', () => {
  it('stay one diagram while under the limits', () => {
    const set = toMermaidDiagrams(generateThreats(paymentsModel(), defaultLibrary()));
    expect(set.split).toBe(false);
    expect(set.perBoundary).toEqual([]);
  });

  it('split into an overview by trust boundary plus diagrams within the limits', () => {
    const model = largeModel(2000);
    const set = toMermaidDiagrams(model);
    expect(set.split).toBe(true);
    expectSafe(set.overview);
    expect(nodeCount(set.overview)).toBeLessThanOrEqual(MERMAID_LIMITS.maxNodes);
    // ":" is entity-coded: Mermaid misreads a label line with ":" and "#...;" as a style.
    expect(set.overview.text).toMatch(/g0\[\["Zone 0#58; \d+ elements/);
    const seen = new Map<string, number>();
    for (const b of set.perBoundary) {
      expectSafe(b.diagram);
      expect(nodeCount(b.diagram)).toBeLessThanOrEqual(MERMAID_LIMITS.maxNodes);
      expect(edgeCount(b.diagram)).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
      expect(b.diagram.text.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
      for (const id of b.diagram.nodes.values()) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    // Every drawable element appears in exactly one diagram.
    const drawable = model.elements.filter(
      (e) => e.kind !== 'data-flow' && e.kind !== 'trust-boundary',
    );
    expect(seen.size).toBe(drawable.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('stay within Mermaid text limits even with long hostile names everywhere', () => {
    const big = largeModel(1200);
    const model = {
      ...big,
      elements: big.elements.map((e) => ({ ...e, name: '🙂<"#'.repeat(40) })),
    };
    const set = toMermaidDiagrams(model);
    for (const d of [set.overview, ...set.perBoundary.map((b) => b.diagram)]) {
      expect(d.text.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
      expectSafe(d);
    }
  });
});
