import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compilePlaybook } from '../../../../core/playbooks/compile';
import { RUN_FORMAT, persist, restore, resumeActor } from '../../../../core/playbooks/persist';
import type { RunSnapshot } from '../../../../core/playbooks/run';
import { nextTimerAt } from '../../../../core/playbooks/timers';
import type { Playbook } from '../../../../core/playbooks/types';
import { checkPlaybookValue } from '../../../../core/playbooks/validate';
import { MINUTE, T0, builtin, must, viaJson } from './helpers';

const leaked = builtin('leaked-api-credentials');

/** A changed copy of a playbook, validated like any other. */
function variant(
  change: (p: { version: string; phases: { steps: Record<string, unknown>[] }[] }) => void,
): Playbook {
  const copy = viaJson(leaked) as unknown as Parameters<typeof change>[0];
  change(copy);
  const result = checkPlaybookValue(copy);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

/** A run of `leaked` stopped in scope-exposure with one task done and timers pending. */
function startedRun() {
  const actor = createActor(compilePlaybook(leaked), {
    input: { startedAt: T0, incidentClocks: { declared: T0 } },
  }).start();
  for (const taskId of ['record-exposure', 'identify-credential', 'check-validity', 'open-channel'])
    actor.send({ type: 'task.completed', taskId, at: T0 + MINUTE });
  actor.send({ type: 'step.advance', stepId: 'triage-report', at: T0 + 2 * MINUTE });
  actor.send({
    type: 'decision.chosen',
    stepId: 'credential-live',
    optionId: 'usable',
    at: T0 + 3 * MINUTE,
  });
  actor.send({ type: 'task.completed', taskId: 'list-apis', at: T0 + 4 * MINUTE });
  return actor;
}

describe('stored runs', () => {
  it('store the playbook id and version with a JSON snapshot, and resume exactly', () => {
    const actor = startedRun();
    const stored = viaJson(persist(actor));
    expect(stored).toMatchObject({
      format: RUN_FORMAT,
      playbookId: 'leaked-api-credentials',
      playbookVersion: '1.0.0',
    });
    const result = restore(leaked, stored);
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBeNull();
    const resumed = resumeActor(result.machine, result.snapshot).start();
    const before = actor.getSnapshot() as unknown as RunSnapshot;
    const after = resumed.getSnapshot() as unknown as RunSnapshot;
    expect(after.value).toEqual({ identify: 'scope-exposure' });
    expect(after.context).toEqual(before.context);
    // Timers come back from absolute deadlines, not from pending `after` delays.
    expect(nextTimerAt(after.context)).toBe(T0 + 3 * MINUTE + 90 * MINUTE);
  });

  it('refuse the run of another playbook', () => {
    const stored = persist(startedRun());
    const other = builtin('bola-data-scraping');
    expect(restore(other, stored)).toEqual({
      ok: false,
      error: 'This run belongs to playbook "leaked-api-credentials", not to "bola-data-scraping".',
    });
  });

  it('migrate a run of another version when every state it is in still exists', () => {
    const stored = viaJson(persist(startedRun()));
    const next = variant((p) => {
      p.version = '1.1.0';
      const scope = p.phases[0]?.steps[2] as { tasks: { id: string }[] };
      scope.tasks = scope.tasks.filter((t) => t.id !== 'baseline-usage');
      const triage = p.phases[0]?.steps[0] as { tasks: { id: string }[] };
      triage.tasks = triage.tasks.filter((t) => t.id !== 'open-channel');
    });
    const result = restore(next, stored);
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe('1.0.0');
    const resumed = resumeActor(result.machine, result.snapshot).start();
    const context = (resumed.getSnapshot() as unknown as RunSnapshot).context;
    expect(context.playbookVersion).toBe('1.1.0');
    expect(Object.keys(context.tasks).sort()).toEqual([
      'check-validity',
      'identify-credential',
      'list-apis',
      'record-exposure',
    ]);
    resumed.send({ type: 'task.completed', taskId: 'pull-logs', at: T0 + 10 * MINUTE });
    resumed.send({ type: 'step.advance', stepId: 'scope-exposure', at: T0 + 11 * MINUTE });
    expect(resumed.getSnapshot().value).toEqual({
      contain: {
        'contain-and-communicate': {
          containment: 'revoke-credential',
          communications: 'brief-internal',
        },
      },
    });
  });

  it('refuse, with the reason, a run whose current state the new version no longer has', () => {
    const stored = persist(startedRun());
    const renamed = variant((p) => {
      p.version = '2.0.0';
      const steps = p.phases[0]?.steps ?? [];
      (steps[2] as { id: string }).id = 'scope-credential';
      must((steps[1] as { options: { next: string }[] }).options[0]).next = 'scope-credential';
    });
    expect(restore(renamed, stored)).toEqual({
      ok: false,
      error:
        'This run was saved with version 1.0.0 of "leaked-api-credentials" in identify.scope-exposure, which version 2.0.0 no longer has. Resume it with version 1.0.0, or start the playbook again.',
    });
  });

  it('refuse a run inside a parallel step that gained a track', () => {
    const actor = startedRun();
    for (const taskId of ['pull-logs', 'baseline-usage'])
      actor.send({ type: 'task.completed', taskId, at: T0 });
    actor.send({ type: 'step.advance', stepId: 'scope-exposure', at: T0 });
    const grown = variant((p) => {
      p.version = '1.2.0';
      const parallel = p.phases[1]?.steps[0] as { tracks: unknown[] };
      parallel.tracks.push({
        id: 'legal-track',
        title: 'Legal',
        steps: [
          {
            id: 'legal-hold',
            kind: 'task',
            title: 'Legal hold',
            tasks: [{ id: 'hold', text: 'Hold.', owner: 'legal' }],
          },
        ],
      });
    });
    const result = restore(grown, persist(actor));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /contain\.contain-and-communicate\.legal-track \(a new track\)/,
    );
  });

  it('refuse something that is not a stored run', () => {
    for (const junk of [
      null,
      42,
      {},
      { format: RUN_FORMAT, playbookId: 'x', playbookVersion: '1', snapshot: 'no' },
    ])
      expect(restore(leaked, junk)).toEqual({
        ok: false,
        error: 'This is not a stored playbook run (format, playbook or snapshot missing).',
      });
  });

  it('refuse a damaged run of the same version', () => {
    const stored = viaJson(persist(startedRun())) as unknown as { snapshot: { value: unknown } };
    stored.snapshot.value = { identify: 'no-such-step' };
    const result = restore(leaked, stored);
    expect(!result.ok && result.error).toMatch(/damaged/);
  });
});
