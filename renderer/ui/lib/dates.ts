import { daysUntil, type IsoDate } from '../../../core/inventory';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The person's local calendar date (not UTC): a review due today is not overdue yet at 23:00. */
export function localToday(now: Date): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const timestampFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "12 Mar 2025"; a calendar date has no time zone, so it is formatted as UTC. */
export function formatIsoDate(date: IsoDate): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

/** "12 Mar 2025, 14:05" in local time, or the raw text when it is not a timestamp. */
export function formatTimestamp(ts: string): string {
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? ts : timestampFormat.format(new Date(ms));
}

const plural = (n: number, one: string): string =>
  `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** How far away a review is: "due today", "in 3 days", "12 days overdue". */
export function describeDue(due: IsoDate, today: IsoDate): string {
  const days = daysUntil(due, today);
  if (days === 0) return 'due today';
  if (days > 0) return `in ${plural(days, 'day')}`;
  return `${plural(-days, 'day')} overdue`;
}

/** Days a review is overdue (0 when it is not). */
export function daysOverdue(due: IsoDate | null, today: IsoDate): number {
  return due === null ? 0 : Math.max(0, -daysUntil(due, today));
}

/** A date input's value as the draft stores it: '' is no date. */
export function dateFromInput(value: string): IsoDate | null {
  if (value === '') return null;
  // A browser without a date picker hands over free text: an invalid string is passed
  // through unchanged so validation names the field instead of the value vanishing.
  return value as IsoDate;
}
