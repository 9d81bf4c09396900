import type { ApiEntry, ApiId } from '../../../core/inventory';
import { SEVERITIES, threatRows, type Severity } from '../../../core/threats';
import type { ThreatModelRecord } from '../../../core/workspace/records';

/** One line of the model list, computed once per model. */
export type ModelSummary = {
  readonly record: ThreatModelRecord;
  readonly apiNames: readonly string[];
  readonly elements: number;
  /** Open (active, status open) threats per severity. */
  readonly open: Readonly<Record<Severity, number>>;
  readonly openTotal: number;
  readonly lastSignOff: { readonly version: number; readonly at: string } | null;
};

/** The list's figures for one model; an API deleted from the inventory shows by its id. */
export function summarize(
  record: ThreatModelRecord,
  apis: ReadonlyMap<ApiId, ApiEntry>,
): ModelSummary {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let openTotal = 0;
  for (const r of threatRows(record))
    if (r.status === 'open') {
      open[r.severity] += 1;
      openTotal += 1;
    }
  const last = record.versions[record.versions.length - 1];
  return {
    record,
    apiNames: record.apiIds.map((id) => apis.get(id)?.name ?? `${id} (deleted)`),
    elements: record.elements.length,
    open,
    openTotal,
    lastSignOff: last ? { version: last.version, at: last.signedAt } : null,
  };
}

/** Whether a summary matches the search text (title or API name, case-insensitive). */
export function matchesSearch(s: ModelSummary, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  return (
    s.record.title.toLowerCase().includes(q) || s.apiNames.some((n) => n.toLowerCase().includes(q))
  );
}
