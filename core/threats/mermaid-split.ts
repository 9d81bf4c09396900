import type { ElementId, ThreatModel } from './model';
import type { DiagramSpec, MermaidDiagram, MermaidOptions } from './mermaid';
import { modelSpec, renderSpec } from './mermaid';

// Large models never fail to draw. Mermaid refuses more than 500 edges (maxEdges) and
// 50,000 characters of text (maxTextSize) by default and becomes unreadable well before;
// past our limits the model is drawn as an overview (one node per outermost trust
// boundary, flows between them counted) plus one diagram per boundary, itself cut into
// parts when a single boundary is still too large. Flows leaving a diagram end at a stub.

/** Limits below Mermaid's own, leaving room for the renderer's additions. */
export const MERMAID_LIMITS = { maxNodes: 150, maxEdges: 400, maxTextSize: 45_000 } as const;

type Limits = {
  readonly maxNodes: number;
  readonly maxEdges: number;
  readonly maxTextSize: number;
};

/** One diagram of a split model: a boundary (null: outside any boundary), maybe one part. */
export type BoundaryDiagram = {
  readonly boundaryId: ElementId | null;
  readonly title: string;
  readonly part: number;
  readonly parts: number;
  readonly diagram: MermaidDiagram;
};

/** What the diagram screen shows: one diagram, or an overview and one per boundary. */
export type DiagramSet = {
  readonly split: boolean;
  readonly overview: MermaidDiagram;
  readonly perBoundary: readonly BoundaryDiagram[];
};

type Node = DiagramSpec['nodes'][number];
type Edge = DiagramSpec['edges'][number];

/** The whole diagram when it fits; otherwise an overview plus a diagram per boundary. */
export function toMermaidDiagrams(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
  options: MermaidOptions & { readonly limits?: Limits } = {},
): DiagramSet {
  const limits = options.limits ?? MERMAID_LIMITS;
  const spec = modelSpec(model, options);
  if (spec.nodes.length <= limits.maxNodes && spec.edges.length <= limits.maxEdges) {
    const whole = renderSpec(spec, options.direction);
    if (whole.text.length <= limits.maxTextSize)
      return { split: false, overview: whole, perBoundary: [] };
  }
  // Group every node under its outermost boundary (null: outside all boundaries).
  const bySub = new Map<string, ElementId>();
  let i = 0;
  for (const e of model.elements) if (e.kind === 'trust-boundary') bySub.set(`b${i++}`, e.id);
  const subParent = new Map(spec.subgraphs.map((s) => [s.id, s.parent]));
  const rootOf = (sub: string | null): string | null => {
    let cur = sub;
    while (cur !== null && (subParent.get(cur) ?? null) !== null) cur = subParent.get(cur) ?? null;
    return cur;
  };
  const groupOf = new Map<string, string | null>(spec.nodes.map((n) => [n.id, rootOf(n.parent)]));
  const groups = [...new Set(spec.nodes.map((n) => groupOf.get(n.id) ?? null))];
  const names = new Map(model.elements.map((e) => [e.id as string, e.name]));
  const title = (g: string | null) => {
    const id = g === null ? undefined : bySub.get(g);
    return id === undefined ? 'Outside any trust boundary' : (names.get(id) ?? id);
  };

  const overview = renderSpec(
    overviewSpec(spec, groups, groupOf, title, bySub, limits),
    options.direction,
  );
  const perBoundary: BoundaryDiagram[] = [];
  for (const g of groups) {
    const members = spec.nodes.filter((n) => (groupOf.get(n.id) ?? null) === g);
    let chunk = Math.max(1, Math.floor(limits.maxNodes / 2));
    let edgeCap = limits.maxEdges;
    for (;;) {
      const parts = Math.ceil(members.length / chunk);
      const diagrams = Array.from({ length: parts }, (_, p) =>
        renderSpec(
          partSpec(spec, members.slice(p * chunk, (p + 1) * chunk), groupOf, title, edgeCap),
          options.direction,
        ),
      );
      if (
        diagrams.every((d) => d.text.length <= limits.maxTextSize) ||
        (chunk === 1 && edgeCap <= 1)
      ) {
        diagrams.forEach((diagram, p) =>
          perBoundary.push({
            boundaryId: g === null ? null : (bySub.get(g) ?? null),
            title: title(g),
            part: p + 1,
            parts,
            diagram,
          }),
        );
        break;
      }
      chunk = Math.max(1, Math.floor(chunk / 2));
      edgeCap = Math.max(1, Math.floor(edgeCap / 2));
    }
  }
  return { split: true, overview, perBoundary };
}

