import { describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../../core/inventory';
import {
  defaultLibrary,
  emptyModel,
  generateThreats,
  signOff,
  type IsoTimestamp,
} from '../../../../../core/threats';
import { WORKSHOP_STEPS } from '../../../../../renderer/ui/lib/route';
import { workshopProgress } from '../../../../../renderer/ui/threats/workshop/progress';
import { stepBeside, stepKey } from '../../../../../renderer/ui/threats/workshop/steps';
import { paymentsModel } from '../../../../fixtures/threats/models';

const key = (k: string, o: Partial<Parameters<typeof stepKey>[0]> = {}) =>
  stepKey({ key: k, altKey: false, ctrlKey: false, metaKey: false, inField: false, ...o });

describe('workshop keys', () => {
  it('[ and ] move between steps, but not while typing', () => {
    expect(key('[')).toBe(-1);
    expect(key(']')).toBe(1);
    expect(key(']', { inField: true })).toBeNull();
  });

  it('Alt+arrows move between steps, also while typing', () => {
    expect(key('ArrowLeft', { altKey: true, inField: true })).toBe(-1);
    expect(key('ArrowRight', { altKey: true })).toBe(1);
    expect(key('ArrowRight')).toBeNull();
    expect(key(']', { ctrlKey: true })).toBeNull();
  });

  it('stops at the first and the last step', () => {
    expect(stepBeside('scope', -1)).toBe('scope');
    expect(stepBeside('scope', 1)).toBe('describe');
    expect(stepBeside('review', 1)).toBe('review');
  });
});

describe('workshopProgress', () => {
  it('starts empty for a new model', () => {
    const p = workshopProgress(emptyModel('tm', 'T', ['api-1' as ApiId]));
    expect(p.scope).toEqual({ done: 1 / 3, text: '1 of 3 parts written' });
    for (const s of WORKSHOP_STEPS.slice(1)) expect(p[s].done).toBe(0);
    expect(p.review.text).toBe('Not signed off');
  });

  it('fills as the model is described, generated and signed off', () => {
    const model = signOff(generateThreats(paymentsModel(), defaultLibrary()), {
      signedBy: 'Ada',
      signedAt: '2026-11-23T10:00:00.000Z' as IsoTimestamp,
      note: '',
    });
    const p = workshopProgress(model);
    expect(p.describe.done).toBe(1);
    expect(p.identify.done).toBe(1);
    expect(p.review).toEqual({ done: 1, text: 'Version 1 signed off' });
    // Proposed mitigations from the rules do not count as addressed.
    expect(p.mitigate.done).toBeLessThan(1);
  });
});
