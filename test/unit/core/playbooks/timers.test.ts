import { describe, expect, it } from 'vitest';
import { dueTimers, nextTimerAt } from '../../../../core/playbooks/timers';
import { HOUR, MINUTE, T0, fixture, loadPlaybook, runPlaybook } from './helpers';

const minimal = loadPlaybook(fixture('minimal.yaml'));

describe('SLA timers of a running playbook', () => {
  it('fires an escalation exactly once and records an SLA breach once', () => {
    const r = runPlaybook(minimal);
    expect(dueTimers(r.snap(), T0 + 19 * MINUTE)).toEqual([]);
    r.send(...dueTimers(r.snap(), T0 + 21 * MINUTE));
    r.send({ type: 'tick', now: T0 + 22 * MINUTE });
    r.send({ type: 'tick', now: T0 + 21 * MINUTE });
    expect(r.escalations).toEqual([
      {
        key: `triage@${T0}#0`,
        stepId: 'triage',
        to: 'incident-commander',
        message: 'Triage is late.',
        scheduledAt: T0 + 20 * MINUTE,
        at: T0 + 21 * MINUTE,
      },
    ]);
    expect(nextTimerAt(r.snap().context)).toBe(T0 + 30 * MINUTE);
    r.send({ type: 'tick', now: T0 + 31 * MINUTE }, { type: 'tick', now: T0 + 40 * MINUTE });
    expect(r.timeline.filter((t) => t.kind === 'sla.breached')).toEqual([
      { kind: 'sla.breached', stepId: 'triage', due: T0 + 30 * MINUTE, at: T0 + 31 * MINUTE },
    ]);
    expect(r.escalations).toHaveLength(1);
    expect(nextTimerAt(r.snap().context)).toBeNull();
    expect(r.snap().context.deadlines.triage?.breachedAt).toBe(T0 + 31 * MINUTE);
  });

  it('drops the deadline when its step is left, so a late tick fires nothing', () => {
    const r = runPlaybook(minimal);
    r.send(
      { type: 'task.completed', taskId: 'look', at: T0 },
      { type: 'step.advance', stepId: 'triage', at: T0 + MINUTE },
    );
    expect(r.snap().context.deadlines).toEqual({});
    expect(r.armed.at(-1)).toBeNull();
    r.send({ type: 'tick', now: T0 + 2 * HOUR });
    expect(r.escalations).toEqual([]);
  });
});
