import type {
  ElementId,
  Severity,
  Stride,
  ThreatRow,
  ThreatStatus,
} from '../../../../core/threats';

/** The threat table's filters; null means "any". `stale` is a status of its own here. */
export type ThreatFilter = {
  readonly stride: Stride | null;
  readonly severity: Severity | null;
  readonly status: ThreatStatus | 'stale' | null;
  readonly elementId: ElementId | null;
  readonly text: string;
  /** One cell of the risk matrix, chosen by clicking it. */
  readonly cell: { readonly likelihood: number; readonly impact: number } | null;
};

export const NO_FILTER: ThreatFilter = {
  stride: null,
  severity: null,
  status: null,
  elementId: null,
  text: '',
  cell: null,
};

/** The rows that pass every filter, in the order given. */
export function filterThreats(rows: readonly ThreatRow[], f: ThreatFilter): ThreatRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.stride === null || r.stride === f.stride) &&
      (f.severity === null || r.severity === f.severity) &&
      (f.status === null || (f.status === 'stale' ? r.stale : !r.stale && r.status === f.status)) &&
      (f.elementId === null || r.elementId === f.elementId) &&
      (f.cell === null || (r.likelihood === f.cell.likelihood && r.impact === f.cell.impact)) &&
      (q === '' ||
        r.title.toLowerCase().includes(q) ||
        r.elementName.toLowerCase().includes(q) ||
        (r.operation ?? '').toLowerCase().includes(q) ||
        (r.owasp ?? '').toLowerCase().includes(q)),
  );
}

/** What a generation changed: new threats and threats that turned stale. */
export function generationCounts(
  before: readonly { readonly id: string; readonly stale: boolean }[],
  after: readonly { readonly id: string; readonly stale: boolean }[],
): { readonly added: number; readonly stale: number; readonly total: number } {
  const was = new Map(before.map((t) => [t.id, t.stale]));
  let added = 0;
  let stale = 0;
  for (const t of after) {
    const old = was.get(t.id);
    if (old === undefined && !t.stale) added += 1;
    if (t.stale && old === false) stale += 1;
  }
  return { added, stale, total: after.filter((t) => !t.stale).length };
}
