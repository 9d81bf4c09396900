import { escapeMarkdown as md } from './escape';
import type { Level, ThreatModel } from './model';
import { STRIDE_NAMES } from './model';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, SEVERITIES, severity } from './risk';
import type { ReportOptions } from './report-data';
import { describeCounts, reportData } from './report-data';
import type { ThreatRow } from './views';

// The threat model report as Markdown (for repositories, wikis and pull requests). All user
// text goes through escapeMarkdown; the diagram, when given, is Mermaid source in a fence
// (GitHub and GitLab render it), and Mermaid labels are entity-coded so the fence holds.

const LEVELS: readonly Level[] = [1, 2, 3, 4];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], body: readonly (readonly string[])[]) => [
  row(head),
  row(head.map(() => '---')),
  ...body.map(row),
];
const list = (xs: readonly string[]) => (xs.length === 0 ? '–' : xs.map(md).join(', '));
const threatName = (r: ThreatRow) =>
  `${md(r.title)}${r.operation === null ? '' : ` (${md(r.operation)})`}`;

/** The whole report as Markdown text. */
export function toMarkdownReport(model: ThreatModel, options: ReportOptions = {}): string {
  const d = reportData(model, options);
  const out: string[] = [`# Threat model: ${md(model.title)}`, ''];
  if (options.generatedAt !== undefined) out.push(`_Generated ${md(options.generatedAt)}_`, '');

  out.push('## Summary', '');
  out.push(`- **APIs:** ${list(model.apiIds)}`);
  if (model.scope.trim() !== '') out.push(`- **Scope:** ${md(model.scope)}`);
  out.push(`- **Elements:** ${describeCounts(d.elementCounts)}`);
  out.push(
    `- **Threats:** ${d.threats.length} (${d.statusCounts.open} open, ${d.statusCounts.mitigated} mitigated, ${d.statusCounts.accepted} accepted, ${d.statusCounts.transferred} transferred, ${d.statusCounts['not-applicable']} not applicable)`,
  );
  out.push(
    `- **By severity:** ${[...SEVERITIES]
      .reverse()
      .map((s) => `${s} ${d.severityCounts[s]}`)
      .join(', ')}`,
  );
  if (d.staleCount > 0) out.push(`- **Stale threats (not listed):** ${d.staleCount}`);
  const last = d.versions[d.versions.length - 1];
  out.push(
    last
      ? `- **Signed off:** version ${last.version} by ${md(last.signedBy)} on ${md(last.signedAt)}`
      : '- **Signed off:** not yet',
  );
  out.push('');

  if (model.assumptions.length > 0)
    out.push('## Assumptions', '', ...model.assumptions.map((a) => `- ${md(a)}`), '');

  if (options.mermaid !== undefined)
    out.push(
      '## Diagram',
      '',
      '```mermaid',
      options.mermaid.replace(/`/g, '#96;').trimEnd(),
      '```',
      '',
    );

  out.push('## Assets', '');
  if (model.assets.length === 0) out.push('No assets recorded.', '');
  else
    out.push(
      ...table(
        ['Asset', 'Sensitivity', 'Data classes', 'Description'],
        model.assets.map((a) => [
          md(a.name),
          md(a.sensitivity),
          list(a.dataClasses),
          md(a.description),
        ]),
      ),
      '',
    );

  out.push('## Threats by severity', '');
  if (d.threats.length === 0) out.push('No threats.', '');
  for (const group of d.bySeverity) {
    out.push(`### ${cap(group.severity)} (${group.rows.length})`, '');
    out.push(
      ...table(
        ['Threat', 'Element', 'STRIDE', 'OWASP', 'CWE', 'L × I', 'Status', 'Residual'],
        group.rows.map((r) => [
          threatName(r),
          md(r.elementName),
          md(STRIDE_NAMES[r.stride]),
          md(r.owasp ?? '–'),
          list(r.cwe),
          `${r.likelihood} × ${r.impact}${r.overrideRationale === null ? '' : ` (override: ${md(r.overrideRationale)})`}`,
          md(r.status),
          md(r.residualSeverity),
        ]),
      ),
      '',
    );
  }

  out.push('## Risk matrix', '', 'Active threats by likelihood (columns) and impact (rows).', '');
  out.push(
    ...table(
      ['Impact \\ Likelihood', ...LEVELS.map((l) => `${l} ${LIKELIHOOD_LABELS[l]}`)],
      [...LEVELS]
        .reverse()
        .map((i) => [
          `${i} ${IMPACT_LABELS[i]}`,
          ...LEVELS.map((l) => `${d.matrix[i - 1]?.[l - 1] ?? 0} (${severity(l, i)})`),
        ]),
    ),
    '',
  );

  out.push('## Mitigations', '');
  if (d.mitigations.length === 0) out.push('No mitigations recorded.', '');
  else
    out.push(
      ...table(
        ['Mitigation', 'Threat', 'Element', 'Status', 'Owner', 'Due'],
        d.mitigations.map(({ threat, mitigation: m }) => [
          md(m.title),
          threatName(threat),
          md(threat.elementName),
          md(m.status),
          m.owner === '' ? '–' : md(m.owner),
          md(m.due ?? '–'),
        ]),
      ),
      '',
    );

  out.push('## Accepted risks', '');
  if (d.accepted.length === 0) out.push('No accepted risks.', '');
  else
    out.push(
      ...table(
        ['Threat', 'Element', 'Severity', 'Owner', 'Rationale', 'Expires'],
        d.accepted.map(({ threat: r, expired }) => [
          threatName(r),
          md(r.elementName),
          md(r.severity),
          md(r.acceptance?.owner ?? ''),
          md(r.acceptance?.rationale ?? ''),
          `${md(r.acceptance?.expires ?? '–')}${expired ? ' (expired)' : ''}`,
        ]),
      ),
      '',
    );

  out.push('## Sign-off', '');
  if (d.versions.length === 0) out.push('Not signed off yet.', '');
  else
    out.push(
      ...table(
        ['Version', 'Signed by', 'Signed at', 'Note'],
        d.versions.map((v) => [String(v.version), md(v.signedBy), md(v.signedAt), md(v.note)]),
      ),
      '',
    );
  return out.join('\n');
}
