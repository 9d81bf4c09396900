// Finding the diagram's nodes in Mermaid's SVG by the ids core generated (n0, n1, …).
// Mermaid 11 prefixes every element id with the SVG's own id:
//   flowchart node      `<svgId>-flowchart-<nodeId>-<counter>`   (g.node)
//   flowchart subgraph  `<svgId>-<subgraphId>`                    (g.cluster)
//   state               `<svgId>-state-<stateId>-<counter>`       (g.node, g.statediagram-cluster)
// The counter is always last, so ids with hyphens of their own still come out whole.

const KIND_PREFIXED = /^(?:flowchart|state)-(.+)-\d+$/;

/** The diagram's own node id for an element id in the SVG, or null for anything else. */
export function nodeIdOf(elementId: string, svgId: string): string | null {
  const prefix = `${svgId}-`;
  if (svgId === '' || !elementId.startsWith(prefix)) return null;
  const rest = elementId.slice(prefix.length);
  const match = KIND_PREFIXED.exec(rest);
  if (match) return match[1] ?? null;
  // Otherwise a subgraph, whose id is its own; a kind prefix without its counter is not
  // a shape this module knows, so it is left alone.
  return rest === '' || rest.startsWith('flowchart-') || rest.startsWith('state-') ? null : rest;
}

export type DiagramNode = {
  readonly element: SVGGElement;
  readonly nodeId: string;
  readonly text: string;
};

const NODE_SELECTOR = 'g.node[id], g.cluster[id], g.statediagram-cluster[id]';

/** The visible text of a label: each line (a row of tspans) joined with a space. */
function labelText(group: Element): string {
  const label = group.querySelector(':scope > g.label, :scope > g.cluster-label') ?? group;
  const text = label.querySelector('text');
  if (!text) return '';
  const rows = text.querySelectorAll(':scope > tspan');
  const lines = rows.length > 0 ? [...rows].map((r) => r.textContent) : [text.textContent];
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** The nodes of a rendered diagram that carry a generated id, with their label text. */
export function diagramNodes(svg: SVGSVGElement): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  for (const element of svg.querySelectorAll<SVGGElement>(NODE_SELECTOR)) {
    const nodeId = nodeIdOf(element.id, svg.id);
    if (nodeId !== null) nodes.push({ element, nodeId, text: labelText(element) });
  }
  return nodes;
}
