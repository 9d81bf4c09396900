import { escapeMarkdown as md } from '../threats/escape';
import { mermaidLabel } from '../shared/mermaid-label';
import { changeText, comparisonLabel, formatValue } from './format';
import { shortLabel } from './report-html';
import type { Block } from './outline';
import { REGIME_COLUMNS, chartFigures, outline, regimeNames } from './outline';
import { formatDay, formatMonth, periodLabel } from './period';
import type { Figure, Posture } from './types';
import { INCIDENT_SEVERITIES, SECTION_QUESTIONS, SECTION_TITLES } from './types';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../threats/risk';
import type { Level } from '../threats/model';

// The board report in Markdown: headline figures first, then one section per question,
// with Mermaid charts (xychart-beta for trends, pie for distributions) where a renderer
// draws them. User text is escaped for Markdown; chart labels go through mermaidLabel.

const change = changeText;

function table(figures: readonly Figure[]): string[] {
  return [
    '| Figure | This period | Before | Change |',
    '| --- | ---: | ---: | --- |',
    ...figures.map(
      (f) =>
        `| ${md(f.label)} | ${formatValue(f.value, f.unit)} | ${formatValue(f.previous, f.unit)} | ${change(f)} |`,
    ),
  ];
}

function pie(title: string, figures: readonly Figure[]): string[] {
  const parts = figures.filter((f) => (f.value ?? 0) > 0);
  if (parts.length === 0) return [];
  return [
    '```mermaid',
    `pie showData title ${mermaidLabel(title, 80)}`,
    ...parts.map((f) => `    "${mermaidLabel(shortLabel(f), 60)}" : ${f.value ?? 0}`),
    '```',
    '',
  ];
}

function trend(p: Posture): string[] {
  if (p.trend.length === 0) return [];
  const totals = p.trend.map((t) => INCIDENT_SEVERITIES.reduce((n, s) => n + t.counts[s], 0));
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Live incidents per month"',
    `    x-axis [${p.trend.map((t) => `"${mermaidLabel(formatMonth(t.month), 20)}"`).join(', ')}]`,
    `    y-axis "Incidents" 0 --> ${Math.max(1, ...totals)}`,
    `    bar [${totals.join(', ')}]`,
    '```',
    '',
    '| Month | ' + INCIDENT_SEVERITIES.join(' | ') + ' | Total |',
    '| --- | ' + INCIDENT_SEVERITIES.map(() => '---:').join(' | ') + ' | ---: |',
    ...p.trend.map(
      (t, i) =>
        `| ${formatMonth(t.month)} | ${INCIDENT_SEVERITIES.map((s) => t.counts[s]).join(' | ')} | ${totals[i] ?? 0} |`,
    ),
    '',
  ];
}

function matrix(block: Block): string[] {
  const levels: Level[] = [1, 2, 3, 4];
  const v = (l: Level, i: Level) => {
    const f = block.figures.find((x) => x.key === `${l}x${i}`);
    return f?.value === null || f === undefined ? '–' : String(f.value);
  };
  return [
    'Open threats by likelihood (columns) and impact (rows).',
    '',
    `| Impact \\ Likelihood | ${levels.map((l) => `${l} ${LIKELIHOOD_LABELS[l]}`).join(' | ')} |`,
    `| --- | ${levels.map(() => '---:').join(' | ')} |`,
    ...[...levels]
      .reverse()
      .map((i) => `| **${i} ${IMPACT_LABELS[i]}** | ${levels.map((l) => v(l, i)).join(' | ')} |`),
    '',
  ];
}

function regimes(p: Posture): string[] {
  const names = regimeNames(p);
  if (names.length === 0) return ['No regulatory regime is recorded on any API in service.', ''];
  const val = (r: string, k: string) => {
    const f = p.figures.find((x) => x.id === `regulatory.${r}.${k}`);
    return f
      ? `${formatValue(f.value, f.unit)}${f.previous === null ? '' : ` (was ${formatValue(f.previous, f.unit)})`}`
      : '–';
  };
  return [
    `| Regime | ${REGIME_COLUMNS.map(([, t]) => t).join(' | ')} |`,
    `| --- | ${REGIME_COLUMNS.map(() => '---:').join(' | ')} |`,
    ...names.map((r) => `| ${md(r)} | ${REGIME_COLUMNS.map(([k]) => val(r, k)).join(' | ')} |`),
    '',
  ];
}

/** The board report as Markdown. */
export function postureMarkdownReport(
  p: Posture,
  options: { readonly generatedAt?: string } = {},
): string {
  const out: string[] = [
    `# API security posture: ${periodLabel(p.period)}`,
    '',
    `${md(comparisonLabel(p))}. Figures as of ${formatDay(p.asOf.slice(0, 10) as never)}${options.generatedAt ? `; generated ${md(options.generatedAt)}` : ''}. Live incidents only: exercises are never counted. "no data" means nothing was recorded to measure.`,
    '',
    '## Headline figures',
    '',
    ...table(p.figures.filter((f) => f.headline)),
    '',
  ];
  for (const { section, blocks } of outline(p)) {
    out.push(`## ${SECTION_TITLES[section]}`, '', `*${SECTION_QUESTIONS[section]}*`, '');
    for (const b of blocks) {
      out.push(`### ${md(b.title)}`, '');
      switch (b.chart?.kind) {
        case 'bars':
          out.push(...pie(b.chart.title, chartFigures(b)));
          break;
        case 'trend':
          out.push(...trend(p));
          break;
        case 'matrix':
          out.push(...matrix(b));
          continue;
        case 'regimes':
          out.push(...regimes(p));
          continue;
        case undefined:
          break;
      }
      out.push(...table(b.figures), '');
    }
  }
  out.push(
    '## Definitions',
    '',
    ...p.figures
      .filter((f) => f.group === undefined || f.headline)
      .map((f) => `- **${md(f.label)}**: ${md(f.definition)}`),
    '',
  );
  return out.join('\n');
}
