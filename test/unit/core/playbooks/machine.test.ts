import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compilePlaybook } from '../../../../core/playbooks/compile';
import { activeStepIds, activeSteps, forwardEvents } from '../../../../core/playbooks/run';
import { HOUR, MINUTE, T0, builtin, fixture, loadPlaybook, runPlaybook } from './helpers';

const minimal = loadPlaybook(fixture('minimal.yaml'));
const leaked = builtin('leaked-api-credentials');

describe('a compiled playbook', () => {
  it('starts in the first step with its SLA as absolute deadlines and arms the first timer', () => {
    const r = runPlaybook(minimal);
    expect(r.snap().value).toEqual({ respond: 'triage' });
    expect(r.snap().context.deadlines.triage).toMatchObject({
      due: T0 + 30 * MINUTE,
      escalations: [{ at: T0 + 20 * MINUTE, firedAt: null }],
    });
    expect(r.armed).toEqual([T0 + 20 * MINUTE]);
    expect(r.timeline.map((t) => t.kind)).toEqual([
      'playbook.started',
      'phase.entered',
      'step.entered',
    ]);
  });

  it('advances a task step only once every required task is done, and only for that step', () => {
    const r = runPlaybook(leaked, { startedAt: T0, incidentClocks: { declared: T0 } });
    const at = T0 + MINUTE;
    r.send({ type: 'step.advance', stepId: 'triage-report', at });
    expect(activeStepIds(leaked, r.snap().value)).toEqual(['triage-report']);
    r.send(
      ...['record-exposure', 'identify-credential', 'check-validity'].map((taskId) => ({
        type: 'task.completed' as const,
        taskId,
        at,
        by: 'Ana',
      })),
    );
    r.send({ type: 'task.completed', taskId: 'list-apis', at }); // a task of another step: ignored
    expect(r.snap().context.tasks['list-apis']).toBeUndefined();
    r.send({ type: 'step.advance', stepId: 'triage-report', at });
    expect(activeStepIds(leaked, r.snap().value)).toEqual(['triage-report']);
    r.send({ type: 'task.completed', taskId: 'open-channel', at });
    r.send({ type: 'task.reopened', taskId: 'open-channel', at });
    r.send({ type: 'step.advance', stepId: 'triage-report', at });
    expect(activeSteps(leaked, r.snap())[0]?.canAdvance).toBe(false);
    r.send({ type: 'task.completed', taskId: 'open-channel', at });
    r.send({ type: 'step.advance', stepId: 'some-other-step', at });
    expect(activeStepIds(leaked, r.snap().value)).toEqual(['triage-report']);
    r.send({ type: 'step.advance', stepId: 'triage-report', at: at + MINUTE });
    expect(r.snap().value).toEqual({ identify: 'credential-live' });
    expect(r.snap().context.tasks['record-exposure']).toEqual({ at, by: 'Ana' });
    expect(r.timeline.filter((t) => t.kind === 'step.completed')).toEqual([
      { kind: 'step.completed', stepId: 'triage-report', at: at + MINUTE, by: undefined },
    ]);
  });

  it('routes a decision by the option chosen and ignores unknown options', () => {
    const r = runPlaybook(minimal);
    r.send(
      { type: 'task.completed', taskId: 'look', at: T0 },
      { type: 'step.advance', stepId: 'triage', at: T0 },
    );
    r.send({ type: 'decision.chosen', stepId: 'serious', optionId: 'maybe', at: T0 });
    r.send({ type: 'decision.chosen', stepId: 'triage', optionId: 'serious-yes', at: T0 });
    expect(r.snap().value).toEqual({ respond: 'serious' });
    r.send({
      type: 'decision.chosen',
      stepId: 'serious',
      optionId: 'serious-no',
      at: T0 + 5,
      by: 'IC',
    });
    expect(r.snap().status).toBe('done');
    expect(r.snap().value).toBe('done');
    expect(r.snap().output).toEqual({
      outcome: { stepId: 'done', outcome: 'resolved', at: T0 + 5 },
    });
    expect(r.snap().context.decisions.serious).toEqual({
      optionId: 'serious-no',
      at: T0 + 5,
      by: 'IC',
    });
  });

  it('runs parallel tracks together and joins them when every track has finished', () => {
    const r = runPlaybook(minimal);
    r.send(
      { type: 'task.completed', taskId: 'look', at: T0 },
      { type: 'step.advance', stepId: 'triage', at: T0 },
    );
    r.send({ type: 'decision.chosen', stepId: 'serious', optionId: 'serious-yes', at: T0 + 1 });
    expect(activeStepIds(minimal, r.snap().value)).toEqual(['both', 'fix', 'notify']);
    expect(r.notified).toEqual([
      {
        stepId: 'notify',
        templates: [{ template: 'internal-status-update', audience: 'internal', required: true }],
        at: T0 + 1,
        by: undefined,
      },
    ]);
    r.send(
      { type: 'task.completed', taskId: 'fix-it', at: T0 + 2 },
      { type: 'step.advance', stepId: 'fix', at: T0 + 3 },
    );
    expect(activeStepIds(minimal, r.snap().value)).toEqual(['both', 'notify']);
    r.send({ type: 'step.advance', stepId: 'notify', at: T0 + 4 }); // template not marked sent yet
    expect(r.snap().status).toBe('active');
    r.send({
      type: 'notification.sent',
      stepId: 'notify',
      template: 'internal-status-update',
      at: T0 + 5,
    });
    r.send({ type: 'step.advance', stepId: 'notify', at: T0 + 6 });
    expect(r.snap().value).toBe('done');
    expect(
      r.timeline.filter((t) => t.kind === 'track.finished').map((t) => [t.trackId, t.at]),
    ).toEqual([
      ['act', T0 + 3],
      ['tell', T0 + 6],
    ]);
    expect(r.timeline.at(-1)).toMatchObject({
      kind: 'playbook.ended',
      outcome: 'resolved',
      at: T0 + 6,
    });
  });

  it('loops back inside a track and gives the step a fresh checklist', () => {
    const r = runPlaybook(leaked, { startedAt: T0 });
    const drive = (stepId: string) => {
      for (const e of forwardEvents(leaked, r.snap(), T0))
        if (e.type === 'task.completed' || (e.type === 'step.advance' && e.stepId === stepId))
          r.send(e);
      r.send({ type: 'step.advance', stepId, at: T0 });
    };
    drive('triage-report');
    r.send({ type: 'decision.chosen', stepId: 'credential-live', optionId: 'usable', at: T0 });
    drive('scope-exposure');
    expect(activeStepIds(leaked, r.snap().value)).toEqual([
      'contain-and-communicate',
      'revoke-credential',
      'brief-internal',
    ]);
    for (const taskId of ['issue-replacement', 'revoke-at-gateway', 'verify-revocation'])
      r.send({ type: 'task.completed', taskId, at: T0 });
    r.send({ type: 'step.advance', stepId: 'revoke-credential', at: T0 });
    for (const taskId of ['separate-traffic', 'list-data-touched', 'check-pivots'])
      r.send({ type: 'task.completed', taskId, at: T0 });
    r.send({ type: 'step.advance', stepId: 'hunt-misuse', at: T0 });
    expect(activeStepIds(leaked, r.snap().value)).toContain('more-credentials');
    r.send({
      type: 'decision.chosen',
      stepId: 'more-credentials',
      optionId: 'more-found',
      at: T0 + HOUR,
    });
    expect(activeStepIds(leaked, r.snap().value)).toContain('revoke-credential');
    expect(r.snap().context.tasks['revoke-at-gateway']).toBeUndefined();
    expect(r.snap().context.deadlines['revoke-credential']?.due).toBe(T0 + 2 * HOUR);
  });

  it('starts the regulatory clocks chosen from the incident scope when a notification step is entered', () => {
    const input = {
      startedAt: T0,
      scope: { dataClasses: ['personal'] as const, regimes: ['GDPR', 'NIS2'] },
    };
    const r = runPlaybook(leaked, {
      ...input,
      scope: { dataClasses: [...input.scope.dataClasses], regimes: input.scope.regimes },
    });
    const path: [string, string | null][] = [
      ['triage-report', null],
      ['credential-live', 'usable'],
      ['scope-exposure', null],
    ];
    for (const [stepId, option] of path) {
      if (option) r.send({ type: 'decision.chosen', stepId, optionId: option, at: T0 });
      else {
        for (const e of forwardEvents(leaked, r.snap(), T0))
          if (e.type === 'task.completed') r.send(e);
        r.send({ type: 'step.advance', stepId, at: T0 });
      }
    }
    // Finish both tracks.
    for (
      let i = 0;
      i < 20 && activeStepIds(leaked, r.snap().value).includes('contain-and-communicate');
      i++
    ) {
      for (const e of forwardEvents(leaked, r.snap(), T0)) {
        if (e.type === 'decision.chosen' && e.optionId !== 'none-found') continue;
        r.send(e);
      }
    }
    r.send({
      type: 'decision.chosen',
      stepId: 'personal-data',
      optionId: 'exposed',
      at: T0 + HOUR,
    });
    expect(activeStepIds(leaked, r.snap().value)).toEqual(['notify-regulators']);
    expect(r.clocks).toEqual([
      {
        stepId: 'notify-regulators',
        audiences: ['regulators', 'customers', 'partners'],
        clockIds: [
          'gdpr-art33',
          'gdpr-art34',
          'nis2-early-warning',
          'nis2-notification',
          'nis2-final-report',
        ],
        at: T0 + HOUR,
        by: undefined,
      },
    ]);
    expect(Object.keys(r.snap().context.regulatoryClocks)).toEqual([
      'gdpr-art33',
      'gdpr-art34',
      'nis2-early-warning',
      'nis2-notification',
      'nis2-final-report',
    ]);
    // Its SLA runs from incident.aware, unknown so far: no deadline until the clock is set.
    expect(r.snap().context.deadlines['notify-regulators']?.due).toBeNull();
    r.send({
      type: 'incident.clock.set',
      clock: 'aware',
      value: T0 + 10 * MINUTE,
      at: T0 + 2 * HOUR,
      by: 'Legal',
    });
    expect(r.snap().context.deadlines['notify-regulators']?.due).toBe(T0 + 10 * MINUTE + 72 * HOUR);
    expect(r.armed.at(-1)).toBe(T0 + 10 * MINUTE + 48 * HOUR);
    expect(r.timeline.at(-1)).toEqual({
      kind: 'incident.clock.set',
      clock: 'aware',
      value: T0 + 10 * MINUTE,
      at: T0 + 2 * HOUR,
      by: 'Legal',
    });
  });

  it('runs without any provided effect (defaults are no-ops)', () => {
    const actor = createActor(compilePlaybook(minimal), { input: { startedAt: T0 } }).start();
    actor.send({ type: 'task.completed', taskId: 'look', at: T0 });
    actor.send({ type: 'step.advance', stepId: 'triage', at: T0 });
    actor.send({ type: 'tick', now: T0 + HOUR });
    expect(actor.getSnapshot().value).toEqual({ respond: 'serious' });
  });

  it('lists the forward events of the current steps for the incident room', () => {
    const r = runPlaybook(minimal);
    expect(forwardEvents(minimal, r.snap(), T0 + 1, 'Ana')).toEqual([
      { type: 'task.completed', taskId: 'look', at: T0 + 1, by: 'Ana' },
    ]);
    r.send({ type: 'task.completed', taskId: 'look', at: T0 });
    expect(forwardEvents(minimal, r.snap(), T0 + 1)).toEqual([
      { type: 'step.advance', stepId: 'triage', at: T0 + 1, by: undefined },
    ]);
  });
});
