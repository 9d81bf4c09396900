import type { Element, Layout, ThreatModel } from '../threats/model';
import { centre, inside } from './geometry';

// Positions for an exported diagram. When every element already has a position (a model
// imported from Threat Dragon or OTM) those are kept and boundary boxes are fitted around
// their members; otherwise the diagram is laid out afresh: each top-level trust boundary
// is a column, elements outside any boundary form the first column, and members sit in a
// small grid inside their box (nested boundaries below them).

export const NODE_SIZE: Readonly<Record<string, { width: number; height: number }>> = {
  'external-entity': { width: 160, height: 80 },
  process: { width: 100, height: 100 },
  'data-store': { width: 160, height: 80 },
};
const CELL_W = 220;
const CELL_H = 150;
const PAD = 40;
const LABEL = 30;
const GAP = 80;
const EMPTY_BOX = { width: 200, height: 120 };

type Block = { width: number; height: number; place: (x: number, y: number) => void };

export type DiagramLayout = {
  /** Where each node and boundary box sits (flows are drawn between their ends). */
  readonly positions: ReadonlyMap<string, Layout>;
  /** The boundary each element is drawn inside (the first that lists it). */
  readonly parent: ReadonlyMap<string, string>;
  /** Elements listed by more than one boundary: drawn inside the first only. */
  readonly shared: readonly string[];
};

const isNode = (e: Element) =>
  e.kind === 'external-entity' || e.kind === 'process' || e.kind === 'data-store';

/** Lays out the model's nodes and boundaries; pure and deterministic. */
export function layoutDiagram(model: ThreatModel): DiagramLayout {
  const byId = new Map(model.elements.map((e) => [e.id as string, e]));
  const parent = new Map<string, string>();
  const shared: string[] = [];
  for (const b of model.elements)
    if (b.kind === 'trust-boundary')
      for (const c of b.contains) {
        const child = byId.get(c);
        if (!child || child.kind === 'data-flow') continue;
        if (parent.has(c)) shared.push(c);
        else parent.set(c, b.id);
      }
  // Nesting cycles are refused by the model schema; guard anyway so layout always ends.
  for (const [child] of parent) {
    const seen = new Set<string>([child]);
    let p = parent.get(child);
    while (p !== undefined) {
      if (seen.has(p)) {
        parent.delete(child);
        break;
      }
      seen.add(p);
      p = parent.get(p);
    }
  }
  const nodes = model.elements.filter(isNode);
  const positions = new Map<string, Layout>();
  const allPlaced = nodes.length > 0 && nodes.every((n) => n.layout !== undefined);
  if (allPlaced) {
    for (const n of nodes) if (n.layout) positions.set(n.id, n.layout);
    fitBoxes(model, parent, positions);
  } else {
    autoLayout(model, parent, positions);
  }
  return { positions, parent, shared };
}

function childrenOf(model: ThreatModel, parent: ReadonlyMap<string, string>, of: string | null) {
  return model.elements.filter((e) => e.kind !== 'data-flow' && (parent.get(e.id) ?? null) === of);
}

