import { mermaidLabel as sharedMermaidLabel } from '../shared/mermaid-label';
import { boundaryMembership } from './facts';
import type { Element, ElementId, ThreatModel } from './model';
import { openThreatCounts } from './views';

// Mermaid flowchart text for the data flow diagram. Safety rules, because the text is
// handed to a renderer: node ids are generated (n0, n1, ...), never user text; every
// label is quoted and every character outside a small plain set is written as a Mermaid
// entity code (#60; for <), so no label can close its quotes, start a directive (%%{...}),
// a click callback, a Markdown string or raw HTML. No click lines are emitted at all (they
// need securityLevel 'loose'); the caller gets node id → element id maps to wire selection.

/** One diagram: its text and how its nodes and edges map back to the model. */
export type MermaidDiagram = {
  readonly text: string;
  /** Node id (n0, n1, ...) → element id, for selecting an element on click. */
  readonly nodes: ReadonlyMap<string, ElementId>;
  /** The flow element id of each edge, in Mermaid's edge order (L0, L1, ...). */
  readonly edges: readonly (ElementId | null)[];
};

export type MermaidOptions = {
  /** Open threats per element; computed from the model when omitted. */
  readonly openThreatCounts?: ReadonlyMap<string, number>;
  readonly direction?: 'LR' | 'TB';
};

/** Longest label, in characters, before escaping. */
export const MAX_LABEL = 60;

/** A label as Mermaid entity-coded text: safe between double quotes, at most MAX_LABEL long. */
export function mermaidLabel(text: string, max = MAX_LABEL): string {
  return sharedMermaidLabel(text, max);
}

export type NodeShape = 'external-entity' | 'process' | 'data-store' | 'group' | 'stub';
/** What to draw, before it becomes text: nodes, subgraphs and edges with generated ids. */
export type DiagramSpec = {
  readonly nodes: readonly {
    readonly id: string;
    readonly shape: NodeShape;
    readonly label: string;
    readonly parent: string | null;
    readonly elementId: ElementId | null;
    readonly outOfScope?: boolean;
    readonly open?: number;
  }[];
  readonly subgraphs: readonly {
    readonly id: string;
    readonly label: string;
    readonly parent: string | null;
  }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly bidirectional: boolean;
    readonly elementId: ElementId | null;
  }[];
};

const SHAPES: Readonly<Record<NodeShape, readonly [string, string]>> = {
  'external-entity': ['["', '"]'],
  process: ['("', '")'],
  'data-store': ['[("', '")]'],
  group: ['[["', '"]]'],
  stub: ['>"', '"]'],
};

/** Writes a diagram spec as flowchart text. */
export function renderSpec(spec: DiagramSpec, direction: 'LR' | 'TB' = 'LR'): MermaidDiagram {
  const lines = [`flowchart ${direction}`];
  const children = new Map<string | null, string[]>();
  const nodeLines = new Map<string | null, string[]>();
  for (const s of spec.subgraphs) children.set(s.parent, [...(children.get(s.parent) ?? []), s.id]);
  const nodes = new Map<string, ElementId>();
  const outOfScope: string[] = [];
  const threatened: string[] = [];
  for (const n of spec.nodes) {
    const [open, close] = SHAPES[n.shape];
    const count = n.open !== undefined && n.open > 0 ? ` (${n.open} open)` : '';
    const line = `${n.id}${open}${mermaidLabel(n.label)}${count}${close}`;
    nodeLines.set(n.parent, [...(nodeLines.get(n.parent) ?? []), line]);
    if (n.elementId !== null) nodes.set(n.id, n.elementId);
    if (n.outOfScope === true) outOfScope.push(n.id);
    else if (n.open !== undefined && n.open > 0) threatened.push(n.id);
  }
  const labels = new Map(spec.subgraphs.map((s) => [s.id, s.label]));
  const emit = (parent: string | null, indent: string) => {
    for (const l of nodeLines.get(parent) ?? []) lines.push(indent + l);
    for (const sub of children.get(parent) ?? []) {
      lines.push(`${indent}subgraph ${sub}["${mermaidLabel(labels.get(sub) ?? '')}"]`);
      emit(sub, indent + '  ');
      lines.push(`${indent}end`);
    }
  };
  emit(null, '  ');
  const edges: (ElementId | null)[] = [];
  for (const e of spec.edges) {
    const arrow = e.bidirectional ? '<-->' : '-->';
    const label = mermaidLabel(e.label);
    lines.push(`  ${e.from} ${arrow}${label ? `|"${label}"|` : ''} ${e.to}`);
    edges.push(e.elementId);
  }
  lines.push('  classDef outOfScope stroke-dasharray: 5 5,opacity:0.6');
  lines.push('  classDef threatened stroke:#b91c1c,stroke-width:2px');
  if (outOfScope.length > 0) lines.push(`  class ${outOfScope.join(',')} outOfScope`);
  if (threatened.length > 0) lines.push(`  class ${threatened.join(',')} threatened`);
  return { text: lines.join('\n') + '\n', nodes, edges };
}

