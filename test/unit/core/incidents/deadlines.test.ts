import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDuration,
  clockDeadline,
  clockTimeZone,
  countdown,
  formatSpan,
  isBusinessDay,
  localDate,
  parseIsoDuration,
} from '../../../../core/incidents/deadlines';
import { clockById } from '../../../../core/playbooks/clocks';
import type { IsoDate } from '../../../../core/shared/brand';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const SAO_PAULO = 'America/Sao_Paulo';
const HOUR = 3_600_000;

/** Epoch ms of an ISO timestamp written with its offset (independent of the code under test). */
const at = (iso: string) => new Date(iso).getTime();
const cal = (dates: string[], weekend = [0, 6]) => ({ weekend, dates: dates as IsoDate[] });

/** Local wall-clock time of an instant, by Intl (not by the code under test). */
const wall = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(ms);

describe('business days', () => {
  it('SEC 8-K: 4 business days after a Thursday end on Wednesday, across the US DST change', () => {
    // Thu 5 March 2026 15:00 EST; DST starts Sun 8 March; Fri 6, Mon 9, Tue 10, Wed 11.
    const due = addDuration(at('2026-03-05T15:00:00-05:00'), 'P4D', {
      businessDays: true,
      timeZone: NY,
    });
    expect(due).toBe(at('2026-03-11T23:59:59.999-04:00'));
  });

  it('skips holidays of the calendar (Thanksgiving)', () => {
    const due = addDuration(at('2026-11-25T10:00:00-05:00'), 'P4D', {
      businessDays: true,
      timeZone: NY,
      calendar: cal(['2026-11-26']),
    });
    // Fri 27, Mon 30, Tue 1, Wed 2 December.
    expect(due).toBe(at('2026-12-02T23:59:59.999-05:00'));
  });

  it('counts from the next business day when triggered on a weekend', () => {
    const due = addBusinessDays(at('2026-03-07T11:00:00-05:00'), 4, NY);
    expect(due).toBe(at('2026-03-12T23:59:59.999-04:00'));
  });

  it('LGPD: 3 business days in São Paulo skip Good Friday', () => {
    const clock = clockById('lgpd-anpd');
    if (!clock) throw new Error('lgpd-anpd missing');
    expect(clockTimeZone('lgpd-anpd', BERLIN)).toBe(SAO_PAULO);
    const due = clockDeadline(clock, at('2026-04-02T18:00:00-03:00'), {
      timeZone: clockTimeZone('lgpd-anpd', BERLIN),
      calendar: cal(['2026-04-03', '2026-04-21']),
    });
    // Mon 6, Tue 7, Wed 8 April.
    expect(due).toBe(at('2026-04-08T23:59:59.999-03:00'));
  });

  it('depends on the time zone of the obligation: the same instant is Thursday in New York, Friday in Berlin', () => {
    const trigger = at('2026-03-05T23:30:00Z');
    expect(addBusinessDays(trigger, 4, NY)).toBe(at('2026-03-11T23:59:59.999-04:00'));
    expect(addBusinessDays(trigger, 4, BERLIN)).toBe(at('2026-03-12T23:59:59.999+01:00'));
  });

  it('follows a calendar with another weekend (Friday and Saturday)', () => {
    // Thu 5 March 2026 → Sun 8, Mon 9, Tue 10.
    const due = addBusinessDays(at('2026-03-05T10:00:00+04:00'), 3, 'Asia/Dubai', cal([], [5, 6]));
    expect(due).toBe(at('2026-03-10T23:59:59.999+04:00'));
  });

  it('says which days are business days in the local calendar', () => {
    const c = cal(['2026-12-25']);
    expect(isBusinessDay(at('2026-12-24T12:00:00-05:00'), NY, c)).toBe(true);
    expect(isBusinessDay(at('2026-12-25T12:00:00-05:00'), NY, c)).toBe(false);
    expect(isBusinessDay(at('2026-12-26T12:00:00-05:00'), NY, c)).toBe(false);
    // 2026-12-25T03:00Z is still 24 December in New York.
    expect(isBusinessDay(at('2026-12-25T03:00:00Z'), NY, c)).toBe(true);
    expect(localDate(at('2026-12-25T03:00:00Z'), NY)).toBe('2026-12-24');
  });

  it('gives up on a calendar without any business day', () => {
    expect(addBusinessDays(0, 1, 'UTC', cal([], [0, 1, 2, 3, 4, 5, 6]))).toBeNull();
  });

  it('refuses business days with hours or months', () => {
    const o = { businessDays: true, timeZone: NY };
    expect(addDuration(0, 'P1DT2H', o)).toBeNull();
    expect(addDuration(0, 'P1M', o)).toBeNull();
    expect(addDuration(at('2026-03-05T10:00:00-05:00'), 'P1W', o)).toBe(
      at('2026-03-12T23:59:59.999-04:00'),
    );
  });
});

