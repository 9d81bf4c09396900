import { escapeMarkdown } from '../threats/escape';
import type { ChainVerdict } from './chain';
import type { IncidentReportOptions, ReportSection } from './report-data';
import { incidentReport } from './report-data';
import type { Evidence, Incident, TimelineEntry } from './types';

// The incident report as Markdown. Every piece of user text passes through
// escapeMarkdown; text that starts a line (paragraphs) additionally has block syntax
// (`#`, `>`, `-`, `+`, `1.`) escaped so that it can never become a heading or a list.

const md = escapeMarkdown;

/** One line of user text that starts a Markdown line: inline and block syntax escaped. */
export function mdLine(text: string): string {
  return md(text.trimStart()).replace(/^([#>+=-]|\d+[.)])/, (m) =>
    m.length > 1 ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`,
  );
}

const row = (cells: readonly string[]) => `| ${cells.map(md).join(' | ')} |`;

function section(s: ReportSection): string[] {
  const out = [`## ${md(s.title)}`, ''];
  switch (s.kind) {
    case 'facts':
      for (const [k, v] of s.items) out.push(`- **${md(k)}:** ${md(v)}`);
      break;
    case 'table':
      if (s.rows.length === 0) out.push(`_${md(s.empty)}_`);
      else out.push(row(s.head), `|${s.head.map(() => ' --- |').join('')}`, ...s.rows.map(row));
      break;
    case 'text':
      for (const p of s.paragraphs) {
        out.push(
          p
            .split(/\r\n?|\n/)
            .map((l) => mdLine(l))
            .join('  \n'),
          '',
        );
      }
      out.pop();
      break;
    case 'list':
      if (s.items.length === 0) out.push('_None recorded._');
      for (const i of s.items) out.push(`- ${md(i)}`);
      break;
  }
  out.push('');
  return out;
}

/** The incident report as Markdown text (exercises marked EXERCISE at the top and bottom). */
export function incidentReportMarkdown(
  incident: Incident,
  timeline: readonly TimelineEntry[],
  evidence: readonly Evidence[],
  options: IncidentReportOptions & { readonly verdict?: ChainVerdict },
): string {
  const r = incidentReport(incident, timeline, evidence, options);
  const banner =
    '> **EXERCISE — NOT A REAL INCIDENT.** Times are simulated; excluded from live metrics.';
  const out = [`# ${md(r.title)}`, ''];
  if (r.exercise) out.push(banner, '');
  out.push(`_${md(r.generated)}_`, '', `**${md(r.chain)}**`, '');
  for (const s of r.sections) out.push(...section(s));
  if (r.exercise) out.push(banner, '');
  return out.join('\n');
}
