import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDiagramSize,
  DIAGRAM_LIMITS,
  estimateEdges,
} from '../../../../renderer/diagrams/limits';

describe('estimateEdges', () => {
  it.each([
    ['flowchart LR\n  n0 --> n1', 1],
    ['flowchart LR\n  n0 --> n1 --> n2', 2],
    ['flowchart LR\n  n0 --> n1; n1 --> n2; n2 --- n3', 3],
    ['flowchart LR\n  a & b --> c & d', 4],
    ['flowchart LR\n  a -.-> b\n  a ==> c\n  a ~~~ d\n  a <--> e\n  a --x f\n  a --o g', 6],
    ['flowchart LR\n  a ---->|"long"| b', 1],
    ['flowchart LR\n  a -- text --> b\n  a == text ==> c\n  a -. text .-> d', 3],
    ['flowchart LR\n  n0:::boundary --> n1:::store', 1],
    ['stateDiagram-v2\n  [*] --> s1\n  s1 --> s2 : go --> somewhere\n  s2 --> [*]', 3],
  ])('counts the links in %j as %i', (text, edges) => {
    expect(estimateEdges(text)).toBe(edges);
  });

  it('does not count arrows written inside labels, comments or directives', () => {
    const text = [
      '%%{init: {"theme": "dark"}}%%',
      'flowchart LR',
      '  %% n0 --> n9 is commented out',
      '  n0["a --> b ==> c; d -.-> e"] -->|"x --> y; z"| n1[plain --> label]',
    ].join('\n');
    expect(estimateEdges(text)).toBe(1);
  });

  it('treats %% as a comment only at the start of a line', () => {
    expect(estimateEdges('flowchart LR\n  n0["50%% done"] --> n1\n  %% n1 --> n2')).toBe(1);
  });

  it('counts nothing in a diagram without links', () => {
    expect(estimateEdges('flowchart TB\n  n0["Orders"]\n  subgraph b0["DMZ"]\n  n1\n  end')).toBe(
      0,
    );
    expect(estimateEdges('')).toBe(0);
  });

  // Labels built from the pieces of Mermaid syntax most likely to confuse a counter.
  const label = fc
    .array(
      fc.oneof(
        fc.constantFrom('-->', '==>', '-.->', '~~~', '--', '%%', ';', '|', '[', ']', ':', '&', "'"),
        fc.string(),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(' '));

  it('never undercounts a generated chain of links, whatever the labels hold', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 30 }), (labels) => {
        // Labels as core writes them: quoted, with quotes escaped as an entity.
        const nodes = labels.map((l, i) => `n${i}["${l.replace(/["\n\r]/g, '#quot;')}"]`);
        const links = labels.slice(1).map((_, i) => `n${i} --> n${i + 1}`);
        const text = ['flowchart LR', ...nodes, ...links].join('\n');
        expect(estimateEdges(text)).toBe(labels.length - 1);
      }),
    );
  });
});

describe('checkDiagramSize', () => {
  const chain = (links: number): string =>
    ['flowchart LR', ...Array.from({ length: links }, (_, i) => `n${i} --> n${i + 1}`)].join('\n');

  it('lets through a diagram within both limits', () => {
    expect(checkDiagramSize(chain(DIAGRAM_LIMITS.maxEdges))).toBeNull();
  });

  it('refuses text past maxTextSize, before counting anything', () => {
    const problem = checkDiagramSize(
      `flowchart LR\n  n0["${'x'.repeat(DIAGRAM_LIMITS.maxTextSize)}"]`,
    );
    expect(problem?.reason).toBe('too-large');
    expect(problem?.message).toContain('100,000');
  });

  it('refuses a diagram with more edges than maxEdges', () => {
    const problem = checkDiagramSize(chain(DIAGRAM_LIMITS.maxEdges + 1));
    expect(problem).toEqual({
      reason: 'too-large',
      message: 'The diagram has about 501 connections; the limit is 500.',
    });
  });

  it('applies the limits it is given', () => {
    expect(checkDiagramSize(chain(3), { maxEdges: 2, maxTextSize: 1000 })?.reason).toBe(
      'too-large',
    );
    expect(checkDiagramSize(chain(3), { maxEdges: 3, maxTextSize: 10 })?.reason).toBe('too-large');
  });

  it('sets the limits explicitly: 500 edges, 100,000 characters', () => {
    expect(DIAGRAM_LIMITS).toEqual({ maxEdges: 500, maxTextSize: 100_000 });
  });
});
