import { describe, expect, it } from 'vitest';
import { defaultLibrary, generateThreats, type IsoTimestamp } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import {
  modelAssembler,
  modelReplies,
  saveAssembler,
  saveRequests,
  type Assembly,
  type ModelsReply,
} from '../../../../renderer/storage/models-protocol';
import { largeModel } from '../../../fixtures/threats/models';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const record: ThreatModelRecord = {
  ...generateThreats(largeModel(40), defaultLibrary()),
  createdAt: at,
  updatedAt: at,
};

// What the window receives: every reply through structured cloning, as postMessage does.
function receive(replies: Iterable<ModelsReply>): Assembly[] {
  const take = modelAssembler();
  return [...replies].map((r) => take(structuredClone(r)));
}

describe('sending a model in slices', () => {
  it('puts back exactly the stored record, threats in order', () => {
    const n = record.threats.instances.length;
    expect(n).toBeGreaterThan(100);
    const replies = [...modelReplies(7, record, 30)];
    // The head carries no threats; every slice but the last is full.
    expect(replies[0]).toMatchObject({ kind: 'head', seq: 7, total: n });
    expect(replies.length).toBe(1 + Math.ceil(n / 30));
    const got = receive(replies);
    expect(got.at(-1)).toEqual({ state: 'complete', record });
    expect(got.slice(0, -1).every((a) => a.state === 'receiving')).toBe(true);
    expect(got.at(-2)).toEqual({ state: 'receiving', done: 30 * (replies.length - 2), total: n });
  });

  it('sends a model without threats as a head and one empty, last slice', () => {
    const empty = { ...record, threats: { ...record.threats, instances: [] } };
    const replies = [...modelReplies(1, empty, 30)];
    expect(replies.map((r) => r.kind)).toEqual(['head', 'threats']);
    expect(receive(replies).at(-1)).toEqual({ state: 'complete', record: empty });
  });

  it('says a missing model is missing', () => {
    expect(receive(modelReplies(2, undefined))).toEqual([{ state: 'complete', record: null }]);
  });

  it('reports a failure, and a slice that arrives before the head', () => {
    const take = modelAssembler();
    expect(take({ kind: 'threats', seq: 3, instances: [], last: true }).state).toBe('failed');
    expect(modelAssembler()({ kind: 'failed', seq: 3, error: 'IDB gone' })).toEqual({
      state: 'failed',
      error: 'IDB gone',
    });
  });
});

describe('sending a model to save in slices', () => {
  it('puts back exactly the model sent, once its last slice is in', () => {
    const n = record.threats.instances.length;
    const requests = [...saveRequests(4, record, 25)].map((r) => structuredClone(r));
    expect(requests[0]).toMatchObject({ kind: 'save-head', seq: 4, total: n });
    expect(requests[0]?.kind === 'save-head' && requests[0].model.threats.instances).toEqual([]);
    expect(requests.length).toBe(1 + Math.ceil(n / 25));
    const take = saveAssembler();
    const got = requests.map((r) => take(r));
    expect(got.slice(0, -1).every((m) => m === null)).toBe(true);
    expect(got.at(-1)).toEqual(record);
  });

  it('refuses a slice that arrives before its model', () => {
    expect(() =>
      saveAssembler()({ kind: 'save-threats', seq: 1, instances: [], last: true }),
    ).toThrow(/before its model/);
  });
});
