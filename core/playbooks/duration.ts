// ISO-8601 durations for SLAs. Years and months have no fixed length, so an SLA may use
// weeks, days, hours, minutes and seconds only; a day is 24 hours (SLAs run on the
// wall clock; business days are the regulatory clocks' business, not the SLA's).

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Longest SLA accepted: a year; beyond that the value is a typo. */
export const MAX_SLA_MS = 366 * DAY;

/** Milliseconds of an ISO-8601 duration such as `PT30M` or `P1DT2H`, or null when malformed. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, min, s] = m;
  const ms =
    Number(w ?? 0) * 7 * DAY +
    Number(d ?? 0) * DAY +
    Number(h ?? 0) * HOUR +
    Number(min ?? 0) * MINUTE +
    Math.round(Number(s ?? 0) * SECOND);
  return Number.isFinite(ms) ? ms : null;
}

/** Writes milliseconds as a compact ISO-8601 duration (`PT1H30M`, `P2D`, `PT0S`). */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = rest / SECOND;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
