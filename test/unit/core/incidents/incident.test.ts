import { describe, expect, it } from 'vitest';
import { HOLIDAY_CALENDARS, holidayCalendar } from '../../../../core/incidents/calendars';
import {
  applicableClocks,
  clockStatus,
  clocksToStart,
  defaultTriggerAt,
  followUpClocks,
  startClock,
} from '../../../../core/incidents/clock-instances';
import {
  activeRun,
  playbookIncidentClocks,
  scopeFromApis,
} from '../../../../core/incidents/factory';
import { parseIncident, parseTimelineEntry } from '../../../../core/incidents/schema';
import type { ApiId } from '../../../../core/inventory/types';
import { clockById } from '../../../../core/playbooks/clocks';
import { APIS, HOUR, MINUTE, T0, nid, sampleIncident, timelineOf } from './helpers';

describe('declaring an incident', () => {
  it('pre-fills data classes and regimes from the affected APIs', () => {
    expect(scopeFromApis(APIS, ['api-users', 'api-pay', 'api-gone'] as ApiId[])).toEqual({
      dataClasses: ['personal', 'payment-card', 'credentials'],
      regimes: ['gdpr', 'NIS2', 'PCI DSS'],
    });
    const incident = sampleIncident();
    expect(incident).toMatchObject({
      status: 'declared',
      mode: 'live',
      dataClasses: ['personal', 'payment-card', 'credentials'],
      regimes: ['PCI DSS', 'GDPR', 'NIS2'],
      calendar: { id: 'weekends' },
      createdAt: T0 + 30 * MINUTE,
    });
  });

  it('stores a record the schema accepts, and refuses a damaged one with the field named', () => {
    const incident = sampleIncident();
    expect(parseIncident(incident)).toEqual({ ok: true, value: incident });
    const bad = { ...incident, severity: 'SEV0', keyTimes: { aware: { at: 'soon', by: 'x' } } };
    const result = parseIncident(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('incident.severity: Use a severity from SEV1 to SEV4.');
      expect(result.errors.some((e) => e.startsWith('incident.keyTimes.aware.at:'))).toBe(true);
    }
    expect(parseIncident({ ...incident, timeZone: 'Mars/Olympus' }).ok).toBe(false);
  });

  it('keeps unknown keys of a timeline entry so that the chain sees them', () => {
    const [e] = timelineOf(sampleIncident(), [
      { at: T0, recordedAt: T0, actor: 'Ana', kind: 'note', text: 'hi' },
    ]);
    const parsed = parseTimelineEntry({ ...e, extra: 1 });
    expect(parsed.ok && parsed.value).toMatchObject({ extra: 1 });
    expect(parseTimelineEntry({ ...e, kind: 'step.entered' }).ok).toBe(true);
    expect(parseTimelineEntry({ ...e, kind: 'Note <b>' })).toEqual({
      ok: false,
      errors: ['entry.kind: A kind is lower-case words joined by hyphens or dots.'],
    });
  });

  it('gives a playbook machine its incident clocks, and finds the active run', () => {
    const incident = sampleIncident();
    expect(playbookIncidentClocks(incident)).toEqual({
      declared: T0 + 30 * MINUTE,
      detected: T0 + 20 * MINUTE,
      aware: T0 + 50 * MINUTE,
    });
    expect(activeRun(incident)).toBeUndefined();
  });
});

