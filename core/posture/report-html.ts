import { escapeHtml as h } from '../threats/escape';
import { barChartSvg, riskMatrixHtml, trendSvg } from './charts';
import { changeOf, changeText, comparisonLabel, formatValue } from './format';
import type { Block } from './outline';
import { REGIME_COLUMNS, barColour, chartFigures, outline, regimeNames } from './outline';
import { formatDay, periodLabel } from './period';
import type { Figure, Posture } from './types';
import { SECTION_QUESTIONS, SECTION_TITLES } from './types';

// The board report as one self-contained HTML document: a first page of headline figures
// with the change since the comparison period, then one section per question. No script
// and no external resource (a CSP meta tag forbids both as a second line of defence);
// every piece of user text (regime names, labels built from record names) is escaped.

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; }
h1 { font-size: 22pt; margin: 0 0 2mm; } h2 { font-size: 16pt; margin: 6mm 0 1mm; border-bottom: 2px solid #1b1f24; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 5mm 0 2mm; break-after: avoid; }
.question { font-size: 12pt; color: #39424d; margin: 0 0 3mm; font-style: italic; }
.lead { font-size: 12pt; margin: 0 0 5mm; color: #39424d; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
.card { border: 1px solid #b5bcc4; border-radius: 2mm; padding: 3mm; break-inside: avoid; }
.card .label { font-size: 10pt; color: #39424d; } .card .value { font-size: 22pt; font-weight: 700; line-height: 1.2; }
.card .change { font-size: 10pt; }
.better { color: #1d6b34; } .worse { color: #a4262c; } .none, .same { color: #39424d; }
.summary-page { break-after: page; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 10pt; }
th, td { border: 1px solid #b5bcc4; padding: 1.4mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; } tr, .chart, .matrix { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.def { color: #39424d; font-size: 9.5pt; font-weight: 400; }
th.fig { width: 58%; } th.n { width: 12%; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
.matrix td { text-align: center; font-size: 14pt; font-weight: 700; width: 17%; }
.matrix .band { display: block; font-size: 8.5pt; font-weight: 400; }
.chart { display: block; margin: 2mm 0 4mm; color: #1b1f24; }
.muted { color: #39424d; }
`;

function card(f: Figure): string {
  const c = changeOf(f);
  return `<div class="card"><div class="label">${h(f.label)}</div><div class="value">${h(formatValue(f.value, f.unit))}</div><div class="change ${c.tone}">${h(changeText(f))}${f.previous === null ? '' : ` (was ${h(formatValue(f.previous, f.unit))})`}</div></div>`;
}

/** The table of a block's figures: value, previous, change, definition. */
function figureTable(figures: readonly Figure[]): string {
  const rows = figures
    .map((f) => {
      const c = changeOf(f);
      return `<tr><th scope="row">${h(f.label)}<div class="def">${h(f.definition)}</div></th><td class="num">${h(formatValue(f.value, f.unit))}</td><td class="num">${h(formatValue(f.previous, f.unit))}</td><td class="${c.tone}">${h(changeText(f))}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col" class="fig">Figure</th><th scope="col" class="n">This period</th><th scope="col" class="n">Before</th><th scope="col">Change</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function regimeTable(p: Posture): string {
  const names = regimeNames(p);
  if (names.length === 0) return '<p>No regulatory regime is recorded on any API in service.</p>';
  const cell = (regime: string, key: string) => {
    const f = p.figures.find((x) => x.id === `regulatory.${regime}.${key}`);
    if (!f) return '<td class="num">–</td>';
    const c = changeOf(f);
    return `<td class="num">${h(formatValue(f.value, f.unit))}${c.arrow ? ` <span class="${c.tone}">${c.arrow}</span>` : ''}</td>`;
  };
  return `<table><thead><tr><th scope="col">Regime</th>${REGIME_COLUMNS.map(([, t]) => `<th scope="col">${t}</th>`).join('')}</tr></thead><tbody>${names
    .map(
      (r) =>
        `<tr><th scope="row">${h(r)}</th>${REGIME_COLUMNS.map(([k]) => cell(r, k)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function chart(block: Block, p: Posture): string {
  const spec = block.chart;
  if (!spec) return '';
  switch (spec.kind) {
    case 'bars': {
      const figures = chartFigures(block);
      if (figures.every((f) => f.value === null)) return '';
      return barChartSvg(
        spec.title,
        figures.map((f) => ({
          label: f.key === undefined ? f.label : shortLabel(f),
          value: f.value,
          fill: spec.colours === 'severity' ? barColour(f.key) : undefined,
        })),
      );
    }
    case 'trend':
      return p.trend.length > 0 ? trendSvg(p.trend) : '';
    case 'matrix':
      return riskMatrixHtml(
        block.figures,
        'Open threats by likelihood (columns) and impact (rows); the colour is the rating band.',
      );
    case 'regimes':
      return regimeTable(p);
  }
}

/** A chart label: the category, not the whole sentence. */
export function shortLabel(f: Figure): string {
  const key = f.key ?? f.label;
  if (f.group === 'design.open-by-owasp' || f.group === 'preparedness.owasp')
    return key === 'none' ? 'Not in the Top 10' : key.replace(':2023', '');
  if (f.group === 'preparedness.evaluation') return f.label.replace(/^Objectives /, '');
  return f.label
    .replace(/ APIs$/, '')
    .replace(/^APIs handling /, '')
    .replace(/^Open /, '')
    .replace(/ threats$/, '')
    .replace(/^Mitigations /, '');
}

/** The board report as a self-contained HTML document. */
export function postureHtmlReport(
  p: Posture,
  options: { readonly generatedAt?: string; readonly organisation?: string } = {},
): string {
  const title = `API security posture: ${periodLabel(p.period)}`;
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${h(title)}</title><style>${STYLE}</style></head><body>`,
    '<section class="summary-page">',
    `<h1>${h(options.organisation ? `${options.organisation}: ${title}` : title)}</h1>`,
    `<p class="lead">${h(comparisonLabel(p))}. Figures as of ${h(formatDay(p.asOf.slice(0, 10) as never))}${options.generatedAt ? `; generated ${h(options.generatedAt)}` : ''}. Live incidents only: exercises are never counted. "no data" means nothing was recorded to measure.</p>`,
    '<h2>Headline figures</h2>',
    `<div class="cards">${p.figures
      .filter((f) => f.headline)
      .map(card)
      .join('')}</div>`,
    '</section>',
  ];
  for (const { section, blocks } of outline(p)) {
    out.push(
      `<section><h2>${h(SECTION_TITLES[section])}</h2><p class="question">${h(SECTION_QUESTIONS[section])}</p>`,
    );
    for (const b of blocks) {
      out.push(`<h3>${h(b.title)}</h3>`);
      out.push(chart(b, p));
      if (b.chart?.kind !== 'regimes' && b.chart?.kind !== 'matrix')
        out.push(figureTable(b.figures));
    }
    out.push('</section>');
  }
  out.push('</body></html>');
  return out.join('\n');
}
