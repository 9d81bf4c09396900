import type { Incident, IncidentMetrics, Severity, TimelineEntry } from './types';
import { SEVERITIES } from './types';

// Response metrics (domain.md §5), in milliseconds:
//
//   time to detect       started → detected     how long the incident went unnoticed
//   time to acknowledge  detected → acknowledged how long until a person took charge
//   time to contain      detected → contained   how long the response took to stop the harm
//   time to resolve      detected → resolved    how long until service and security were back
//
// "Acknowledged" is the first of: the declaration of the incident in Bulwark, the first
// assignment of the incident commander (a `role-assigned` or `role-handoff` timeline entry
// whose data.roleId is `incident-commander`), and the `aware` key time. Each is a person
// acting on the detection. Contain and resolve count from detection, as response times
// do (the time before detection is the detect metric's). A metric whose times are
// missing is null; a negative span (times entered out of order) counts as zero.
// Exercises are never mixed into live figures: aggregateMetrics leaves them out.

/** The role id whose first assignment acknowledges an incident. */
export const COMMANDER_ROLE_ID = 'incident-commander';

const span = (from: number | undefined, to: number | undefined) =>
  from === undefined || to === undefined ? null : Math.max(0, to - from);

/** When a person first took charge (see the file comment). */
export function acknowledgedAt(
  incident: Pick<Incident, 'createdAt' | 'keyTimes'>,
  timeline: readonly TimelineEntry[] = [],
): number {
  let first = incident.createdAt;
  const aware = incident.keyTimes.aware?.at;
  if (aware !== undefined && aware < first) first = aware;
  for (const e of timeline) {
    if (e.kind !== 'role-assigned' && e.kind !== 'role-handoff') continue;
    const data = e.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) continue;
    if ((data as { readonly roleId?: unknown }).roleId === COMMANDER_ROLE_ID && e.at < first)
      first = e.at;
  }
  return first;
}

/** The four response metrics of one incident. */
export function incidentMetrics(
  incident: Pick<Incident, 'createdAt' | 'keyTimes'>,
  timeline: readonly TimelineEntry[] = [],
): IncidentMetrics {
  const k = incident.keyTimes;
  const detected = k.detected?.at;
  return {
    timeToDetectMs: span(k.started?.at, detected),
    timeToAcknowledgeMs: span(
      detected,
      detected === undefined ? undefined : acknowledgedAt(incident, timeline),
    ),
    timeToContainMs: span(detected, k.contained?.at),
    timeToResolveMs: span(detected, k.resolved?.at),
  };
}

/** Count, median and 90th percentile of one metric over several incidents. */
export type MetricSummary = {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
};

/** Live metrics over many incidents; exercises are counted apart and never included. */
export type MetricsAggregate = {
  readonly incidents: number;
  readonly exercisesExcluded: number;
  readonly metrics: Readonly<Record<keyof IncidentMetrics, MetricSummary>>;
  readonly bySeverity: Readonly<Record<Severity, number>>;
};

/** The median (mean of the two middle values for an even count), or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The p-th percentile by nearest rank (the smallest value ≥ p% of the values), or null. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] ?? null;
}

/**
 * Median and p90 of each metric over the live incidents among `items` (exercise-mode
 * incidents are skipped and counted in `exercisesExcluded`). Pass each incident's
 * timeline when it is at hand, so that commander assignments count as acknowledgement.
 */
export function aggregateMetrics(
  items: readonly { readonly incident: Incident; readonly timeline?: readonly TimelineEntry[] }[],
): MetricsAggregate {
  const live = items.filter((i) => i.incident.mode === 'live');
  const per = live.map((i) => incidentMetrics(i.incident, i.timeline));
  const summary = (key: keyof IncidentMetrics): MetricSummary => {
    const values = per.map((m) => m[key]).filter((v): v is number => v !== null);
    return { count: values.length, medianMs: median(values), p90Ms: percentile(values, 90) };
  };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const i of live) bySeverity[i.incident.severity]++;
  return {
    incidents: live.length,
    exercisesExcluded: items.length - live.length,
    metrics: {
      timeToDetectMs: summary('timeToDetectMs'),
      timeToAcknowledgeMs: summary('timeToAcknowledgeMs'),
      timeToContainMs: summary('timeToContainMs'),
      timeToResolveMs: summary('timeToResolveMs'),
    },
    bySeverity,
  };
}
