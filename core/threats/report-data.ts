import type { IsoDate, IsoTimestamp } from '../shared/brand';
import { compareText } from './generate';
import type { ElementKind, Mitigation, SignedVersion, ThreatModel, ThreatStatus } from './model';
import { ELEMENT_KINDS, THREAT_STATUSES } from './model';
import type { Severity } from './risk';
import { SEVERITIES } from './risk';
import type { ThreatRow } from './views';
import { bySeverity, riskMatrix, threatRows } from './views';

// What every report shows, computed once; the Markdown and HTML writers only format it.

/** Options shared by the report writers. */
export type ReportOptions = {
  /** For marking expired acceptances; without it nothing is marked. */
  readonly today?: IsoDate;
  /** Printed in the header when given (core does not read the clock). */
  readonly generatedAt?: IsoTimestamp;
  /** A pre-rendered diagram (HTML report); embedded as an image so it cannot run script. */
  readonly diagramSvg?: string;
  /** Mermaid source for the Markdown report's diagram section. */
  readonly mermaid?: string;
};

/** A mitigation with the threat it answers. */
export type MitigationLine = { readonly threat: ThreatRow; readonly mitigation: Mitigation };
/** An accepted risk, flagged when its acceptance has expired. */
export type AcceptedRisk = { readonly threat: ThreatRow; readonly expired: boolean };

/** Everything a report prints, in print order. */
export type ReportData = {
  readonly model: ThreatModel;
  readonly elementCounts: Readonly<Record<ElementKind, number>>;
  readonly threats: readonly ThreatRow[];
  readonly bySeverity: readonly {
    readonly severity: Severity;
    readonly rows: readonly ThreatRow[];
  }[];
  readonly severityCounts: Readonly<Record<Severity, number>>;
  readonly statusCounts: Readonly<Record<ThreatStatus, number>>;
  readonly staleCount: number;
  /** matrix[impact - 1][likelihood - 1]: active threats in that cell. */
  readonly matrix: readonly (readonly number[])[];
  readonly mitigations: readonly MitigationLine[];
  readonly accepted: readonly AcceptedRisk[];
  readonly versions: readonly SignedVersion[];
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Gathers the report's content from a model. */
export function reportData(model: ThreatModel, options: ReportOptions = {}): ReportData {
  const all = threatRows(model, { includeStale: true });
  const threats = bySeverity(all.filter((r) => !r.stale));
  const elementCounts = zeros(ELEMENT_KINDS);
  for (const e of model.elements) elementCounts[e.kind]++;
  const severityCounts = zeros(SEVERITIES);
  const statusCounts = zeros(THREAT_STATUSES);
  for (const r of threats) {
    severityCounts[r.severity]++;
    statusCounts[r.status]++;
  }
  const mitigations = threats
    .flatMap((threat) => threat.mitigations.map((mitigation) => ({ threat, mitigation })))
    .sort(
      (a, b) =>
        compareText(a.mitigation.due ?? '9999', b.mitigation.due ?? '9999') ||
        compareText(a.mitigation.owner, b.mitigation.owner) ||
        compareText(a.threat.id, b.threat.id) ||
        compareText(a.mitigation.id, b.mitigation.id),
    );
  const accepted = threats
    .filter((r) => r.status === 'accepted')
    .map((threat) => ({
      threat,
      expired:
        options.today !== undefined &&
        threat.acceptance !== null &&
        threat.acceptance.expires < options.today,
    }));
  return {
    model,
    elementCounts,
    threats,
    bySeverity: [...SEVERITIES]
      .reverse()
      .map((severity) => ({ severity, rows: threats.filter((r) => r.severity === severity) }))
      .filter((g) => g.rows.length > 0),
    severityCounts,
    statusCounts,
    staleCount: all.length - threats.length,
    matrix: riskMatrix(threats),
    mitigations,
    accepted,
    versions: model.versions,
  };
}

/** "3 external entities, 4 processes, ..." for the summary. */
export function describeCounts(counts: Readonly<Record<ElementKind, number>>): string {
  const words: Record<ElementKind, [string, string]> = {
    'external-entity': ['external entity', 'external entities'],
    process: ['process', 'processes'],
    'data-store': ['data store', 'data stores'],
    'data-flow': ['data flow', 'data flows'],
    'trust-boundary': ['trust boundary', 'trust boundaries'],
  };
  return ELEMENT_KINDS.map((k) => `${counts[k]} ${words[k][counts[k] === 1 ? 0 : 1]}`).join(', ');
}
