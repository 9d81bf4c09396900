import { describe, expect, it } from 'vitest';
import {
  MAX_SUMMARY_LINES,
  backLinkText,
  draftReview,
  linkActionItem,
} from '../../../../core/incidents/review';
import type { ActionItem, ActionItemId } from '../../../../core/incidents/types';
import { threatModelSchema } from '../../../../core/threats/schema';
import type { IsoDate } from '../../../../core/shared/brand';
import { paymentsModel } from '../../../fixtures/threats/models';
import { APIS, HOUR, MINUTE, T0, sampleIncident, timelineOf } from './helpers';

const item = (overrides: Partial<ActionItem> = {}): ActionItem => ({
  id: 'ai-1' as ActionItemId,
  title: 'Enforce object-level authorization on /v1/payments/{id}',
  owner: 'Payments team',
  due: '2026-04-01' as IsoDate,
  status: 'open',
  ...overrides,
});

describe('post-incident review draft', () => {
  const incident = sampleIncident();
  const timeline = timelineOf(incident, [
    {
      at: T0 + 30 * MINUTE,
      recordedAt: T0 + 30 * MINUTE,
      actor: 'Ana Souza',
      kind: 'declared',
      text: 'Incident declared (SEV1)',
    },
    {
      at: T0 + 35 * MINUTE,
      recordedAt: T0 + 35 * MINUTE,
      actor: 'Ana Souza',
      kind: 'note',
      text: 'Chatter in the channel',
    },
    {
      at: T0 + 2 * HOUR,
      recordedAt: T0 + 2 * HOUR,
      actor: 'Ben Okafor',
      kind: 'decision',
      text: 'Block the endpoint at the gateway',
    },
  ]);

  it('summarises the incident, its impact, its timeline and its metrics', () => {
    const review = draftReview(incident, timeline, {
      now: T0 + 30 * HOUR,
      by: 'Ana Souza',
      apis: APIS,
    });
    expect(review.summary).toContain(
      'Card data exposed through /v1/payments (SEV1 — Critical) affecting Payments API, Users API.',
    );
    expect(review.summary).toContain('Detected through customer report at 2026-03-02 10:20 +01:00');
    expect(review.impact).toContain(
      'Data involved: Personal data, Payment card data, Credentials / secrets.',
    );
    expect(review.timelineSummary).toContain('Started: 2026-03-02 10:00 +01:00');
    expect(review.timelineSummary).toContain(
      '2026-03-02 12:00 +01:00 — Ben Okafor: Block the endpoint at the gateway',
    );
    expect(review.timelineSummary).not.toContain('Chatter');
    expect(review.timelineSummary).toContain('Time to contain: 2 h 40 min');
    expect(review.metrics.timeToDetectMs).toBe(20 * MINUTE);
    expect(review).toMatchObject({
      rootCause: '',
      fiveWhys: [],
      actionItems: [],
      updatedBy: 'Ana Souza',
    });
  });

  it('keeps what people wrote when it is drafted again', () => {
    const first = draftReview(incident, timeline, { now: T0, by: 'A' });
    const edited = {
      ...first,
      rootCause: 'Missing ownership check',
      fiveWhys: ['Why 1'],
      actionItems: [item()],
    };
    const again = draftReview({ ...incident, review: edited }, timeline, {
      now: T0 + HOUR,
      by: 'B',
    });
    expect(again).toMatchObject({
      rootCause: 'Missing ownership check',
      fiveWhys: ['Why 1'],
      actionItems: [item()],
    });
  });

  it('marks an exercise and bounds a long timeline', () => {
    const many = timelineOf(
      incident,
      Array.from({ length: MAX_SUMMARY_LINES + 5 }, (_, i) => ({
        at: T0 + i,
        recordedAt: T0 + i,
        actor: 'A',
        kind: 'decision',
        text: `d${i}`,
      })),
    );
    const review = draftReview({ ...incident, mode: 'exercise' }, many, { now: T0, by: 'A' });
    expect(review.summary.startsWith('EXERCISE: ')).toBe(true);
    expect(review.timelineSummary).toContain('… and 5 more entries (see the full timeline).');
  });
});

