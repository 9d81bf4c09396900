import type { ApiId } from '../inventory/types';
import type { IsoTimestamp } from '../shared/brand';
import type { ThreatModelId } from '../threats/model';
import { SEVERITIES, ratedSeverity, type Severity } from '../threats/risk';
import type { ThreatModelRecord } from './records';

// What a list of threat models shows about each: a few fields and counts. A model with
// tens of thousands of threats is tens of megabytes, so lists hold these summaries, not
// the records; they are computed away from the window and cached by updatedAt.

/** One threat model as lists show it. */
export type ThreatModelSummary = {
  readonly id: ThreatModelId;
  readonly title: string;
  readonly apiIds: readonly ApiId[];
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
  readonly elements: number;
  /** Open threats (not stale, status open) per rated severity. */
  readonly open: Readonly<Record<Severity, number>>;
  readonly openTotal: number;
  /** How many versions were signed off. */
  readonly versionCount: number;
  readonly lastSignOff: { readonly version: number; readonly at: IsoTimestamp } | null;
};

/** The summary of a stored model, in one pass over its threats. */
export function summarizeThreatModel(record: ThreatModelRecord): ThreatModelSummary {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let openTotal = 0;
  for (const t of record.threats.instances)
    if (!t.stale && t.status === 'open') {
      open[ratedSeverity(t.rating)] += 1;
      openTotal += 1;
    }
  const last = record.versions[record.versions.length - 1];
  return {
    id: record.id,
    title: record.title,
    apiIds: record.apiIds,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    elements: record.elements.length,
    open,
    openTotal,
    versionCount: record.versions.length,
    lastSignOff: last ? { version: last.version, at: last.signedAt } : null,
  };
}
