import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  endOfDay,
  format,
  getDay,
  startOfDay,
} from 'date-fns';
import type { RegulatoryClock } from '../playbooks/clocks';
import type { IsoDate } from '../shared/brand';
import type { HolidayCalendar } from './types';

// Deadlines of regulatory clocks (domain.md §6), computed in the time zone of the
// obligation with holidays as data. The rules, chosen to match how the periods are read:
//
// - Hours, minutes and seconds (`PT72H`) are elapsed time: 72 hours are 72 real hours even
//   across a daylight-saving change (the local clock then shows 71 or 73 hours later).
// - Calendar days, weeks, months and years (`P60D`, `P1M`) move the local date and keep the
//   local time of day: 30 days after 10:00 on 20 March in Berlin is 10:00 on 19 April, one
//   hour less than 30 × 24 h because of the change to summer time. A local time that does
//   not exist on the target day (inside a spring-forward gap) moves forward past the gap.
//   Months end on the last day of a shorter month (31 January + P1M = 28/29 February).
// - Business days (`businessDays: true`, days only: `P4D`) count the days after the
//   trigger's local date that are neither weekend days nor holidays of the calendar; the
//   deadline is the end (23:59:59.999 local) of the last counted day. The trigger's own day
//   never counts, even when it is a business day ("within four business days after").

/** Options of addDuration. */
export type DeadlineOptions = {
  /** Count the days as business days (only a days-only duration such as `P4D`). */
  readonly businessDays?: boolean | undefined;
  /** IANA time zone of the obligation. */
  readonly timeZone: string;
  /** Weekend days and holidays; Saturday and Sunday without holidays when absent. */
  readonly calendar?: Pick<HolidayCalendar, 'weekend' | 'dates'> | undefined;
};

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration split into its parts, or null when malformed. */
export type DurationParts = {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  /** Hours, minutes and seconds together, in milliseconds. */
  readonly timeMs: number;
};

/** Parses `P1Y2M3W4DT5H6M7.5S` (any part optional, at least one present). */
export function parseIsoDuration(text: string): DurationParts | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return {
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    timeMs: n(5) * 3_600_000 + n(6) * 60_000 + Math.round(n(7) * 1000),
  };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(at: number, timeZone: string): IsoDate {
  return format(new TZDate(at, timeZone), 'yyyy-MM-dd') as IsoDate;
}

/** True when the local date of `day` is neither a weekend day nor a holiday. */
export function isBusinessDay(
  day: number,
  timeZone: string,
  calendar: Pick<HolidayCalendar, 'weekend' | 'dates'> = DEFAULT_CALENDAR,
): boolean {
  const d = new TZDate(day, timeZone);
  if (calendar.weekend.includes(getDay(d))) return false;
  return !calendar.dates.includes(localDate(day, timeZone));
}

const DEFAULT_CALENDAR = { weekend: [0, 6], dates: [] } as const;

/**
 * The end of the `n`th business day after the trigger's local date (see the file comment).
 * Stops with null after ten years of days without a business day (a calendar of all holidays).
 */
export function addBusinessDays(
  trigger: number,
  n: number,
  timeZone: string,
  calendar: Pick<HolidayCalendar, 'weekend' | 'dates'> = DEFAULT_CALENDAR,
): number | null {
  if (n === 0) return trigger;
  const holidays = new Set<string>(calendar.dates);
  const weekend = new Set(calendar.weekend);
  let day = startOfDay(new TZDate(trigger, timeZone));
  let counted = 0;
  for (let guard = 0; guard < 3660; guard++) {
    day = addDays(day, 1);
    if (weekend.has(getDay(day)) || holidays.has(format(day, 'yyyy-MM-dd'))) continue;
    counted++;
    if (counted === n) return endOfDay(day).getTime();
  }
  return null;
}

/**
 * The deadline `duration` after `trigger` (epoch ms), in the obligation's time zone, or
 * null when the duration is malformed, or has a time part or months with business days.
 */
