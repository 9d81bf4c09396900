import { tzOffset } from '@date-fns/tz';
import { countdown, formatSpan } from '../../../core/incidents';

// Times in the room are shown in the incident's time zone (the zone of its obligations),
// with the zone named, so a room on a projector in another country reads the same.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${String(seconds)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        timeZone,
        timeZoneName: 'short',
      });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      });
    }
    formats.set(key, f);
  }
  return f;
}

/** "23 Nov 2026, 14:05 CET" in the incident's time zone. */
export function formatWhen(ms: number, timeZone: string, seconds = false): string {
  return formatFor(timeZone, seconds).format(new Date(ms));
}

/** "14:05:09" in the time zone, for dense timeline rows. */
export function formatClockTime(ms: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone,
    }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString().slice(11, 19);
  }
}

/** "2 h 5 min left" or "overdue by 12 min" (core's countdown wording). */
export function formatCountdown(due: number, now: number): string {
  return countdown(due, now).text;
}

/** A duration as its two largest units (core's formatSpan). */
export function formatDurationMs(ms: number): string {
  return formatSpan(ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of a datetime-local input showing `ms` in the time zone. */
export function toLocalInput(ms: number, timeZone: string): string {
  const shifted = new Date(ms + safeOffset(timeZone, ms) * 60_000);
  return `${String(shifted.getUTCFullYear())}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** The instant a datetime-local value means in the time zone, or null when it is not one. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  // The offset at the guessed instant, then again at the corrected one (DST edges).
  const first = asUtc - safeOffset(timeZone, asUtc) * 60_000;
  return asUtc - safeOffset(timeZone, first) * 60_000;
}

function safeOffset(timeZone: string, ms: number): number {
  try {
    return tzOffset(timeZone, new Date(ms));
  } catch {
    return 0;
  }
}
