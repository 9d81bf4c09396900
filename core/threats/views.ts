import { compareText } from './generate';
import type {
  Acceptance,
  CatalogueThreat,
  CatalogueThreatId,
  ElementId,
  ElementKind,
  Level,
  Mitigation,
  OwaspApiId,
  RuleId,
  Stride,
  ThreatInstance,
  ThreatInstanceId,
  ThreatModel,
  ThreatSource,
  ThreatStatus,
} from './model';
import type { Severity } from './risk';
import { isActive, ratedSeverity, residualSeverity, severity, severityRank } from './risk';

// One flat row per threat instance, joined with its catalogue entry and element: what
// reports, CSV, SARIF and the CLI print, so each of them reads the same values.

/** A threat instance joined with its catalogue threat and element. */
export type ThreatRow = {
  readonly id: ThreatInstanceId;
  readonly threatId: CatalogueThreatId;
  readonly ruleId: RuleId | null;
  readonly elementId: ElementId;
  readonly elementName: string;
  /** Null when the element is gone (the threat is then stale). */
  readonly elementKind: ElementKind | null;
  readonly title: string;
  readonly description: string;
  readonly stride: Stride;
  readonly owasp: OwaspApiId | null;
  readonly cwe: readonly string[];
  readonly capec: readonly string[];
  readonly likelihood: Level;
  readonly impact: Level;
  /** Likelihood × impact banded, before any override. */
  readonly matrixSeverity: Severity;
  /** The override when there is one, else the matrix severity. */
  readonly severity: Severity;
  readonly overrideRationale: string | null;
  readonly residualSeverity: Severity;
  readonly status: ThreatStatus;
  readonly source: ThreatSource;
  readonly stale: boolean;
  readonly staleReason: string | null;
  readonly mitigations: readonly Mitigation[];
  readonly acceptance: Acceptance | null;
  readonly notes: string;
  readonly evidence: string;
  readonly operation: string | null;
  readonly location: string | null;
};

const MISSING: Omit<CatalogueThreat, 'id'> = {
  ruleId: null,
  title: '(missing catalogue entry)',
  description: '',
  stride: 'T',
  owasp: null,
  cwe: [],
  capec: [],
  likelihood: 1,
  impact: 1,
  mitigations: [],
};

/** A function that joins one instance with the model's catalogue and elements. */
export function rowMaker(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
): (t: ThreatInstance) => ThreatRow {
  const catalogue = new Map(model.threats.catalogue.map((c) => [c.id, c]));
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  return (t) => {
    const c = catalogue.get(t.threatId) ?? { ...MISSING, id: t.threatId };
    const e = elements.get(t.elementId);
    return {
      id: t.id,
      threatId: t.threatId,
      ruleId: c.ruleId,
      elementId: t.elementId,
      elementName: e?.name ?? t.elementId,
      elementKind: e?.kind ?? null,
      title: c.title,
      description: c.description,
      stride: c.stride,
      owasp: c.owasp,
      cwe: c.cwe,
      capec: c.capec,
      likelihood: t.rating.likelihood,
      impact: t.rating.impact,
      matrixSeverity: severity(t.rating.likelihood, t.rating.impact),
      severity: ratedSeverity(t.rating),
      overrideRationale: t.rating.override?.rationale ?? null,
      residualSeverity: residualSeverity(t.rating, t.mitigations),
      status: t.status,
      source: t.source,
      stale: t.stale,
      staleReason: t.staleReason ?? null,
      mitigations: t.mitigations,
      acceptance: t.acceptance ?? null,
      notes: t.notes,
      evidence: t.evidence,
      operation: t.operation ?? null,
      location: t.location ?? null,
    };
  };
}

/** Every threat instance as a row; stale ones only when asked for. */
export function threatRows(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
  options: { readonly includeStale?: boolean } = {},
): ThreatRow[] {
  const row = rowMaker(model);
  const out: ThreatRow[] = [];
  for (const t of model.threats.instances) {
    if (t.stale && options.includeStale !== true) continue;
    out.push(row(t));
  }
  return out;
}

/** Most severe first, then by element name and id, for reports. */
export function bySeverity(rows: readonly ThreatRow[]): ThreatRow[] {
  // Each row's rank looked up once, not at every comparison.
  const ranked = rows.map((row) => ({ row, rank: severityRank(row.severity) }));
  ranked.sort(
    (a, b) =>
      b.rank - a.rank ||
      compareText(a.row.elementName, b.row.elementName) ||
      compareText(a.row.id, b.row.id),
  );
  return ranked.map((r) => r.row);
}

/** Open threats per element (not stale, status open), for diagram badges. */
export function openThreatCounts(model: Pick<ThreatModel, 'threats'>): Map<ElementId, number> {
  const counts = new Map<ElementId, number>();
  for (const t of model.threats.instances)
    if (!t.stale && t.status === 'open')
      counts.set(t.elementId, (counts.get(t.elementId) ?? 0) + 1);
  return counts;
}

/** Active threats (not stale, not dismissed) counted per cell of the 4×4 matrix. */
export function riskMatrix(
  rows: readonly Pick<ThreatRow, 'stale' | 'status' | 'likelihood' | 'impact'>[],
): number[][] {
  const grid = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (const r of rows)
    if (isActive(r)) {
      const row = grid[r.impact - 1];
      if (row) row[r.likelihood - 1] = (row[r.likelihood - 1] ?? 0) + 1;
    }
  return grid;
}

/** riskMatrix(threatRows(model)) straight from the instances, without building rows. */
export function modelRiskMatrix(model: Pick<ThreatModel, 'threats'>): number[][] {
  return riskMatrix(
    model.threats.instances
      .filter((t) => !t.stale)
      .map((t) => ({
        stale: t.stale,
        status: t.status,
        likelihood: t.rating.likelihood,
        impact: t.rating.impact,
      })),
  );
}
