import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../../core/exercises/exercise';
import { declareIncident } from '../../../../core/incidents/factory';
import type {
  Incident,
  IncidentId,
  NotificationId,
  TimelineEntry,
} from '../../../../core/incidents/types';
import {
  calendarPeriod,
  checkPeriod,
  compareWithSnapshot,
  computePosture,
  figureById,
  median,
  monthsOf,
  p90,
  percent,
  periodLabel,
  postureExercise,
  postureIncident,
  postureWorkspaceOf,
  postureSnapshotSchema,
  previousPeriod,
  takeSnapshot,
  type Period,
} from '../../../../core/posture';
import type { IsoDate, IsoTimestamp } from '../../../../core/shared/brand';
import { BUILTINS, NOW, Q3, postureWorkspace } from '../../../fixtures/posture/workspace';

const period = (from: string, to: string): Period => ({ from: from as IsoDate, to: to as IsoDate });

describe('periods', () => {
  it('finds the calendar quarter, half and year of a date', () => {
    expect(calendarPeriod('2026-08-15' as IsoDate, 'quarter')).toEqual(
      period('2026-07-01', '2026-09-30'),
    );
    expect(calendarPeriod('2026-02-28' as IsoDate, 'half')).toEqual(
      period('2026-01-01', '2026-06-30'),
    );
    expect(calendarPeriod('2024-02-29' as IsoDate, 'year')).toEqual(
      period('2024-01-01', '2024-12-31'),
    );
  });

  it('compares a calendar period with the one before, across a year end', () => {
    expect(previousPeriod(period('2026-01-01', '2026-03-31'))).toEqual(
      period('2025-10-01', '2025-12-31'),
    );
    expect(previousPeriod(period('2026-07-01', '2026-12-31'))).toEqual(
      period('2026-01-01', '2026-06-30'),
    );
    expect(previousPeriod(period('2026-01-01', '2026-12-31'))).toEqual(
      period('2025-01-01', '2025-12-31'),
    );
  });

  it('compares a custom period with the same number of days just before', () => {
    expect(previousPeriod(period('2026-03-11', '2026-03-20'))).toEqual(
      period('2026-03-01', '2026-03-10'),
    );
  });

  it('labels periods in words', () => {
    expect(periodLabel(period('2026-07-01', '2026-09-30'))).toBe('Q3 2026');
    expect(periodLabel(period('2026-07-01', '2026-12-31'))).toBe('H2 2026');
    expect(periodLabel(period('2026-01-01', '2026-12-31'))).toBe('2026');
    expect(periodLabel(period('2026-03-05', '2026-04-10'))).toBe('5 Mar 2026 – 10 Apr 2026');
  });

  it('lists the months a period touches', () => {
    expect(monthsOf(period('2026-11-15', '2027-01-02'))).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('refuses malformed and reversed periods with a reason', () => {
    expect(checkPeriod({ from: '2026-13-01', to: '2026-12-31' })).toMatch(/not a date/);
    expect(checkPeriod({ from: 'Q3', to: '2026-12-31' })).toMatch(/"Q3" is not a date/);
    expect(checkPeriod({ from: '2026-05-01', to: '2026-04-01' })).toMatch(
      /starts .* after it ends/,
    );
    expect(checkPeriod({ from: '2026-04-01', to: '2026-04-01' })).toBeNull();
  });
});

describe('statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('takes the nearest-rank 90th percentile', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11])).toBe(10);
    expect(p90([7])).toBe(7);
    expect(p90([])).toBeNull();
  });

  it('gives no percentage of nothing', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('snapshots', () => {
  const posture = computePosture(postureWorkspace(), {
    period: Q3,
    now: NOW,
    builtinPlaybooks: BUILTINS,
  });

  it('keeps every figure and validates against its schema', () => {
    const snap = takeSnapshot(posture, 's1', NOW);
    expect(snap.figures).toHaveLength(posture.figures.length);
    expect(snap.figures.find((f) => f.id === 'inventory.in-service')).toEqual({
      id: 'inventory.in-service',
      label: 'APIs in service',
      unit: 'count',
      value: 6,
    });
    expect(postureSnapshotSchema.safeParse(JSON.parse(JSON.stringify(snap))).success).toBe(true);
  });

  it('compares with a kept snapshot instead of the previous period', () => {
    const snap = {
      id: 's0',
      takenAt: '2026-07-02T00:00:00.000Z' as IsoTimestamp,
      period: period('2026-04-01', '2026-06-30'),
      figures: [
        { id: 'inventory.in-service', label: 'APIs in service', unit: 'count' as const, value: 9 },
      ],
    };
    const compared = compareWithSnapshot(posture, snap);
    expect(figureById(compared, 'inventory.in-service').previous).toBe(9);
    expect(figureById(compared, 'inventory.unowned').previous).toBeNull(); // not in the snapshot
    expect(compared.comparedWith).toEqual({
      kind: 'snapshot',
      id: 's0',
      takenAt: '2026-07-02T00:00:00.000Z',
    });
  });

  it('refuses a snapshot with a figure value that is not a number', () => {
    const bad = {
      id: 's',
      takenAt: NOW,
      period: Q3,
      figures: [{ id: 'x', label: 'x', unit: 'count', value: 'NaN' }],
    };
    expect(postureSnapshotSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the incident-room adapter', () => {
  const H = 3_600_000;
  const t0 = Date.parse('2026-07-01T00:00:00.000Z');
  const base = declareIncident({
    id: 'inc-1' as IncidentId,
    now: t0 + 3 * H,
    title: 'Leaked key',
    severity: 'SEV2',
    mode: 'live',
    declaredBy: 'Ann',
    timeZone: 'UTC',
    keyTimes: {
      started: { at: t0, by: 'Ann' },
      detected: { at: t0 + 2 * H, by: 'Ann' },
      aware: { at: t0 + 3 * H, by: 'Ann' },
      contained: { at: t0 + 5 * H, by: 'Ann' },
    },
  });
  const incident: Incident = {
    ...base,
    clocks: [
      {
        clockId: 'gdpr-art33',
        triggerAt: t0 + 3 * H,
        setBy: 'Ann',
        setAt: t0 + 3 * H,
        deadlineAt: t0 + 75 * H,
        notificationId: 'n1' as NotificationId,
      },
      {
        clockId: 'nis2-early-warning',
        triggerAt: t0,
        setBy: 'Ann',
        setAt: t0,
        deadlineAt: t0 + 24 * H,
        dismissed: { at: t0, by: 'Ann', reason: 'Not significant' },
      },
      { clockId: 'gdpr-art34', triggerAt: t0, setBy: 'Ann', setAt: t0, deadlineAt: null },
    ],
    notifications: [
      {
        id: 'n1' as NotificationId,
        audience: 'regulators',
        templateId: 'custom',
        to: 'DPA',
        subject: 's',
        body: 'b',
        status: 'sent',
        createdAt: t0,
        createdBy: 'Ann',
        updatedAt: t0,
        sentAt: t0 + 80 * H,
        sentBy: 'Ann',
      },
    ],
    review: {
      summary: '',
      impact: '',
      timelineSummary: '',
      rootCause: '',
      fiveWhys: [],
      contributingFactors: [],
      wentWell: [],
      updatedAt: t0,
      updatedBy: 'Ann',
      metrics: {
        timeToDetectMs: null,
        timeToAcknowledgeMs: null,
        timeToContainMs: null,
        timeToResolveMs: null,
      },
      actionItems: [
        {
          id: 'ai-1' as never,
          title: 'Rotate',
          owner: 'Bo',
          due: '2026-07-10' as IsoDate,
          status: 'open',
        },
        { id: 'ai-2' as never, title: 'Scan', owner: 'Bo', due: null, status: 'done' },
      ],
    },
  };

  it('maps key times, owed notifications and action items', () => {
    const p = postureIncident(incident);
    expect(p.times).toEqual({
      declared: '2026-07-01T03:00:00.000Z',
      started: '2026-07-01T00:00:00.000Z',
      detected: '2026-07-01T02:00:00.000Z',
      acknowledged: '2026-07-01T03:00:00.000Z',
      contained: '2026-07-01T05:00:00.000Z',
      resolved: null,
    });
    // The dismissed clock and the one without a fixed deadline are owed nothing.
    expect(p.notifications).toHaveLength(1);
    expect(p.notifications[0]).toMatchObject({
      id: 'gdpr-art33',
      deadline: '2026-07-04T03:00:00.000Z',
      sentAt: '2026-07-04T08:00:00.000Z',
    });
    expect(p.actionItems.map((a) => [a.id, a.done])).toEqual([
      ['ai-1', false],
      ['ai-2', true],
    ]);
  });

  it('feeds the response figures: the notification counts as late', () => {
    const ws = { ...postureWorkspace(), incidents: [postureIncident(incident)] };
    const posture = computePosture(ws, { period: Q3, now: NOW, builtinPlaybooks: BUILTINS });
    expect(figureById(posture, 'response.notifications-late').value).toBe(1);
    // Contained from detection (core/incidents' definition): 02:00 → 05:00 = 3 h.
    expect(figureById(posture, 'response.ttc.median').value).toBe(3);
    expect(figureById(posture, 'response.tta.median').value).toBe(1);
  });
});

describe('the incident-room adapter and the incident metrics agree on acknowledgement', () => {
  const H = 3_600_000;
  const t0 = Date.parse('2026-07-01T00:00:00.000Z');
  // Detected at 02:00, declared in Bulwark only at 05:00, no aware time recorded.
  const incident = declareIncident({
    id: 'inc-2' as IncidentId,
    now: t0 + 5 * H,
    title: 'Token replay',
    severity: 'SEV2',
    mode: 'live',
    declaredBy: 'Ann',
    timeZone: 'UTC',
    keyTimes: { detected: { at: t0 + 2 * H, by: 'Ann' } },
  });
  const entry = (incidentId: string, seq: number, at: number, roleId: string): TimelineEntry => ({
    incidentId: incidentId as IncidentId,
    seq,
    at,
    recordedAt: at,
    actor: 'Ann',
    kind: 'role-assigned',
    text: `Ann took ${roleId}`,
    data: { roleId, person: 'Ann' },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  });

  it('without a timeline, the declaration acknowledges (05:00, 3 h after detection)', () => {
    expect(postureIncident(incident).times.acknowledged).toBe('2026-07-01T05:00:00.000Z');
  });

  it("counts the first incident-commander assignment from the incident's own timeline", () => {
    const ws = postureWorkspaceOf({
      apis: [],
      threatModels: [],
      playbooks: [],
      incidents: [incident],
      timeline: [
        entry('inc-2', 0, t0 + 2.25 * H, 'scribe'), // not the commander: ignored
        entry('inc-2', 1, t0 + 2.5 * H, 'incident-commander'), // 02:30
        entry('other', 0, t0 + 2.1 * H, 'incident-commander'), // another incident's
      ],
    });
    expect(ws.incidents?.[0]?.times.acknowledged).toBe('2026-07-01T02:30:00.000Z');
    const posture = computePosture(
      { ...postureWorkspace(), incidents: ws.incidents ?? [] },
      { period: Q3, now: NOW, builtinPlaybooks: BUILTINS },
    );
    // 02:00 → 02:30: half an hour, as the incident room's timeToAcknowledgeMs (1,800,000 ms).
    expect(figureById(posture, 'response.tta.median').value).toBe(0.5);
  });
});

describe('the exercises adapter', () => {
  const t = Date.parse('2026-08-20T09:00:00.000Z');
  const exercise: Exercise = {
    format: 1,
    id: 'ex-1',
    scenarioId: 'bola',
    scenarioVersion: '1.0.0',
    incidentId: 'inc-x',
    title: 'BOLA tabletop',
    facilitator: 'Fay',
    createdAt: t - 86_400_000,
    updatedAt: t,
    clock: {
      status: 'ended',
      compression: 10,
      simulatedStart: t,
      anchorElapsed: 0,
      anchorReal: null,
    },
    deliveries: [],
    answers: [],
    log: [
      { seq: 0, kind: 'started', elapsed: 0, realAt: t },
      { seq: 1, kind: 'ended', elapsed: 1000, realAt: t + 3_600_000 },
    ],
    actions: [],
    evaluations: [
      { objectiveId: 'contain', rating: 'S', notes: '' },
      { objectiveId: 'notify', rating: 'U', notes: '' },
    ],
    improvements: [
      {
        id: 'i1',
        kind: 'strength',
        observation: 'Fast triage',
        correctiveAction: '',
        owner: '',
        due: '',
      },
      {
        id: 'i2',
        kind: 'area-for-improvement',
        observation: 'Slow notice',
        correctiveAction: 'Pre-draft the notice',
        owner: 'Legal',
        due: '2026-09-30',
      },
      {
        id: 'i3',
        kind: 'area-for-improvement',
        observation: 'No runbook',
        correctiveAction: 'Add a task',
        owner: 'SRE',
        due: '',
        link: { kind: 'playbook-change', playbookId: 'bola', userPlaybookId: 'bola-copy' },
      },
      {
        id: 'i4',
        kind: 'area-for-improvement',
        observation: 'Gap',
        correctiveAction: 'Model it',
        owner: 'Sec',
        due: '2026-10-01',
        link: { kind: 'threat-model' },
      },
    ],
  };

  it('dates the exercise by its start, keeps ratings, and counts only areas for improvement', () => {
    const p = postureExercise(exercise);
    expect(p.conductedAt).toBe('2026-08-20T09:00:00.000Z');
    expect(p.evaluations).toEqual([
      { objective: 'contain', rating: 'S' },
      { objective: 'notify', rating: 'U' },
    ]);
    // i3 went into a playbook copy: done. i4 points at no threat yet: still open.
    expect(p.improvements.map((i) => [i.id, i.title, i.due, i.done])).toEqual([
      ['i2', 'Pre-draft the notice', '2026-09-30', false],
      ['i3', 'Add a task', null, true],
      ['i4', 'Model it', '2026-10-01', false],
    ]);
  });

  it('treats an exercise never started as not run', () => {
    expect(postureExercise({ ...exercise, log: [] }).conductedAt).toBeNull();
  });

  it('builds the posture input of a whole workspace', () => {
    const ws = postureWorkspaceOf({
      apis: [],
      threatModels: [],
      playbooks: [],
      exercises: [exercise],
    });
    expect(ws.incidents).toEqual([]);
    expect(ws.exercises?.map((e) => e.id)).toEqual(['ex-1']);
  });
});