function overviewSpec(
  spec: DiagramSpec,
  groups: readonly (string | null)[],
  groupOf: ReadonlyMap<string, string | null>,
  title: (g: string | null) => string,
  bySub: ReadonlyMap<string, ElementId>,
  limits: Limits,
): DiagramSpec {
  // Past maxNodes boundaries, the rest share one node: the overview must fit too.
  const shown = groups.slice(0, limits.maxNodes - 1);
  const gid = new Map<string | null, string>(shown.map((g, k) => [g, `g${k}`]));
  const other = `g${shown.length}`;
  const idOf = (g: string | null) => gid.get(g) ?? other;
  const size = new Map<string, number>();
  const open = new Map<string, number>();
  for (const n of spec.nodes) {
    const k = idOf(groupOf.get(n.id) ?? null);
    size.set(k, (size.get(k) ?? 0) + 1);
    open.set(k, (open.get(k) ?? 0) + (n.open ?? 0));
  }
  const nodes: Node[] = shown.map((g) => ({
    id: idOf(g),
    shape: 'group',
    label: `${title(g)}: ${size.get(idOf(g)) ?? 0} elements`,
    parent: null,
    elementId: g === null ? null : (bySub.get(g) ?? null),
    open: open.get(idOf(g)) ?? 0,
  }));
  if (groups.length > shown.length)
    nodes.push({
      id: other,
      shape: 'group',
      label: `${groups.length - shown.length} more boundaries: ${size.get(other) ?? 0} elements`,
      parent: null,
      elementId: null,
      open: open.get(other) ?? 0,
    });
  const between = new Map<string, number>();
  for (const e of spec.edges) {
    const a = idOf(groupOf.get(e.from) ?? null);
    const b = idOf(groupOf.get(e.to) ?? null);
    if (a !== b) between.set(`${a} ${b}`, (between.get(`${a} ${b}`) ?? 0) + 1);
  }
  const edges: Edge[] = [...between].slice(0, limits.maxEdges).map(([key, n]) => {
    const [from = '', to = ''] = key.split(' ');
    return {
      from,
      to,
      label: `${n} flow${n === 1 ? '' : 's'}`,
      bidirectional: false,
      elementId: null,
    };
  });
  return { nodes, subgraphs: [], edges };
}

function partSpec(
  spec: DiagramSpec,
  members: readonly Node[],
  groupOf: ReadonlyMap<string, string | null>,
  title: (g: string | null) => string,
  edgeCap: number,
): DiagramSpec {
  const inPart = new Set(members.map((n) => n.id));
  const stubs = new Map<string | null, string>();
  const nodes: Node[] = [...members];
  const stubFor = (nodeId: string): string => {
    const g = groupOf.get(nodeId) ?? null;
    let id = stubs.get(g);
    if (id === undefined) {
      id = `s${stubs.size}`;
      stubs.set(g, id);
      nodes.push({ id, shape: 'stub', label: `to ${title(g)}`, parent: null, elementId: null });
    }
    return id;
  };
  const edges: Edge[] = [];
  let hidden = 0;
  for (const e of spec.edges) {
    const a = inPart.has(e.from);
    const b = inPart.has(e.to);
    if (!a && !b) continue;
    if (edges.length >= edgeCap) {
      hidden++;
      continue;
    }
    edges.push({ ...e, from: a ? e.from : stubFor(e.from), to: b ? e.to : stubFor(e.to) });
  }
  if (hidden > 0)
    nodes.push({
      id: 'more',
      shape: 'stub',
      label: `${hidden} more flows not shown`,
      parent: null,
      elementId: null,
    });
  // Keep the subgraphs that still hold a node of this part, with their ancestors.
  const parentOf = new Map(spec.subgraphs.map((s) => [s.id, s.parent]));
  const keep = new Set<string>();
  for (const n of members)
    for (let s = n.parent; s !== null && !keep.has(s); s = parentOf.get(s) ?? null) keep.add(s);
  return { nodes, subgraphs: spec.subgraphs.filter((s) => keep.has(s.id)), edges };
}
