import { escapeHtml as h } from '../threats/escape';
import type { IncidentReportOptions, ReportSection } from './report-data';
import { incidentReport } from './report-data';
import type { Evidence, Incident, TimelineEntry } from './types';

// The incident report as one self-contained HTML document for reading and printing (A4),
// like the threat model report: no script, no external resource, a Content-Security-Policy
// meta tag forbidding both, and every piece of user text through escapeHtml. An exercise
// carries a banner at the top and a mark fixed to the page corner, which Chromium repeats
// on every printed page.

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1px solid #c8cdd3; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border: 1px solid #c8cdd3; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #eef1f4; } tr { break-inside: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; } dt { font-weight: 600; } dd { margin: 0; }
p.text { white-space: pre-wrap; margin: 0 0 3mm; } .muted { color: #5b6570; }
.chain-ok { color: #1d6b35; font-weight: 600; } .chain-bad { color: #a4161a; font-weight: 700; }
.exercise { border: 3px solid #a4161a; color: #a4161a; background: #fff1f0; font-weight: 800; font-size: 14pt; letter-spacing: .08em; padding: 3mm 4mm; margin: 0 0 5mm; text-align: center; }
.exercise-mark { position: fixed; top: 2mm; right: 2mm; border: 2px solid #a4161a; color: #a4161a; font-weight: 800; padding: 0.5mm 2mm; background: #fff; }
ul { margin: 1mm 0 3mm; padding-left: 6mm; }
@media print { .exercise { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function section(s: ReportSection): string {
  const title = `<h2>${h(s.title)}</h2>`;
  switch (s.kind) {
    case 'facts':
      return `${title}<dl>${s.items.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
    case 'table':
      if (s.rows.length === 0) return `${title}<p class="muted">${h(s.empty)}</p>`;
      return `${title}<table><thead><tr>${s.head.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${s.rows
        .map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'text':
      return `${title}${s.paragraphs.map((p) => `<p class="text">${h(p)}</p>`).join('')}`;
    case 'list':
      return s.items.length === 0
        ? `${title}<p class="muted">None recorded.</p>`
        : `${title}<ul>${s.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
  }
}

/** The incident report as a self-contained HTML document (print-ready). */
export function incidentReportHtml(
  incident: Incident,
  timeline: readonly TimelineEntry[],
  evidence: readonly Evidence[],
  options: IncidentReportOptions,
): string {
  const r = incidentReport(incident, timeline, evidence, options);
  const chainOk = !r.chain.startsWith('TIMELINE CHAIN BROKEN');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(r.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    r.exercise ? '<div class="exercise-mark" aria-hidden="true">EXERCISE</div>' : '',
    r.exercise
      ? '<p class="exercise" role="note">EXERCISE — NOT A REAL INCIDENT. Times are simulated; excluded from live metrics.</p>'
      : '',
    `<h1>${h(r.title)}</h1>`,
    `<p class="muted">${h(r.generated)}</p>`,
    `<p class="${chainOk ? 'chain-ok' : 'chain-bad'}">${h(r.chain)}</p>`,
    ...r.sections.map(section),
    r.exercise ? '<p class="exercise">EXERCISE — NOT A REAL INCIDENT.</p>' : '',
    '</body></html>',
    '',
  ].join('\n');
}