function autoLayout(
  model: ThreatModel,
  parent: ReadonlyMap<string, string>,
  positions: Map<string, Layout>,
): void {
  const block = (of: string | null, depth: number): Block => {
    const children = childrenOf(model, parent, of);
    const leaves = children.filter(isNode);
    const boxes = depth > 50 ? [] : children.filter((e) => e.kind === 'trust-boundary');
    const cols = Math.max(1, Math.ceil(Math.sqrt(leaves.length)));
    const rows = Math.ceil(leaves.length / cols);
    const sub = boxes.map((b) => ({ id: b.id, block: block(b.id, depth + 1) }));
    const gridW = leaves.length === 0 ? 0 : cols * CELL_W;
    const gridH = rows * CELL_H;
    const subW = sub.reduce((w, s) => w + s.block.width, 0) + GAP * Math.max(0, sub.length - 1);
    const subH = sub.reduce((h, s) => Math.max(h, s.block.height), 0);
    const innerW = Math.max(gridW, subW);
    const innerH = gridH + (sub.length > 0 && leaves.length > 0 ? GAP / 2 : 0) + subH;
    const framed = of !== null;
    const width = framed ? Math.max(EMPTY_BOX.width, innerW + 2 * PAD) : innerW;
    const height = framed ? Math.max(EMPTY_BOX.height, innerH + 2 * PAD + LABEL) : innerH;
    return {
      width,
      height,
      place: (x, y) => {
        if (of !== null) positions.set(of, { x, y, width, height });
        const ox = framed ? x + PAD : x;
        const oy = framed ? y + PAD + LABEL : y;
        leaves.forEach((n, i) => {
          const size = NODE_SIZE[n.kind] ?? EMPTY_BOX;
          const cx = ox + (i % cols) * CELL_W + (CELL_W - size.width) / 2;
          const cy = oy + Math.floor(i / cols) * CELL_H + (CELL_H - size.height) / 2;
          positions.set(n.id, { x: cx, y: cy, ...size });
        });
        let sx = ox;
        const sy = oy + gridH + (leaves.length > 0 ? GAP / 2 : 0);
        for (const s of sub) {
          s.block.place(sx, sy);
          sx += s.block.width + GAP;
        }
      },
    };
  };
  // Top level: the unbounded nodes as one column, then each top-level boundary.
  const top = childrenOf(model, parent, null);
  let x = PAD;
  const loose = top.filter(isNode);
  if (loose.length > 0) {
    const rows = Math.max(1, Math.ceil(Math.sqrt(loose.length)));
    loose.forEach((n, i) => {
      const size = NODE_SIZE[n.kind] ?? EMPTY_BOX;
      const col = Math.floor(i / rows);
      const row = i % rows;
      positions.set(n.id, {
        x: x + col * CELL_W + (CELL_W - size.width) / 2,
        y: PAD + LABEL + PAD + row * CELL_H + (CELL_H - size.height) / 2,
        ...size,
      });
    });
    x += Math.ceil(loose.length / rows) * CELL_W + GAP;
  }
  for (const b of top.filter((e) => e.kind === 'trust-boundary')) {
    const blk = block(b.id, 0);
    blk.place(x, PAD);
    x += blk.width + GAP;
  }
}

function fitBoxes(
  model: ThreatModel,
  parent: ReadonlyMap<string, string>,
  positions: Map<string, Layout>,
): void {
  const boundaries = model.elements.filter((e) => e.kind === 'trust-boundary');
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parent.get(id); p !== undefined && d < 1000; p = parent.get(p)) d++;
    return d;
  };
  // Deepest first, so an outer box is fitted around inner boxes already placed.
  const order = [...boundaries].sort((a, b) => depth(b.id) - depth(a.id));
  let maxY = 0;
  for (const l of positions.values()) maxY = Math.max(maxY, l.y + l.height);
  let spareX = PAD;
  for (const b of order) {
    const members = [...parent].filter(([, p]) => p === b.id).map(([c]) => positions.get(c));
    const placed = members.filter((l): l is Layout => l !== undefined);
    if (placed.length === 0) {
      const own = b.layout ?? { x: spareX, y: maxY + GAP, ...EMPTY_BOX };
      if (!b.layout) spareX += EMPTY_BOX.width + GAP;
      positions.set(b.id, own);
      continue;
    }
    const own = b.layout;
    if (own && placed.every((l) => inside(centre(l), own))) {
      positions.set(b.id, own);
      continue;
    }
    const x0 = Math.min(...placed.map((l) => l.x)) - PAD;
    const y0 = Math.min(...placed.map((l) => l.y)) - PAD - LABEL;
    const x1 = Math.max(...placed.map((l) => l.x + l.width)) + PAD;
    const y1 = Math.max(...placed.map((l) => l.y + l.height)) + PAD;
    positions.set(b.id, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
}
