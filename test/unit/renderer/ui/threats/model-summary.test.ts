import { describe, expect, it } from 'vitest';
import type { ApiEntry, ApiId } from '../../../../../core/inventory';
import {
  defaultLibrary,
  generateThreats,
  signOff,
  type IsoTimestamp,
} from '../../../../../core/threats';
import type { ThreatModelRecord } from '../../../../../core/workspace/records';
import { matchesSearch, summarize } from '../../../../../renderer/ui/threats/model-summary';
import { paymentsModel } from '../../../../fixtures/threats/models';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const record: ThreatModelRecord = {
  ...signOff(generateThreats(paymentsModel(), defaultLibrary()), {
    signedBy: 'Ada',
    signedAt: at,
    note: '',
  }),
  createdAt: at,
  updatedAt: at,
};
const apis = new Map([
  ['api-payments' as ApiId, { id: 'api-payments', name: 'Card Payments' } as ApiEntry],
]);

describe('summarize', () => {
  it('names linked APIs, counts open threats by severity and shows the last sign-off', () => {
    const s = summarize(record, apis);
    expect(s.apiNames).toEqual(['Card Payments']);
    expect(s.elements).toBe(record.elements.length);
    const open = record.threats.instances.filter((t) => !t.stale && t.status === 'open').length;
    expect(s.openTotal).toBe(open);
    expect(Object.values(s.open).reduce((a, b) => a + b, 0)).toBe(open);
    expect(s.lastSignOff).toEqual({ version: 1, at });
  });

  it('shows an API deleted from the inventory by its id', () => {
    expect(summarize(record, new Map()).apiNames).toEqual(['api-payments (deleted)']);
  });
});

describe('matchesSearch', () => {
  it('matches the title or an API name, ignoring case', () => {
    const s = summarize(record, apis);
    expect(matchesSearch(s, '')).toBe(true);
    expect(matchesSearch(s, 'payments api')).toBe(true);
    expect(matchesSearch(s, 'CARD')).toBe(true);
    expect(matchesSearch(s, 'orders')).toBe(false);
  });
});
