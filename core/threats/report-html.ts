import { escapeHtml as h } from './escape';
import type { Level, ThreatModel } from './model';
import { STRIDE_NAMES } from './model';
import type { Severity } from './risk';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, SEVERITIES, severity } from './risk';
import type { ReportOptions } from './report-data';
import { describeCounts, reportData } from './report-data';
import type { ThreatRow } from './views';

// The threat model report as one self-contained HTML document for reading and printing
// (A4). It contains no script and no external resource; a Content-Security-Policy meta tag
// forbids both anyway, as a second line of defence. Every piece of user text passes
// through escapeHtml. A caller's pre-rendered SVG is embedded as an <img> data URL: an
// SVG loaded as an image cannot run script or fetch anything, whatever it contains.

const LEVELS: readonly Level[] = [1, 2, 3, 4];
const COLOURS: Readonly<Record<Severity, string>> = {
  low: '#e5f3e8',
  medium: '#fdf6d8',
  elevated: '#fde7cf',
  high: '#f9d3cf',
  critical: '#e8b4b4',
};

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1px solid #c8cdd3; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border: 1px solid #c8cdd3; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; } tr { break-inside: avoid; }
.sev { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-weight: 600; }
.matrix td { text-align: center; width: 18%; } .muted { color: #5b6570; }
figure { margin: 0; } figure img { max-width: 100%; height: auto; border: 1px solid #c8cdd3; }
ul { margin: 1mm 0 3mm; padding-left: 6mm; }
`;

// Looked up defensively: reports may be asked to print a model that was never validated.
const colour = (s: string) => (Object.hasOwn(COLOURS, s) ? COLOURS[s as Severity] : '#ffffff');
const sev = (s: Severity) => `<span class="sev" style="background:${colour(s)}">${h(s)}</span>`;
const table = (head: readonly string[], body: readonly (readonly string[])[], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
const list = (xs: readonly string[]) => (xs.length === 0 ? '–' : xs.map(h).join(', '));
const threatName = (r: ThreatRow) =>
  `${h(r.title)}${r.operation === null ? '' : ` <span class="muted">${h(r.operation)}</span>`}`;

/** The whole report as a self-contained HTML document. */
export function toHtmlReport(model: ThreatModel, options: ReportOptions = {}): string {
  const d = reportData(model, options);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>Threat model: ${h(model.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>Threat model: ${h(model.title)}</h1>`,
  ];
  if (options.generatedAt !== undefined)
    out.push(`<p class="muted">Generated ${h(options.generatedAt)}</p>`);

  const last = d.versions[d.versions.length - 1];
  out.push('<h2>Summary</h2><ul>');
  out.push(`<li><strong>APIs:</strong> ${list(model.apiIds)}</li>`);
  if (model.scope.trim() !== '') out.push(`<li><strong>Scope:</strong> ${h(model.scope)}</li>`);
  out.push(`<li><strong>Elements:</strong> ${describeCounts(d.elementCounts)}</li>`);
  out.push(
    `<li><strong>Threats:</strong> ${d.threats.length} (${d.statusCounts.open} open, ${d.statusCounts.mitigated} mitigated, ${d.statusCounts.accepted} accepted, ${d.statusCounts.transferred} transferred, ${d.statusCounts['not-applicable']} not applicable)</li>`,
  );
  out.push(
    `<li><strong>By severity:</strong> ${[...SEVERITIES]
      .reverse()
      .map((s) => `${sev(s)} ${d.severityCounts[s]}`)
      .join(' ')}</li>`,
  );
  if (d.staleCount > 0)
    out.push(`<li><strong>Stale threats (not listed):</strong> ${d.staleCount}</li>`);
  out.push(
    `<li><strong>Signed off:</strong> ${last ? `version ${last.version} by ${h(last.signedBy)} on ${h(last.signedAt)}` : 'not yet'}</li></ul>`,
  );

  if (model.assumptions.length > 0)
    out.push(
      '<h2>Assumptions</h2><ul>',
      ...model.assumptions.map((a) => `<li>${h(a)}</li>`),
      '</ul>',
    );

  if (options.diagramSvg !== undefined)
    out.push(
      '<h2>Diagram</h2><figure>',
      `<img alt="Data flow diagram" src="${h(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(options.diagramSvg)}`)}">`,
      '</figure>',
    );

  out.push('<h2>Assets</h2>');
  out.push(
    model.assets.length === 0
      ? '<p>No assets recorded.</p>'
      : table(
          ['Asset', 'Sensitivity', 'Data classes', 'Description'],
          model.assets.map((a) => [
            h(a.name),
            h(a.sensitivity),
            list(a.dataClasses),
            h(a.description),
          ]),
        ),
  );

  out.push('<h2>Threats by severity</h2>');
  if (d.threats.length === 0) out.push('<p>No threats.</p>');
  for (const group of d.bySeverity) {
    out.push(`<h3>${sev(group.severity)} ${group.rows.length}</h3>`);
    out.push(
      table(
        ['Threat', 'Element', 'STRIDE', 'OWASP', 'CWE', 'L × I', 'Status', 'Residual', 'Why'],
        group.rows.map((r) => [
          threatName(r),
          h(r.elementName),
          h(STRIDE_NAMES[r.stride]),
          h(r.owasp ?? '–'),
          list(r.cwe),
          `${r.likelihood} × ${r.impact}${r.overrideRationale === null ? '' : `<br><span class="muted">override: ${h(r.overrideRationale)}</span>`}`,
          h(r.status),
          sev(r.residualSeverity),
          h(r.evidence),
        ]),
      ),
    );
  }

  out.push(
    '<h2>Risk matrix</h2><p class="muted">Active threats by likelihood (columns) and impact (rows).</p>',
  );
  out.push(
    table(
      ['Impact \\ Likelihood', ...LEVELS.map((l) => `${l} ${LIKELIHOOD_LABELS[l]}`)],
      [...LEVELS]
        .reverse()
        .map((i) => [
          `<strong>${i} ${IMPACT_LABELS[i]}</strong>`,
          ...LEVELS.map(
            (l) =>
              `<span class="sev" style="background:${colour(severity(l, i))}">${d.matrix[i - 1]?.[l - 1] ?? 0}</span>`,
          ),
        ]),
      'matrix',
    ),
  );

  out.push('<h2>Mitigations</h2>');
  out.push(
    d.mitigations.length === 0
      ? '<p>No mitigations recorded.</p>'
      : table(
          ['Mitigation', 'Threat', 'Element', 'Status', 'Owner', 'Due'],
          d.mitigations.map(({ threat, mitigation: m }) => [
            h(m.title),
            threatName(threat),
            h(threat.elementName),
            h(m.status),
            m.owner === '' ? '–' : h(m.owner),
            h(m.due ?? '–'),
          ]),
        ),
  );

  out.push('<h2>Accepted risks</h2>');
  out.push(
    d.accepted.length === 0
      ? '<p>No accepted risks.</p>'
      : table(
          ['Threat', 'Element', 'Severity', 'Owner', 'Rationale', 'Expires'],
          d.accepted.map(({ threat: r, expired }) => [
            threatName(r),
            h(r.elementName),
            sev(r.severity),
            h(r.acceptance?.owner ?? ''),
            h(r.acceptance?.rationale ?? ''),
            `${h(r.acceptance?.expires ?? '–')}${expired ? ' <strong>(expired)</strong>' : ''}`,
          ]),
        ),
  );

  out.push('<h2>Sign-off</h2>');
  out.push(
    d.versions.length === 0
      ? '<p>Not signed off yet.</p>'
      : table(
          ['Version', 'Signed by', 'Signed at', 'Note'],
          d.versions.map((v) => [String(v.version), h(v.signedBy), h(v.signedAt), h(v.note)]),
        ),
  );
  out.push('</body></html>', '');
  return out.join('\n');
}