describe('elapsed hours and calendar days across daylight-saving changes', () => {
  it('GDPR 72 h are 72 real hours across the Berlin change to summer time', () => {
    const trigger = at('2026-03-27T09:00:00+01:00');
    const due = clockDeadline({ deadline: 'PT72H' }, trigger, { timeZone: BERLIN });
    expect(due).toBe(trigger + 72 * HOUR);
    expect(wall(due ?? 0, BERLIN)).toBe('2026-03-30 10:00');
  });

  it('72 h across the October change in New York show one hour earlier on the wall', () => {
    const trigger = at('2026-10-31T12:00:00-04:00');
    const due = addDuration(trigger, 'PT72H', { timeZone: NY });
    expect(due).toBe(trigger + 72 * HOUR);
    expect(wall(due ?? 0, NY)).toBe('2026-11-03 11:00');
  });

  it('a calendar day keeps the local time: 25 h in October, 23 h in March (Berlin)', () => {
    const oct = at('2026-10-24T10:00:00+02:00');
    expect(addDuration(oct, 'P1D', { timeZone: BERLIN })).toBe(at('2026-10-25T10:00:00+01:00'));
    expect((addDuration(oct, 'P1D', { timeZone: BERLIN }) ?? 0) - oct).toBe(25 * HOUR);
    const mar = at('2026-03-28T10:00:00+01:00');
    expect((addDuration(mar, 'P1D', { timeZone: BERLIN }) ?? 0) - mar).toBe(23 * HOUR);
  });

  it('30 calendar days across the spring change end at the same local time', () => {
    expect(addDuration(at('2026-03-20T10:00:00+01:00'), 'P30D', { timeZone: BERLIN })).toBe(
      at('2026-04-19T10:00:00+02:00'),
    );
  });

  it('a local time inside the spring-forward gap moves forward past it', () => {
    // 02:30 on 8 March 2026 does not exist in New York.
    const due = addDuration(at('2026-03-07T02:30:00-05:00'), 'P1D', { timeZone: NY });
    expect(wall(due ?? 0, NY)).toBe('2026-03-08 03:30');
  });

  it('a month ends on the last day of a shorter month', () => {
    expect(addDuration(at('2026-01-31T12:00:00+01:00'), 'P1M', { timeZone: BERLIN })).toBe(
      at('2026-02-28T12:00:00+01:00'),
    );
  });

  it('HIPAA 60 calendar days, NIS2 final report one month', () => {
    const trigger = at('2026-01-10T09:00:00-05:00');
    expect(clockDeadline({ deadline: 'P60D' }, trigger, { timeZone: NY })).toBe(
      at('2026-03-11T09:00:00-04:00'),
    );
    const nis2 = clockById('nis2-final-report');
    expect(nis2 && clockDeadline(nis2, trigger, { timeZone: NY })).toBe(
      at('2026-02-10T09:00:00-05:00'),
    );
  });
});

describe('regulatory clocks', () => {
  it('has no deadline for duties without a fixed period, and none past "immediately"', () => {
    const art34 = clockById('gdpr-art34');
    const pci = clockById('pci-dss-brands');
    if (!art34 || !pci) throw new Error('clock missing');
    expect(clockDeadline(art34, 1000, { timeZone: BERLIN })).toBeNull();
    expect(clockDeadline(pci, 1000, { timeZone: BERLIN })).toBe(1000);
  });

  it('computes a deadline for every clock with a period', () => {
    const trigger = at('2026-06-01T09:00:00Z');
    for (const id of [
      'gdpr-art33',
      'nis2-early-warning',
      'dora-initial',
      'sec-8k-105',
      'cert-in-6h',
    ]) {
      const clock = clockById(id);
      if (!clock) throw new Error(id);
      const due = clockDeadline(clock, trigger, { timeZone: clockTimeZone(id, 'UTC') });
      expect(due, id).toBeGreaterThan(trigger);
    }
  });

  it('uses the regulator’s time zone unless the instance overrides it', () => {
    expect(clockTimeZone('sec-8k-105', BERLIN)).toBe(NY);
    expect(clockTimeZone('gdpr-art33', BERLIN)).toBe(BERLIN);
    expect(clockTimeZone('sec-8k-105', BERLIN, 'America/Chicago')).toBe('America/Chicago');
  });

  it('rejects malformed durations', () => {
    expect(parseIsoDuration('72h')).toBeNull();
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT')).toBeNull();
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      timeMs: 5 * HOUR + 6 * 60_000 + 7500,
    });
    expect(addDuration(0, 'soon', { timeZone: 'UTC' })).toBeNull();
  });
});

describe('countdowns', () => {
  const deadline = at('2026-03-30T10:00:00Z');
  it('is ok, then soon, then overdue', () => {
    const start = deadline - 72 * HOUR;
    expect(countdown(deadline, start + HOUR, { startedAt: start })).toEqual({
      state: 'ok',
      remainingMs: 71 * HOUR,
      text: '2 d 23 h left',
    });
    expect(countdown(deadline, deadline - 17 * HOUR, { startedAt: start }).state).toBe('soon');
    expect(countdown(deadline, deadline - 19 * HOUR, { startedAt: start }).state).toBe('ok');
    expect(countdown(deadline, deadline, {})).toMatchObject({ state: 'soon', text: '0 s left' });
    expect(countdown(deadline, deadline + 65 * 60_000)).toEqual({
      state: 'overdue',
      remainingMs: -65 * 60_000,
      text: 'overdue by 1 h 5 min',
    });
    expect(countdown(null, deadline)).toEqual({
      state: 'none',
      remainingMs: null,
      text: 'no fixed deadline',
    });
  });

  it('uses an hour as "soon" without a start, or the given window', () => {
    expect(countdown(deadline, deadline - 59 * 60_000).state).toBe('soon');
    expect(countdown(deadline, deadline - 61 * 60_000).state).toBe('ok');
    expect(countdown(deadline, deadline - 3 * HOUR, { soonWithinMs: 4 * HOUR }).state).toBe('soon');
  });

  it('writes spans as their two largest units', () => {
    expect(formatSpan(45 * 60_000)).toBe('45 min');
    expect(formatSpan(2 * 86_400_000 + 5 * 60_000)).toBe('2 d');
    expect(formatSpan(3 * HOUR + 5 * 60_000 + 9000)).toBe('3 h 5 min');
    expect(formatSpan(30_500)).toBe('30 s');
  });
});
