import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../../../core/posture';
import type { IsoDate } from '../../../../../core/shared/brand';
import { formatRoute } from '../../../../../renderer/ui/lib/route';
import { offeredPeriods, periodOfChoice } from '../../../../../renderer/ui/reports/period-choice';
import { routeOfRecord } from '../../../../../renderer/ui/reports/record-links';

describe('the period picker', () => {
  it('offers the current calendar period first, then the ones before', () => {
    const quarters = offeredPeriods('quarter', '2026-11-23' as IsoDate);
    expect(quarters).toHaveLength(8);
    expect(quarters.slice(0, 3)).toEqual([
      { from: '2026-10-01', to: '2026-12-31' },
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-04-01', to: '2026-06-30' },
    ]);
    expect(offeredPeriods('year', '2026-11-23' as IsoDate).map((p) => p.from)).toEqual([
      '2026-01-01',
      '2025-01-01',
      '2024-01-01',
      '2023-01-01',
    ]);
  });

  it('turns a custom range into a period, or says why it is not one', () => {
    expect(periodOfChoice({ kind: 'custom', from: '2026-07-01', to: '2026-09-30' })).toEqual({
      ok: true,
      period: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(periodOfChoice({ kind: 'custom', from: '2026-09-30', to: '2026-07-01' })).toEqual({
      ok: false,
      reason: 'The period starts (2026-09-30) after it ends (2026-07-01).',
    });
    expect(periodOfChoice({ kind: 'custom', from: '', to: '2026-07-01' }).ok).toBe(false);
  });
});

describe('links from a figure to its records', () => {
  const link = (ref: RecordRef) => {
    const route = routeOfRecord(ref);
    return route === null ? null : formatRoute(route);
  };

  it('opens each kind of record where it is worked on', () => {
    expect(link({ kind: 'api', id: 'a 1', label: 'x' })).toBe('#/inventory/a%201');
    expect(link({ kind: 'threat', id: 'c1@e1', label: 'x', parent: 'tm1' })).toMatch(
      /^#\/threats\/.*tm1.*rate/,
    );
    expect(link({ kind: 'mitigation', id: 'm1', label: 'x', parent: 'tm1' })).toMatch(
      /tm1.*mitigate/,
    );
    expect(link({ kind: 'notification', id: 'n1', label: 'x', parent: 'i1' })).toMatch(
      /^#\/incidents\/.*i1.*notifications/,
    );
    expect(link({ kind: 'playbook', id: 'bola', label: 'x' })).toMatch(/^#\/playbooks\/.*bola/);
    expect(link({ kind: 'exercise', id: 'x1', label: 'x' })).toMatch(
      /^#\/exercises\/.*x1.*evaluate/,
    );
  });

  it('lists records without a screen of their own as text', () => {
    expect(link({ kind: 'threat', id: 't', label: 'x' })).toBeNull();
  });
});
