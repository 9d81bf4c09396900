import { escapeHtml as h } from '../threats/escape';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, severity } from '../threats/risk';
import type { Level } from '../threats/model';
import { formatMonth } from './period';
import type { Figure, TrendPoint } from './types';
import { INCIDENT_SEVERITIES } from './types';

// Charts as hand-made inline SVG and HTML, for the HTML report and the dashboard alike:
// no script, no external resource, legible in print and on a projector (large type, high
// contrast, and never colour alone: every bar carries its number). Each chart is an image
// with a text alternative, and a table with the same numbers sits beside it.

/** Severity colours with enough contrast for dark text in light and print. */
export const SEVERITY_FILL: Readonly<Record<string, string>> = {
  critical: '#c9302c',
  high: '#e0663a',
  elevated: '#f0a43a',
  medium: '#e8d25a',
  low: '#7bbf7f',
  SEV1: '#a4262c',
  SEV2: '#d9622b',
  SEV3: '#e8b43a',
  SEV4: '#6f9fd8',
};

const MATRIX_FILL: Readonly<Record<string, string>> = {
  low: '#e5f3e8',
  medium: '#fdf6d8',
  elevated: '#fde7cf',
  high: '#f9d3cf',
  critical: '#e8b4b4',
};

const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** Horizontal bars, one per item, each labelled with its value. */
export function barChartSvg(
  title: string,
  items: readonly {
    readonly label: string;
    readonly value: number | null;
    readonly fill?: string;
  }[],
): string {
  const row = 30;
  const labelWidth = 300;
  const barWidth = 320;
  const width = labelWidth + barWidth + 60;
  const height = items.length * row + 10;
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const bars = items
    .map((it, n) => {
      const y = n * row + 5;
      const w = it.value === null ? 0 : Math.max(it.value > 0 ? 3 : 0, (it.value / max) * barWidth);
      return `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" font-size="15">${h(it.label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="20" fill="${it.fill ?? '#3b6fb6'}"/><text x="${labelWidth + w + 6}" y="${y + 19}" font-size="15" font-weight="600">${it.value ?? 'no data'}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-family="system-ui, sans-serif" fill="currentColor"><title>${h(title)}</title>${bars}</svg>`;
}

/** Live incidents per month, stacked by severity, with each month's total above its bar. */
export function trendSvg(trend: readonly TrendPoint[]): string {
  const col = Math.max(36, Math.min(90, Math.floor(600 / Math.max(1, trend.length))));
  const chartHeight = 180;
  const top = 24;
  const width = Math.max(trend.length * col + 40, 380);
  const height = chartHeight + top + 60;
  const totals = trend.map((t) => INCIDENT_SEVERITIES.reduce((n, s) => n + t.counts[s], 0));
  const max = Math.max(1, ...totals);
  const bars = trend
    .map((t, i) => {
      let y = top + chartHeight;
      const x = 30 + i * col + col * 0.15;
      const w = col * 0.7;
      const parts = INCIDENT_SEVERITIES.map((s) => {
        const hgt = (t.counts[s] / max) * chartHeight;
        y -= hgt;
        return hgt > 0
          ? `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${hgt.toFixed(1)}" fill="${SEVERITY_FILL[s] ?? '#888'}"><title>${s}: ${t.counts[s]}</title></rect>`
          : '';
      }).join('');
      return `${parts}<text x="${(x + w / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" font-size="15" font-weight="600">${totals[i] ?? 0}</text><text x="${(x + w / 2).toFixed(1)}" y="${top + chartHeight + 20}" text-anchor="middle" font-size="13">${h(formatMonth(t.month))}</text>`;
    })
    .join('');
  const legend = INCIDENT_SEVERITIES.map(
    (s, i) =>
      `<rect x="${30 + i * 80}" y="${top + chartHeight + 34}" width="14" height="14" fill="${SEVERITY_FILL[s] ?? '#888'}"/><text x="${48 + i * 80}" y="${top + chartHeight + 46}" font-size="13">${s}</text>`,
  ).join('');
  const summary = trend.map((t, i) => `${formatMonth(t.month)}: ${totals[i] ?? 0}`).join(', ');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-family="system-ui, sans-serif" fill="currentColor"><title>Live incidents per month by severity. ${h(summary)}</title><line x1="26" y1="${top + chartHeight}" x2="${width - 6}" y2="${top + chartHeight}" stroke="currentColor" stroke-width="1"/>${bars}${legend}</svg>`;
}

/**
 * The risk matrix as an HTML table: impact rows (highest first) by likelihood columns,
 * each cell coloured by the band of likelihood × impact and holding its count, with
 * header cells so a screen reader announces both axes.
 */
export function riskMatrixHtml(matrix: readonly Figure[], caption: string): string {
  const cell = (l: Level, i: Level) => matrix.find((f) => f.key === `${l}x${i}`)?.value ?? null;
  const rows = [...LEVELS]
    .reverse()
    .map(
      (i) =>
        `<tr><th scope="row">${i} ${IMPACT_LABELS[i]}</th>${LEVELS.map((l) => {
          const band = severity(l, i);
          const v = cell(l, i);
          return `<td style="background:${MATRIX_FILL[band] ?? '#fff'};color:#1b1f24" title="${band}">${v ?? '–'}<span class="band"> ${band}</span></td>`;
        }).join('')}</tr>`,
    )
    .join('');
  return `<table class="matrix"><caption>${h(caption)}</caption><thead><tr><th scope="col">Impact ↓ / Likelihood →</th>${LEVELS.map((l) => `<th scope="col">${l} ${LIKELIHOOD_LABELS[l]}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}
