/** A nominal type: a string that the compiler will not mix with other ids. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** ISO calendar date `YYYY-MM-DD`, no time zone. */
export type IsoDate = Brand<string, 'IsoDate'>;

/** ISO timestamp with time zone, as produced by `Date.prototype.toISOString`. */
export type IsoTimestamp = Brand<string, 'IsoTimestamp'>;

/** Returns true when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: string): value is IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The calendar date of an instant in UTC, as `YYYY-MM-DD`. */
export function isoDateOf(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10) as IsoDate;
}