describe('action item → threat model', () => {
  const model = paymentsModel();
  const incident = sampleIncident();
  const element = model.elements.find((e) => e.kind === 'process');
  if (!element) throw new Error('fixture has no process');

  it('adds a new threat on an element, linked both ways', () => {
    const r = linkActionItem(model, incident, item(), {
      kind: 'threat',
      elementId: element.id,
      stride: 'I',
    });
    if (!r.ok) throw new Error(r.error);
    const threatId = r.item.link?.threatId;
    expect(r.item.link).toEqual({ threatModelId: model.id, threatId });
    const created = r.model.threats.instances.find((t) => t.id === threatId);
    expect(created).toMatchObject({ elementId: element.id, source: 'manual', status: 'open' });
    expect(created?.notes).toBe(backLinkText(incident, item()));
    expect(created?.notes).toContain('incident inc-7');
    expect(created?.notes).toContain('action item ai-1');
    const entry = r.model.threats.catalogue.find((c) => c.id === created?.threatId);
    expect(entry).toMatchObject({ title: item().title, stride: 'I', likelihood: 3, impact: 3 });
    expect(threatModelSchema.safeParse(r.model).success).toBe(true);
    expect(r.model.threats.instances).toHaveLength(model.threats.instances.length + 1);
  });

  it('adds a mitigation to an existing threat, with owner and due date', () => {
    const seeded = linkActionItem(model, incident, item({ id: 'ai-0' as ActionItemId }), {
      kind: 'threat',
      elementId: element.id,
      stride: 'E',
    });
    if (!seeded.ok) throw new Error(seeded.error);
    const base = seeded.model;
    const threat = base.threats.instances.find((t) => t.id === seeded.item.link?.threatId);
    if (!threat) throw new Error('no threat');
    const r = linkActionItem(base, incident, item(), { kind: 'mitigation', threatId: threat.id });
    if (!r.ok) throw new Error(r.error);
    const updated = r.model.threats.instances.find((t) => t.id === threat.id);
    const mitigation = updated?.mitigations.at(-1);
    expect(mitigation).toMatchObject({
      title: item().title,
      owner: 'Payments team',
      due: '2026-04-01',
      status: 'planned',
    });
    expect(mitigation?.description).toBe(backLinkText(incident, item()));
    expect(updated?.notes.endsWith(backLinkText(incident, item()))).toBe(true);
    expect(r.item.link).toEqual({
      threatModelId: model.id,
      threatId: threat.id,
      mitigationId: mitigation?.id,
    });
    expect(threatModelSchema.safeParse(r.model).success).toBe(true);
  });

  it('gives each link its own id and refuses a second link or a missing target', () => {
    const first = linkActionItem(model, incident, item(), {
      kind: 'threat',
      elementId: element.id,
      stride: 'T',
    });
    if (!first.ok) throw new Error(first.error);
    const other = element.id === model.elements[0]?.id ? model.elements[1] : model.elements[0];
    const second = linkActionItem(first.model, incident, item(), {
      kind: 'threat',
      elementId: other?.id ?? element.id,
      stride: 'T',
    });
    if (!second.ok) throw new Error(second.error);
    expect(second.item.link?.threatId).not.toBe(first.item.link?.threatId);
    expect(
      linkActionItem(model, incident, first.item, { kind: 'mitigation', threatId: 'x' as never }),
    ).toEqual({
      ok: false,
      error: 'This action item is already linked to a threat model.',
    });
    expect(
      linkActionItem(model, incident, item(), { kind: 'mitigation', threatId: 'nope' as never }).ok,
    ).toBe(false);
  });
});
