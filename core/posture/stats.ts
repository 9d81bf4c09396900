// Summary statistics for durations. Both are defined so that a reader can check them by
// hand: the median is the middle value (the mean of the two middle values for an even
// count); the 90th percentile is the nearest-rank value, the smallest value that at least
// 90% of the sample does not exceed.

/** The median, or null for an empty sample. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The nearest-rank 90th percentile, or null for an empty sample. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.9 * s.length) - 1)] ?? null;
}

/** Part of whole as a percentage rounded to one decimal, or null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
