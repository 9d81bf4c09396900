// The diagram adapter for the UI. Importing this costs the first screen a few kilobytes:
// Mermaid itself is loaded by renderDiagram on first use.
export {
  mermaidConfig,
  preloadMermaid,
  renderDiagram,
  type DiagramTheme,
  type RenderOutcome,
} from './mermaid';
export { checkDiagramSize, DIAGRAM_LIMITS, estimateEdges } from './limits';
export { diagramNodes, nodeIdOf, type DiagramNode } from './nodes';
export { sanitizeSvg } from './sanitize';
export {
  bytesToBase64,
  diagramFileName,
  diagramPngFile,
  pngSize,
  saveDiagramPng,
  saveDiagramSvg,
  standaloneSvg,
  svgSize,
  svgToBlob,
  svgToPngBlob,
  type DiagramSize,
  type PngFile,
} from './export';
