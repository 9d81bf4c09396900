import { describe, expect, it } from 'vitest';
import type { ApiEntry, ApiId } from '../../../../../core/inventory';
import {
  defaultLibrary,
  generateThreats,
  signOff,
  type IsoTimestamp,
} from '../../../../../core/threats';
import { summarizeThreatModel } from '../../../../../core/workspace/model-summary';
import type { ThreatModelRecord } from '../../../../../core/workspace/records';
import { matchesSearch, summarize } from '../../../../../renderer/ui/threats/model-summary';
import { paymentsModel } from '../../../../fixtures/threats/models';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const signed = signOff(generateThreats(paymentsModel(), defaultLibrary()), {
  signedBy: 'Ada',
  signedAt: at,
  note: '',
});
// Two threats decided, one stale, one overridden to critical: each must count apart.
const [first, second, third, fourth] = signed.threats.instances;
if (!first || !second || !third || !fourth) throw new Error('fixture has too few threats');
const record: ThreatModelRecord = {
  ...signed,
  threats: {
    ...signed.threats,
    instances: [
      { ...first, status: 'mitigated' },
      { ...second, stale: true, staleReason: 'gone' },
      { ...third, rating: { ...third.rating, override: { severity: 'critical', rationale: 'r' } } },
      { ...fourth, status: 'accepted' },
      ...signed.threats.instances.slice(4),
    ],
  },
  createdAt: '2026-11-20T09:00:00.000Z' as IsoTimestamp,
  updatedAt: at,
};
const apis = new Map([
  ['api-payments' as ApiId, { id: 'api-payments', name: 'Card Payments' } as ApiEntry],
]);

describe('summarizeThreatModel', () => {
  it('keeps the list fields and counts open, current threats by rated severity', () => {
    const s = summarizeThreatModel(record);
    expect(s).toMatchObject({
      id: record.id,
      title: record.title,
      apiIds: ['api-payments'],
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: at,
      elements: record.elements.length,
      versionCount: 1,
      lastSignOff: { version: 1, at },
    });
    const total = signed.threats.instances.length;
    expect(s.openTotal).toBe(total - 3);
    expect(Object.values(s.open).reduce((a, b) => a + b, 0)).toBe(total - 3);
    expect(s.open.critical).toBeGreaterThanOrEqual(1);
  });

  it('says a model never signed off has no versions', () => {
    const s = summarizeThreatModel({ ...record, versions: [] });
    expect(s.versionCount).toBe(0);
    expect(s.lastSignOff).toBeNull();
  });
});

describe('summarize', () => {
  it('names linked APIs', () => {
    const s = summarize(summarizeThreatModel(record), apis);
    expect(s.apiNames).toEqual(['Card Payments']);
    expect(s.title).toBe(record.title);
  });

  it('shows an API deleted from the inventory by its id', () => {
    expect(summarize(summarizeThreatModel(record), new Map()).apiNames).toEqual([
      'api-payments (deleted)',
    ]);
  });
});

describe('matchesSearch', () => {
  it('matches the title or an API name, ignoring case', () => {
    const s = summarize(summarizeThreatModel(record), apis);
    expect(matchesSearch(s, '')).toBe(true);
    expect(matchesSearch(s, 'payments api')).toBe(true);
    expect(matchesSearch(s, 'CARD')).toBe(true);
    expect(matchesSearch(s, 'orders')).toBe(false);
  });
});