type Boundary = Extract<Element, { kind: 'trust-boundary' }>;

/** Each boundary's enclosing boundary (the deepest one that contains it), or null. */
export function boundaryParents(elements: readonly Element[]): Map<ElementId, ElementId | null> {
  const memberOf = boundaryMembership(elements);
  const depth = (id: ElementId) => memberOf.get(id)?.size ?? 0;
  const out = new Map<ElementId, ElementId | null>();
  for (const e of elements) {
    if (e.kind === 'trust-boundary') out.set(e.id, innermost(memberOf.get(e.id), depth));
  }
  return out;
}

/** The deepest boundary in a set (ties: the first in model order), or null. */
export function innermost(
  set: ReadonlySet<ElementId> | undefined,
  depth: (id: ElementId) => number,
): ElementId | null {
  let best: ElementId | null = null;
  for (const b of set ?? []) if (best === null || depth(b) > depth(best)) best = b;
  return best;
}

/** The full diagram spec of a model: boundaries as subgraphs, flows as labelled edges. */
export function modelSpec(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
  options: MermaidOptions = {},
): DiagramSpec {
  const counts = options.openThreatCounts ?? openThreatCounts(model);
  const memberOf = boundaryMembership(model.elements);
  const depth = (id: ElementId) => memberOf.get(id)?.size ?? 0;
  const boundaries = model.elements.filter((e): e is Boundary => e.kind === 'trust-boundary');
  const subId = new Map(boundaries.map((b, i) => [b.id, `b${i}`]));
  const nodeId = new Map<ElementId, string>();
  const nodes: DiagramSpec['nodes'][number][] = [];
  for (const e of model.elements) {
    if (e.kind === 'trust-boundary' || e.kind === 'data-flow') continue;
    const id = `n${nodes.length}`;
    nodeId.set(e.id, id);
    const parent = innermost(memberOf.get(e.id), depth);
    nodes.push({
      id,
      shape: e.kind,
      label: e.name,
      parent: parent === null ? null : (subId.get(parent) ?? null),
      elementId: e.id,
      outOfScope: e.outOfScope,
      open: counts.get(e.id) ?? 0,
    });
  }
  // Only boundaries that end up holding a node are drawn: Mermaid has no use for empties.
  const used = new Set<string>();
  const parents = boundaryParents(model.elements);
  const markUsed = (b: ElementId | null) => {
    for (let cur = b; cur !== null && !used.has(cur); cur = parents.get(cur) ?? null) used.add(cur);
  };
  for (const e of model.elements)
    if (nodeId.has(e.id)) markUsed(innermost(memberOf.get(e.id), depth));
  const subgraphs = boundaries
    .filter((b) => used.has(b.id))
    .map((b) => {
      const parent = parents.get(b.id) ?? null;
      return {
        id: subId.get(b.id) ?? 'b',
        label: b.name,
        parent: parent === null ? null : (subId.get(parent) ?? null),
      };
    });
  const edges: DiagramSpec['edges'][number][] = [];
  for (const e of model.elements) {
    if (e.kind !== 'data-flow') continue;
    const from = nodeId.get(e.source);
    const to = nodeId.get(e.target);
    if (from === undefined || to === undefined) continue;
    const open = counts.get(e.id) ?? 0;
    const label = `${e.protocol.trim() || e.name}${open > 0 ? ` (${open} open)` : ''}`;
    edges.push({ from, to, label, bidirectional: e.bidirectional, elementId: e.id });
  }
  return { nodes, subgraphs, edges };
}

/** The data flow diagram of a whole model as Mermaid flowchart text. */
export function toMermaidFlowchart(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
  options: MermaidOptions = {},
): MermaidDiagram {
  return renderSpec(modelSpec(model, options), options.direction);
}
