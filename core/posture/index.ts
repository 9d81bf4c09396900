// Security posture for leadership: figures computed from the workspace, snapshots, and the
// board report as Markdown and HTML. Pure: the clock comes in as `now`.
export * from './types';
export { computePosture, figureById, figureGroup, builtinCoverage, userCoverage } from './compute';
export * from './period';
export { median, p90, percent } from './stats';
export * from './snapshot';
export { DURATIONS } from './section-response';
export { postureExercise, postureIncident, postureWorkspaceOf } from './adapters';
export { postureHtmlReport, shortLabel } from './report-html';
export { postureMarkdownReport } from './report-markdown';
export { formatValue, changeOf, changeText, comparisonLabel, NO_DATA } from './format';
export type { Change } from './format';
export {
  outline,
  sectionBlocks,
  chartFigures,
  regimeNames,
  barColour,
  REGIME_COLUMNS,
} from './outline';
export type { Block, ChartSpec } from './outline';
export { barChartSvg, trendSvg, riskMatrixHtml, SEVERITY_FILL } from './charts';
