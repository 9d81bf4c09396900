import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, type StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { builtinPlaybooks } from '../../../../core/playbooks/builtin';
import {
  compilePlaybook,
  type PlaybookMachine,
  type PlaybookSnapshot,
} from '../../../../core/playbooks/compile';
import type { EscalateParams, PlaybookInput } from '../../../../core/playbooks/machine-types';
import { listSteps } from '../../../../core/playbooks/model';
import { activeStepIds } from '../../../../core/playbooks/run';
import { dueTimers, nextTimerAt, pendingTimers } from '../../../../core/playbooks/timers';
import type { Playbook } from '../../../../core/playbooks/types';
import { HOUR, MINUTE, T0, serializeRun, traversalEvents, viaJson } from './helpers';

// Generated paths (xstate/graph) through every built-in playbook: every state is
// reachable, and in every reachable state a stored run resumes exactly, timers included.

const input: PlaybookInput = {
  startedAt: T0,
  incidentClocks: { declared: T0, aware: T0 + 30 * MINUTE },
  scope: { dataClasses: ['personal', 'payment-card'], regimes: ['GDPR', 'NIS2'] },
};

type Reached = { readonly snapshot: PlaybookSnapshot; readonly steps: number };

function explore(playbook: Playbook, machine: PlaybookMachine): Reached[] {
  const paths = getShortestPaths(machine, {
    input,
    events: (s) => traversalEvents(playbook, s),
    serializeState: (s) => serializeRun(playbook, s),
  });
  return paths.map((p) => ({ snapshot: p.state, steps: p.steps.length }));
}

describe.each(builtinPlaybooks().map((p) => [p.id, p] as const))('playbook %s', (_, playbook) => {
  let machine: PlaybookMachine;
  let reached: Reached[];
  beforeAll(() => {
    machine = compilePlaybook(playbook);
    reached = explore(playbook, machine);
  });

  it('reaches every step, including each step inside a track, through generated paths', () => {
    const seen = new Set<string>();
    for (const { snapshot } of reached)
      for (const id of activeStepIds(playbook, snapshot.value)) seen.add(id);
    const all = listSteps(playbook).map((p) => p.step.id as string);
    expect(all.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('reaches every state node of the machine (phases, steps, tracks and track ends)', () => {
    const paths: string[][] = [];
    const walk = (node: PlaybookMachine['root'], path: string[]) => {
      if (path.length > 0) paths.push(path);
      for (const [key, child] of Object.entries(node.states)) walk(child, [...path, key]);
    };
    walk(machine.root, []);
    const toValue = (path: string[]): StateValue =>
      path.length === 1 ? (path[0] ?? '') : { [path[0] ?? '']: toValue(path.slice(1)) };
    const missed = paths.filter(
      (path) => !reached.some((r) => r.snapshot.matches(toValue(path) as never)),
    );
    expect(missed.map((p) => p.join('.'))).toEqual([]);
    expect(paths.length).toBeGreaterThan(listSteps(playbook).length);
  });

  it('finishes at every end step with its outcome', () => {
    const ends = listSteps(playbook).filter((p) => p.step.kind === 'end');
    for (const { step } of ends) {
      // A finished run's value is the end step's key.
      const done = reached.find(
        (r) => JSON.stringify(r.snapshot.value) === JSON.stringify(step.id),
      );
      expect(done?.snapshot.status, step.id).toBe('done');
      expect(done?.snapshot.context.outcome?.stepId).toBe(step.id);
    }
  });

  it('resumes from storage in every reachable state with the same state and context', () => {
    for (const { snapshot } of reached) {
      const stored = viaJson(machine.getPersistedSnapshot(snapshot));
      const actor = createActor(machine, { snapshot: stored, input }).start();
      const restored = actor.getSnapshot();
      expect(restored.value).toEqual(snapshot.value);
      expect(restored.context).toEqual(snapshot.context);
      expect(actor.getSnapshot().status).toBe(snapshot.status);
      actor.stop();
    }
  });

  it('fires each pending timer once, at its absolute time, after a restore', () => {
    let checked = 0;
    for (const { snapshot } of reached) {
      const pending = pendingTimers(snapshot.context);
      if (pending.length === 0 || snapshot.status !== 'active') continue;
      checked++;
      const escalations: EscalateParams[] = [];
      let effects = 0;
      const provided = machine.provide({
        actions: {
          escalate: (_args, params) => {
            escalations.push(params);
          },
          recordTimeline: () => {
            effects++;
          },
        },
      });
      const actor = createActor(provided, {
        snapshot: viaJson(machine.getPersistedSnapshot(snapshot)),
        input,
      }).start();
      expect(effects, 'a restore re-runs no effect').toBe(0);
      let guard = 0;
      for (let next = nextTimerAt(actor.getSnapshot().context); next !== null; guard++) {
        expect(dueTimers(actor.getSnapshot(), next - 1)).toEqual([]);
        for (const event of dueTimers(actor.getSnapshot(), next)) actor.send(event);
        next = nextTimerAt(actor.getSnapshot().context);
        expect(guard).toBeLessThan(50);
      }
      const expected = pending
        .filter((t) => t.kind === 'escalation')
        .map((t) => [t.stepId, t.at, t.at]);
      expect(escalations.map((e) => [e.stepId, e.scheduledAt, e.at])).toEqual(expected);
      // Idempotent: a later tick, or the same tick again, fires nothing twice.
      actor.send({ type: 'tick', now: T0 + 400 * 24 * HOUR });
      expect(new Set(escalations.map((e) => e.key)).size).toBe(expected.length);
      expect(escalations).toHaveLength(expected.length);
      actor.stop();
    }
    expect(checked).toBeGreaterThan(0);
  });
});