export function addDuration(
  trigger: number,
  duration: string,
  options: DeadlineOptions,
): number | null {
  const parts = parseIsoDuration(duration);
  if (!parts) return null;
  if (options.businessDays) {
    if (parts.years || parts.months || parts.timeMs) return null;
    // A week of business days is five business days.
    return addBusinessDays(
      trigger,
      parts.weeks * 5 + parts.days,
      options.timeZone,
      options.calendar,
    );
  }
  let d = new TZDate(trigger, options.timeZone);
  if (parts.years) d = addYears(d, parts.years);
  if (parts.months) d = addMonths(d, parts.months);
  if (parts.weeks) d = addWeeks(d, parts.weeks);
  if (parts.days) d = addDays(d, parts.days);
  return d.getTime() + parts.timeMs;
}

/**
 * The time zone a clock's business days and calendar days are counted in by default: the
 * regulator's seat for clocks with business days, otherwise the incident's time zone.
 */
export const CLOCK_TIME_ZONES: Readonly<Record<string, string>> = {
  'sec-8k-105': 'America/New_York',
  'lgpd-anpd': 'America/Sao_Paulo',
  'lgpd-subjects': 'America/Sao_Paulo',
  'cert-in-6h': 'Asia/Kolkata',
  'pdpa-pdpc': 'Asia/Singapore',
};

/** The time zone of a clock's obligation: the instance's, the regulator's, or the incident's. */
export function clockTimeZone(
  clockId: string,
  incidentTimeZone: string,
  override?: string,
): string {
  return override ?? CLOCK_TIME_ZONES[clockId] ?? incidentTimeZone;
}

/**
 * A regulatory clock's deadline from its trigger time: null when the rule sets no fixed
 * period ("without undue delay") or its duration cannot be read.
 */
export function clockDeadline(
  clock: Pick<RegulatoryClock, 'deadline' | 'businessDays'>,
  triggerAt: number,
  options: { readonly timeZone: string; readonly calendar?: DeadlineOptions['calendar'] },
): number | null {
  if (clock.deadline === null) return null;
  return addDuration(triggerAt, clock.deadline, {
    businessDays: clock.businessDays === true,
    timeZone: options.timeZone,
    calendar: options.calendar,
  });
}

/** How a countdown stands. */
export type CountdownState = 'none' | 'ok' | 'soon' | 'overdue';

/** A countdown at one moment. */
export type Countdown = {
  readonly state: CountdownState;
  /** Milliseconds left (negative when overdue), null without a deadline. */
  readonly remainingMs: number | null;
  /** `2 d 3 h left`, `45 min left`, `overdue by 1 h 5 min`, `no fixed deadline`. */
  readonly text: string;
};

/** Milliseconds until `deadlineAt` (negative once it has passed). */
export function remaining(deadlineAt: number, now: number): number {
  return deadlineAt - now;
}

/** True once `now` is past the deadline. */
export function isOverdue(deadlineAt: number, now: number): boolean {
  return now > deadlineAt;
}

/**
 * The countdown to `deadlineAt` at `now`. It is `soon` within `soonWithinMs`, by default a
 * quarter of the whole period when `startedAt` is given (at least 15 minutes), else an hour.
 */
export function countdown(
  deadlineAt: number | null,
  now: number,
  options: { readonly startedAt?: number; readonly soonWithinMs?: number } = {},
): Countdown {
  if (deadlineAt === null) return { state: 'none', remainingMs: null, text: 'no fixed deadline' };
  const left = deadlineAt - now;
  if (left < 0)
    return { state: 'overdue', remainingMs: left, text: `overdue by ${formatSpan(-left)}` };
  const soon =
    options.soonWithinMs ??
    (options.startedAt !== undefined
      ? Math.max(15 * 60_000, (deadlineAt - options.startedAt) / 4)
      : 3_600_000);
  return {
    state: left <= soon ? 'soon' : 'ok',
    remainingMs: left,
    text: `${formatSpan(left)} left`,
  };
}

/** A span as its two largest units: `2 d 3 h`, `3 h 5 min`, `45 min`, `30 s`. */
export function formatSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const units: [number, string][] = [
    [d, 'd'],
    [h, 'h'],
    [m, 'min'],
    [sec, 's'],
  ];
  const first = units.findIndex(([v]) => v > 0);
  if (first === -1) return '0 s';
  return units
    .slice(first, first + 2)
    .filter(([v]) => v > 0)
    .map(([v, u]) => `${v} ${u}`)
    .join(' ');
}
