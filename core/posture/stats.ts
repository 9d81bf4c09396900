import { median, percentile } from '../incidents/metrics';

// Summary statistics for durations, the incident room's own (core/incidents/metrics), so
// both reports summarise alike. Both are defined so that a reader can check them by
// hand: the median is the middle value (the mean of the two middle values for an even
// count); the 90th percentile is the nearest-rank value, the smallest value that at least
// 90% of the sample does not exceed.

export { median };

/** The nearest-rank 90th percentile, or null for an empty sample. */
export function p90(values: readonly number[]): number | null {
  return percentile(values, 90);
}

/** Part of whole as a percentage rounded to one decimal, or null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