describe('regulatory clocks of an incident', () => {
  it('are chosen from its data classes and regimes', () => {
    const ids = applicableClocks(sampleIncident()).map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gdpr-art33', 'nis2-early-warning', 'pci-dss-brands']),
    );
    expect(ids).not.toContain('hipaa-hhs');
    expect(clocksToStart(sampleIncident()).map((c) => c.id)).not.toContain('nis2-final-report');
    expect(followUpClocks('nis2-notification').map((c) => c.id)).toEqual(['nis2-final-report']);
  });

  it('start from the key time their rule names, or wait for a person', () => {
    const incident = sampleIncident();
    const byId = (id: string) => {
      const c = clockById(id);
      if (!c) throw new Error(id);
      return c;
    };
    expect(defaultTriggerAt(byId('gdpr-art33'), incident)).toBe(T0 + 50 * MINUTE);
    expect(defaultTriggerAt(byId('pci-dss-brands'), incident)).toBe(T0 + 20 * MINUTE);
    expect(defaultTriggerAt(byId('sec-8k-105'), incident)).toBeNull();
    expect(defaultTriggerAt(byId('nis2-final-report'), incident)).toBeNull();
    const sent = {
      ...incident,
      clocks: [
        {
          ...startClock({
            clock: byId('nis2-notification'),
            triggerAt: T0,
            setBy: 'Ana',
            setAt: T0,
            incident,
          }),
          notificationId: nid('n1'),
        },
      ],
      notifications: [
        {
          id: nid('n1'),
          audience: 'regulators' as const,
          templateId: 'regulator-initial',
          to: 'csirt@example.eu',
          subject: 's',
          body: 'b',
          status: 'sent' as const,
          createdAt: T0,
          createdBy: 'Ana',
          updatedAt: T0,
          sentAt: T0 + 40 * HOUR,
          sentBy: 'Ana',
        },
      ],
    };
    expect(defaultTriggerAt(byId('nis2-final-report'), sent)).toBe(T0 + 40 * HOUR);
    // Linked only through the notification's clockId.
    const byClockId = {
      ...sent,
      clocks: sent.clocks.map((c) => ({ ...c, notificationId: undefined })),
      notifications: sent.notifications.map((n) => ({ ...n, clockId: 'nis2-notification' })),
    };
    expect(defaultTriggerAt(byId('nis2-final-report'), byClockId)).toBe(T0 + 40 * HOUR);
  });

  it('carry their deadline and status: countdown, met on time or late, dismissed', () => {
    const incident = sampleIncident();
    const gdpr = clockById('gdpr-art33');
    if (!gdpr) throw new Error('gdpr');
    const trigger = T0 + 50 * MINUTE;
    const c = startClock({
      clock: gdpr,
      triggerAt: trigger,
      setBy: 'Ana',
      setAt: T0 + HOUR,
      incident,
    });
    expect(c).toEqual({
      clockId: 'gdpr-art33',
      triggerAt: trigger,
      setBy: 'Ana',
      setAt: T0 + HOUR,
      deadlineAt: trigger + 72 * HOUR,
    });
    expect(clockStatus(c, [], trigger + HOUR)).toMatchObject({ state: 'ok' });
    expect(clockStatus(c, [], trigger + 73 * HOUR)).toMatchObject({ state: 'overdue' });
    const note = {
      id: nid('n2'),
      audience: 'regulators' as const,
      templateId: 'regulator-initial',
      to: 'dpa@example.eu',
      subject: 's',
      body: 'b',
      clockId: 'gdpr-art33',
      status: 'sent' as const,
      createdAt: T0,
      createdBy: 'Ana',
      updatedAt: T0,
      sentAt: trigger + 80 * HOUR,
      sentBy: 'Ana',
    };
    expect(clockStatus(c, [note], trigger + 81 * HOUR)).toEqual({
      state: 'met',
      sentAt: trigger + 80 * HOUR,
      late: true,
    });
    expect(
      clockStatus({ ...c, dismissed: { at: T0, by: 'Legal', reason: 'No risk' } }, [], T0),
    ).toEqual({ state: 'dismissed', reason: 'No risk' });
  });

  it('count business days on the chosen holiday calendar and the regulator’s time zone', () => {
    const sec = clockById('sec-8k-105');
    const us = holidayCalendar('us-federal');
    if (!sec || !us) throw new Error('missing');
    // Determination Wed 25 Nov 2026 10:00 New York; Thanksgiving Thu 26.
    const trigger = Date.parse('2026-11-25T10:00:00-05:00');
    const c = startClock({
      clock: sec,
      triggerAt: trigger,
      setBy: 'CFO',
      setAt: trigger,
      incident: { timeZone: 'Europe/Berlin', calendar: us },
    });
    expect(c.deadlineAt).toBe(Date.parse('2026-12-02T23:59:59.999-05:00'));
  });

  it('has built-in calendars whose holidays are real dates, sorted, without duplicates', () => {
    for (const cal of HOLIDAY_CALENDARS) {
      expect([...cal.dates].sort()).toEqual(cal.dates);
      expect(new Set(cal.dates).size).toBe(cal.dates.length);
      for (const d of cal.dates) expect(Number.isNaN(Date.parse(`${d}T00:00:00Z`))).toBe(false);
    }
    // Spot checks against published lists: Juneteenth 2026, Good Friday 2027, Whit Monday 2026.
    expect(holidayCalendar('us-federal')?.dates).toContain('2026-06-19');
    expect(holidayCalendar('br-national')?.dates).toContain('2027-03-26');
    expect(holidayCalendar('de-national')?.dates).toContain('2026-05-25');
  });
});
