import { describe, expect, it } from 'vitest';
import { nextDeliveryAt } from '../../../../core/exercises/engine';
import { injectSchedule } from '../../../../core/exercises/schedule';
import { bola, driver, minimal, MINUTE, SECOND, T0 } from './helpers';

describe('inject scheduling on compressed time', () => {
  it('delivers injects at their scheduled simulated time at 60×', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    expect(d.delivered()).toEqual([['enumeration-alert', 0]]);
    d.advance(9 * SECOND);
    d.act({ type: 'tick' });
    expect(d.delivered()).toHaveLength(1);
    d.advance(2 * SECOND); // 11 simulated minutes: sample-responses (PT10M) is due
    d.act({ type: 'tick' });
    expect(d.delivered()).toEqual([
      ['enumeration-alert', 0],
      ['sample-responses', 10 * MINUTE],
    ]);
  });

  it('gives the same deliveries however often the host ticks (deterministic)', () => {
    const often = driver(bola(), 60);
    const once = driver(bola(), 60);
    for (const d of [often, once]) d.act({ type: 'start' });
    for (let i = 0; i < 200; i++) {
      often.advance(SECOND);
      often.act({ type: 'tick' });
    }
    once.advance(200 * SECOND);
    once.act({ type: 'tick' });
    expect(often.ex.deliveries).toEqual(once.ex.deliveries);
    expect(often.delivered().map(([id]) => id)).toEqual([
      'enumeration-alert',
      'sample-responses',
      'hotfix-proposal',
      'logs-rotating',
      'exposure-measured',
    ]);
  });

  it('holds a branch inject until the answer it depends on, then takes one branch', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(26 * SECOND); // 26 simulated minutes, both branches of PT25M are due
    d.act({ type: 'tick' });
    const held = injectSchedule(bola(), d.ex, d.now).filter((r) => r.status === 'held');
    expect(held.map((r) => r.inject.id)).toEqual(['scraper-moves-on', 'exposure-grows']);
    d.advance(SECOND);
    d.act({ type: 'answer', injectId: 'sample-responses', optionId: 'block-now', by: 'IC' });
    expect(d.delivered()).toContainEqual(['scraper-moves-on', 27 * MINUTE]);
    const rows = injectSchedule(bola(), d.ex, d.now);
    expect(rows.find((r) => r.inject.id === 'exposure-grows')?.status).toBe('not-taken');
    expect(d.delivered().map(([id]) => id)).not.toContain('exposure-grows');
  });

  it('delivers a branch on schedule when the answer came before it', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(12 * SECOND);
    d.act({ type: 'answer', injectId: 'sample-responses', optionId: 'keep-watching' });
    d.advance(20 * SECOND);
    d.act({ type: 'tick' });
    expect(d.delivered()).toContainEqual(['exposure-grows', 25 * MINUTE]);
    expect(d.delivered().map(([id]) => id)).not.toContain('scraper-moves-on');
  });

  it('honours deliverUnless', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.act({ type: 'deliver', injectId: 'exposure-measured' });
    d.act({ type: 'answer', injectId: 'exposure-measured', optionId: 'not-notifiable' });
    d.act({ type: 'compression', value: 60 });
    d.advance(50 * MINUTE); // 50 simulated hours
    d.act({ type: 'tick' });
    const status = (id: string) =>
      injectSchedule(bola(), d.ex, d.now).find((r) => r.inject.id === id)?.status;
    expect(status('regulator-filed')).toBe('not-taken');
    expect(status('regulator-reminder')).toBe('delivered');
  });

  it('keeps the schedule across pause and resume: nothing is delivered while paused', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(30 * SECOND);
    d.act({ type: 'pause' });
    const before = d.ex.deliveries;
    d.advance(3600 * SECOND);
    d.act({ type: 'tick' });
    expect(d.ex.deliveries).toEqual(before);
    expect(nextDeliveryAt(bola(), d.ex, d.now)).toBeNull();
    d.act({ type: 'resume' });
    // hotfix-proposal (PT45M) is 15 simulated minutes, 15 real seconds, after resuming.
    expect(nextDeliveryAt(bola(), d.ex, d.now)).toBe(d.now + 15 * SECOND);
    d.advance(15 * SECOND);
    d.act({ type: 'tick' });
    expect(d.delivered()).toContainEqual(['hotfix-proposal', 45 * MINUTE]);
    expect(d.ex.log.map((l) => l.kind)).toEqual(
      expect.arrayContaining(['started', 'paused', 'resumed']),
    );
  });

  it('asks the host to deliver at once what fell due while nobody ticked (a reload)', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(12 * SECOND); // sample-responses (PT10M) fell due 2 real seconds ago
    expect(nextDeliveryAt(bola(), d.ex, d.now)).toBe(T0 + 10 * SECOND);
    expect(nextDeliveryAt(bola(), d.ex, d.now)).toBeLessThanOrEqual(d.now);
  });

  it('delivers what fell due before a pause when the pause is recorded late', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(11 * SECOND);
    d.act({ type: 'pause' }); // no tick in between
    expect(d.delivered()).toContainEqual(['sample-responses', 10 * MINUTE]);
    const paused = d.ex.log.find((l) => l.kind === 'paused');
    expect(paused?.elapsed).toBe(11 * MINUTE);
  });

  it('schedules under a compression change mid-run', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(5 * SECOND); // 5 simulated minutes
    d.act({ type: 'compression', value: 1 });
    d.advance(4 * MINUTE); // 9 simulated minutes
    d.act({ type: 'tick' });
    expect(d.delivered()).toHaveLength(1);
    d.advance(MINUTE); // 10 simulated minutes
    d.act({ type: 'tick' });
    expect(d.delivered()).toContainEqual(['sample-responses', 10 * MINUTE]);
    expect(d.ex.deliveries[1]?.realAt).toBe(T0 + 5 * SECOND + 5 * MINUTE);
  });

  it('delivers or skips an inject by hand at the current simulated time, once', () => {
    const d = driver(minimal(), 10);
    d.act({ type: 'start' });
    d.advance(6 * SECOND); // 1 simulated minute
    d.act({ type: 'skip', injectId: 'abused', by: 'facilitator' });
    d.act({ type: 'deliver', injectId: 'abused' });
    expect(d.ex.deliveries.map((x) => [x.injectId, x.status, x.elapsed, x.manual])).toEqual([
      ['found', 'delivered', 0, false],
      ['abused', 'skipped', MINUTE, true],
    ]);
  });

  it('refuses actions on unknown injects, options and objectives, and before start', () => {
    const d = driver(minimal(), 10);
    expect(() => d.act({ type: 'deliver', injectId: 'found' })).toThrow(/Start the exercise/);
    d.act({ type: 'start' });
    expect(() => d.act({ type: 'deliver', injectId: 'nope' })).toThrow(/no inject "nope"/);
    expect(() => d.act({ type: 'answer', injectId: 'found', optionId: 'maybe' })).toThrow(
      /"maybe" is not an answer/,
    );
    d.act({ type: 'answer', injectId: 'found', optionId: 'now' });
    expect(() => d.act({ type: 'answer', injectId: 'found', optionId: 'later' })).toThrow(
      /already recorded/,
    );
    expect(() => d.act({ type: 'evaluate', objectiveId: 'nope', rating: 'P', notes: '' })).toThrow(
      /no objective/,
    );
    expect(() =>
      d.act({
        type: 'action-result',
        injectId: 'found',
        actionId: 'x',
        status: 'performed',
        note: '',
      }),
    ).toThrow(/expects no action "x"/);
    expect(() => d.act({ type: 'note', kind: 'observation', text: '   ' })).toThrow(/empty/);
  });

  it('records decisions, observations, expected-action results and evaluations', () => {
    const d = driver(minimal(), 10);
    d.act({ type: 'start' });
    d.advance(3 * SECOND);
    d.act({ type: 'note', kind: 'decision', text: 'Revoke the key', injectId: 'found', by: 'IC' });
    d.act({ type: 'note', kind: 'observation', text: 'Nobody called the partner' });
    d.act({
      type: 'action-result',
      injectId: 'found',
      actionId: 'revoke-key',
      status: 'partial',
      note: 'took 40 min',
    });
    d.act({
      type: 'action-result',
      injectId: 'found',
      actionId: 'revoke-key',
      status: 'performed',
      note: 'done',
    });
    d.act({ type: 'evaluate', objectiveId: 'revoke', rating: 'S', notes: ' slow ' });
    expect(d.ex.log.slice(-2).map((l) => [l.kind, l.text, l.elapsed, l.injectId])).toEqual([
      ['decision', 'Revoke the key', 30 * SECOND, 'found'],
      ['observation', 'Nobody called the partner', 30 * SECOND, undefined],
    ]);
    expect(d.ex.actions).toEqual([
      { injectId: 'found', actionId: 'revoke-key', status: 'performed', note: 'done' },
    ]);
    expect(d.ex.evaluations).toEqual([{ objectiveId: 'revoke', rating: 'S', notes: 'slow' }]);
    expect(d.ex.updatedAt).toBe(d.now);
  });

  it('keeps improvement items by id', () => {
    const d = driver(minimal(), 10);
    const item = {
      id: 'imp-1',
      kind: 'area-for-improvement' as const,
      observation: 'Slow revocation',
      correctiveAction: 'Script the revocation',
      owner: 'Platform',
      due: '2026-04-01',
    };
    d.act({ type: 'improvement.put', item });
    d.act({ type: 'improvement.put', item: { ...item, owner: 'Security' } });
    expect(d.ex.improvements).toEqual([{ ...item, owner: 'Security' }]);
    d.act({ type: 'improvement.remove', id: 'imp-1' });
    expect(d.ex.improvements).toEqual([]);
  });
});
