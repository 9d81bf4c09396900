import { describe, expect, it } from 'vitest';
import type { ImprovementItem } from '../../../../../core/exercises/exercise';
import { declareIncident, type IncidentId } from '../../../../../core/incidents';
import { improvementToActionItem } from '../../../../../renderer/ui/exercises/improvement-review';

const T0 = Date.UTC(2026, 10, 23, 9);
const ctx = { at: T0 + 3_600_000, recordedAt: T0 + 60_000, actor: 'Dana' };
const item: ImprovementItem = {
  id: 'imp-1',
  kind: 'area-for-improvement',
  observation: 'Eleven endpoints lack the ownership check',
  correctiveAction: 'Add a shared authorization layer with cross-tenant tests',
  owner: 'Orders team',
  due: '2027-01-31',
  link: { kind: 'threat-model', threatModelId: 'tm-1' },
};

function incident(withReview: boolean) {
  const base = declareIncident({
    id: 'inc-1' as IncidentId,
    now: T0,
    title: 'BOLA drill',
    severity: 'SEV2',
    mode: 'exercise',
    exerciseId: 'ex-1',
    declaredBy: 'Dana',
    timeZone: 'UTC',
  });
  if (!withReview) return base;
  return {
    ...base,
    review: {
      summary: '',
      impact: '',
      timelineSummary: '',
      metrics: {
        timeToDetectMs: null,
        timeToAcknowledgeMs: null,
        timeToContainMs: null,
        timeToResolveMs: null,
      },
      rootCause: '',
      fiveWhys: [],
      contributingFactors: [],
      wentWell: [],
      actionItems: [],
      updatedAt: T0,
      updatedBy: 'Dana',
    },
  };
}

describe('improvement item to review action item', () => {
  it('adds an open action item with the same id, owner and due date, recorded in the timeline', () => {
    const change = improvementToActionItem(ctx, item)(incident(true));
    expect(change?.incident.review?.actionItems).toEqual([
      {
        id: 'imp-1',
        title: 'Add a shared authorization layer with cross-tenant tests',
        owner: 'Orders team',
        due: '2027-01-31',
        status: 'open',
      },
    ]);
    expect(change?.incident.review?.updatedBy).toBe('Dana');
    expect(change?.entries.map((e) => [e.kind, e.at, e.actor])).toEqual([
      ['action-item-added', T0 + 3_600_000, 'Dana'],
    ]);
  });

  it('does nothing without a drafted review or when the item is already there', () => {
    expect(improvementToActionItem(ctx, item)(incident(false))).toBeNull();
    const once = improvementToActionItem(ctx, item)(incident(true));
    if (!once) throw new Error('expected a change');
    expect(improvementToActionItem(ctx, item)(once.incident)).toBeNull();
  });
});
