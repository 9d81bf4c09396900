import type { IsoDate } from '../shared/brand';
import { isoDateOf } from '../shared/brand';
import type { Period } from './types';

// Periods are whole days in UTC, both ends included: a quarter is 1 January to 31 March.

const DAY = 86_400_000;

export const PERIOD_KINDS = ['quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** First instant of a day. */
export function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** Last millisecond of a day. */
export function endOfDay(date: IsoDate): number {
  return startOfDay(date) + DAY - 1;
}

/** Whole days in a period (both ends included). */
export function periodDays(p: Period): number {
  return Math.round((startOfDay(p.to) - startOfDay(p.from)) / DAY) + 1;
}

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const start = startOfDay(p.from);
  // Calendar periods compare with the calendar period before (Q2 with Q1, not 91 days).
  const kind = calendarKind(p);
  if (kind !== null) {
    const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
    const d = new Date(start);
    return calendarPeriod(
      isoDateOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)),
      kind,
    );
  }
  const days = periodDays(p);
  return { from: isoDateOf(start - days * DAY), to: isoDateOf(start - DAY) };
}

/** The quarter, half or year containing `date`. */
export function calendarPeriod(date: IsoDate, kind: Exclude<PeriodKind, 'custom'>): Period {
  const d = new Date(startOfDay(date));
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const y = d.getUTCFullYear();
  const m = Math.floor(d.getUTCMonth() / months) * months;
  return { from: isoDateOf(Date.UTC(y, m, 1)), to: isoDateOf(Date.UTC(y, m + months, 1) - DAY) };
}

/** Which calendar period `p` is exactly, if any. */
export function calendarKind(p: Period): Exclude<PeriodKind, 'custom'> | null {
  for (const kind of ['quarter', 'half', 'year'] as const) {
    const c = calendarPeriod(p.from, kind);
    if (c.from === p.from && c.to === p.to) return kind;
  }
  return null;
}

/** "Q3 2026", "H2 2026", "2026" or "1 Jan 2026 – 15 Feb 2026". */
export function periodLabel(p: Period): string {
  const kind = calendarKind(p);
  const y = p.from.slice(0, 4);
  const m = Number(p.from.slice(5, 7));
  if (kind === 'quarter') return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  if (kind === 'half') return `H${m <= 6 ? 1 : 2} ${y}`;
  if (kind === 'year') return y;
  return `${formatDay(p.from)} – ${formatDay(p.to)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Mar 2026". */
export function formatDay(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? '?'} ${date.slice(0, 4)}`;
}

/** "Mar 2026" for a "2026-03" month key. */
export function formatMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? '?'} ${month.slice(0, 4)}`;
}

/** The months a period touches, as "YYYY-MM" keys. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > 1200) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** Checks a period: real dates, from ≤ to. Returns a reason when it is not valid. */
export function checkPeriod(p: { from: string; to: string }): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || Number.isNaN(Date.parse(p.from)))
    return `"${p.from}" is not a date (YYYY-MM-DD)`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.to) || Number.isNaN(Date.parse(p.to)))
    return `"${p.to}" is not a date (YYYY-MM-DD)`;
  if (p.from > p.to) return `the period starts (${p.from}) after it ends (${p.to})`;
  return null;
}
