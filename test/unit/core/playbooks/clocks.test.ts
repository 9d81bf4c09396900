import { describe, expect, it } from 'vitest';
import { REGULATORY_CLOCKS, clockById, clocksFor } from '../../../../core/playbooks/clocks';
import { formatDuration, parseDuration } from '../../../../core/playbooks/duration';

const ids = (scope: Parameters<typeof clocksFor>[0]) => clocksFor(scope).map((c) => c.id);

describe('regulatory clocks', () => {
  it('choose GDPR clocks for personal data in GDPR scope, and none for public data only', () => {
    expect(ids({ dataClasses: ['personal'], regimes: ['GDPR'] })).toEqual([
      'gdpr-art33',
      'gdpr-art34',
    ]);
    expect(ids({ dataClasses: ['public'], regimes: ['GDPR'] })).toEqual([]);
    expect(clockById('gdpr-art33')).toMatchObject({
      deadline: 'PT72H',
      trigger: 'aware',
      audience: 'regulators',
    });
  });

  it('keep UK GDPR and GDPR apart and match regime names without case or punctuation', () => {
    expect(ids({ dataClasses: ['personal'], regimes: ['uk-gdpr'] })).toEqual([
      'uk-gdpr-art33',
      'uk-gdpr-art34',
    ]);
    expect(ids({ dataClasses: ['personal'], regimes: ['  Uk_Gdpr '] })).toEqual([
      'uk-gdpr-art33',
      'uk-gdpr-art34',
    ]);
  });

  it('choose availability regimes (NIS2, DORA) whatever the data', () => {
    expect(ids({ dataClasses: [], regimes: ['NIS2'] })).toEqual([
      'nis2-early-warning',
      'nis2-notification',
      'nis2-final-report',
    ]);
    expect(clockById('nis2-final-report')).toMatchObject({
      deadline: 'P1M',
      after: 'nis2-notification',
    });
    expect(ids({ dataClasses: ['public'], regimes: ['DORA'] })).toEqual([
      'dora-initial',
      'dora-intermediate',
      'dora-final',
    ]);
  });

  it('mark business-day deadlines (SEC 8-K, LGPD) for the incident room calendar', () => {
    expect(clocksFor({ dataClasses: [], regimes: ['SOX'] })).toEqual([
      expect.objectContaining({
        id: 'sec-8k-105',
        deadline: 'P4D',
        businessDays: true,
        trigger: 'materiality-determination',
      }),
    ]);
    expect(
      clocksFor({ dataClasses: ['personal'], regimes: ['LGPD'] }).every(
        (c) => c.businessDays === true && c.deadline === 'P3D',
      ),
    ).toBe(true);
    expect(REGULATORY_CLOCKS.filter((c) => c.businessDays).map((c) => c.id)).toEqual([
      'sec-8k-105',
      'lgpd-anpd',
      'lgpd-subjects',
    ]);
  });

  it('select HIPAA only for health data, and PCI DSS for card data even without the regime', () => {
    expect(ids({ dataClasses: ['personal'], regimes: ['HIPAA'] })).toEqual([]);
    expect(ids({ dataClasses: ['health'], regimes: ['HIPAA'] })).toEqual([
      'hipaa-individuals',
      'hipaa-hhs',
      'hipaa-media',
    ]);
    expect(ids({ dataClasses: ['payment-card'], regimes: [] })).toEqual(['pci-dss-brands']);
    expect(clockById('pci-dss-brands')).toMatchObject({
      urgency: 'immediately',
      audience: 'partners',
    });
  });

  it('cover every row of domain.md §6 with valid ids, durations and selectors', () => {
    const regimes = new Set(REGULATORY_CLOCKS.map((c) => c.regime));
    for (const r of [
      'GDPR',
      'UK GDPR',
      'NIS2',
      'DORA',
      'SEC',
      'HIPAA',
      'FTC Safeguards Rule',
      'NYDFS',
      'US bank regulators',
      'California',
      'PCI DSS',
      'CERT-In',
      'LGPD',
      'PDPA',
      'Australia NDB',
    ])
      expect(regimes.has(r), r).toBe(true);
    expect(new Set(REGULATORY_CLOCKS.map((c) => c.id)).size).toBe(REGULATORY_CLOCKS.length);
    for (const c of REGULATORY_CLOCKS) {
      if (c.deadline !== null) expect(/^P(\d+[DM]|T\d+H|T0S)$/.test(c.deadline), c.id).toBe(true);
      if (c.after) expect(clockById(c.after), c.id).toBeDefined();
      expect(c.selectedBy.regimes.length, c.id).toBeGreaterThan(0);
    }
    expect(clockById('cert-in-6h')?.deadline).toBe('PT6H');
    expect(clockById('us-bank-36h')?.deadline).toBe('PT36H');
    expect(clockById('dora-initial')?.check).toMatch(/2025\/301/);
  });
});

describe('SLA durations', () => {
  it('parse ISO-8601 weeks, days, hours, minutes and seconds', () => {
    expect(parseDuration('PT30M')).toBe(30 * 60_000);
    expect(parseDuration('P1DT12H')).toBe(36 * 3_600_000);
    expect(parseDuration('P2W')).toBe(14 * 86_400_000);
    expect(parseDuration('PT0.5S')).toBe(500);
  });

  it('refuse months, years, empty designators and junk', () => {
    for (const bad of ['P1M', 'P1Y', 'P', 'PT', '30M', 'PT30m', 'P1D2H', ''])
      expect(parseDuration(bad), bad).toBeNull();
  });

  it('format milliseconds back compactly', () => {
    expect(formatDuration(90 * 60_000)).toBe('PT1H30M');
    expect(formatDuration(2 * 86_400_000)).toBe('P2D');
    expect(formatDuration(0)).toBe('PT0S');
    expect(parseDuration(formatDuration(123_456_789))).toBe(123_456_789);
  });
});
