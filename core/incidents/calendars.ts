import type { IsoDate } from '../shared/brand';
import type { HolidayCalendar } from './types';
import { WEEKENDS_ONLY } from './factory';

// Public holidays as data, for business-day clocks. National holidays only (regional ones
// vary by state or Land; add them in a custom calendar). Each list covers 2026 and 2027
// and must be extended each year: a business-day deadline past the last listed year
// counts weekends only. Observed days are listed where the holiday falls on a weekend
// (US federal, UK substitute days).

const dates = (list: readonly string[]) => list as readonly IsoDate[];

/** The built-in holiday calendars, offered in the incident's calendar picker. */
export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = [
  WEEKENDS_ONLY,
  {
    id: 'us-federal',
    name: 'United States — federal holidays (observed), 2026–2027',
    weekend: [0, 6],
    // prettier-ignore
    dates: dates([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
      '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05',
      '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
    ]),
  },
  {
    id: 'br-national',
    name: 'Brazil — national holidays, 2026–2027',
    weekend: [0, 6],
    // prettier-ignore
    dates: dates([
      '2026-01-01', '2026-04-03', '2026-04-21', '2026-05-01', '2026-09-07', '2026-10-12',
      '2026-11-02', '2026-11-15', '2026-11-20', '2026-12-25',
      '2027-01-01', '2027-03-26', '2027-04-21', '2027-05-01', '2027-09-07', '2027-10-12',
      '2027-11-02', '2027-11-15', '2027-11-20', '2027-12-25',
    ]),
  },
  {
    id: 'de-national',
    name: 'Germany — nationwide holidays, 2026–2027',
    weekend: [0, 6],
    // prettier-ignore
    dates: dates([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25',
      '2026-10-03', '2026-12-25', '2026-12-26',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17',
      '2027-10-03', '2027-12-25', '2027-12-26',
    ]),
  },
  {
    id: 'uk-england-wales',
    name: 'United Kingdom — England and Wales bank holidays, 2026–2027',
    weekend: [0, 6],
    // prettier-ignore
    dates: dates([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31',
      '2026-12-25', '2026-12-28',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30',
      '2027-12-27', '2027-12-28',
    ]),
  },
];

/** A built-in calendar by id. */
export function holidayCalendar(id: string): HolidayCalendar | undefined {
  return HOLIDAY_CALENDARS.find((c) => c.id === id);
}
