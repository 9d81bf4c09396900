import { readFileSync } from 'node:fs';
import { builtinScenario } from '../../../../core/exercises/builtin';
import {
  createExercise,
  reduceExercise,
  type ExerciseAction,
} from '../../../../core/exercises/engine';
import type { Exercise } from '../../../../core/exercises/exercise';
import type { Scenario } from '../../../../core/exercises/types';
import { validateScenario } from '../../../../core/exercises/validate';

/** A fixed real start: 2026-03-02 09:00:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

export function bola(): Scenario {
  const s = builtinScenario('bola-customer-scraping');
  if (!s) throw new Error('missing built-in scenario');
  return s;
}

export function minimal(): Scenario {
  const r = validateScenario(
    readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8'),
    'm.yaml',
  );
  if (!r.ok) throw new Error('fixture invalid');
  return r.scenario;
}

/** A driver over the reducer with a fake clock the test moves by hand. */
export function driver(scenario: Scenario, compression = 60) {
  let now = T0;
  let ex: Exercise = createExercise({
    id: 'ex-1',
    scenario,
    incidentId: 'inc-1',
    facilitator: 'Dana Facilitator',
    now,
    compression,
  });
  return {
    get ex() {
      return ex;
    },
    get now() {
      return now;
    },
    /** Moves the fake wall clock forward by `ms` real milliseconds. */
    advance(ms: number) {
      now += ms;
    },
    act(action: ExerciseAction) {
      ex = reduceExercise(scenario, ex, action, now);
      return ex;
    },
    delivered() {
      return ex.deliveries
        .filter((d) => d.status === 'delivered')
        .map((d) => [d.injectId, d.elapsed]);
    },
  };
}
