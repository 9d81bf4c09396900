import { toCsv } from './escape';
import type { ThreatModel } from './model';
import { STRIDE_NAMES } from './model';
import { bySeverity, threatRows } from './views';

// CSV for issue trackers (Jira, GitHub, GitLab imports and spreadsheets). Every cell goes
// through csvCell: formula injection neutralised, RFC 4180 quoting, CRLF line ends.

/** Threats as CSV, most severe first; stale threats only when asked for. */
export function threatsCsv(
  model: ThreatModel,
  options: { readonly includeStale?: boolean } = {},
): string {
  const rows = bySeverity(threatRows(model, options));
  return toCsv([
    [
      'Threat id',
      'Title',
      'Element',
      'Element kind',
      'STRIDE',
      'OWASP API 2023',
      'CWE',
      'CAPEC',
      'Likelihood',
      'Impact',
      'Severity',
      'Override rationale',
      'Residual severity',
      'Status',
      'Accepted by',
      'Acceptance expires',
      'Mitigations',
      'Operation',
      'Location',
      'Rule',
      'Source',
      'Stale',
      'Why',
      'Notes',
      'Description',
    ],
    ...rows.map((r) => [
      r.id,
      r.title,
      r.elementName,
      r.elementKind,
      STRIDE_NAMES[r.stride],
      r.owasp,
      r.cwe.join(' '),
      r.capec.join(' '),
      r.likelihood,
      r.impact,
      r.severity,
      r.overrideRationale,
      r.residualSeverity,
      r.status,
      r.acceptance?.owner ?? null,
      r.acceptance?.expires ?? null,
      r.mitigations.map((m) => `${m.title} [${m.status}]`).join('; '),
      r.operation,
      r.location,
      r.ruleId,
      r.source,
      r.stale ? r.staleReason : null,
      r.evidence,
      r.notes,
      r.description,
    ]),
  ]);
}

/** Mitigations as CSV: one row per mitigation with its threat, owner and due date. */
export function mitigationsCsv(model: ThreatModel): string {
  const rows = bySeverity(threatRows(model));
  return toCsv([
    [
      'Mitigation id',
      'Title',
      'Description',
      'Status',
      'Owner',
      'Due',
      'Threat id',
      'Threat',
      'Element',
      'Severity',
      'Threat status',
    ],
    ...rows.flatMap((r) =>
      r.mitigations.map((m) => [
        m.id,
        m.title,
        m.description,
        m.status,
        m.owner,
        m.due,
        r.id,
        r.title,
        r.elementName,
        r.severity,
        r.status,
      ]),
    ),
  ]);
}
