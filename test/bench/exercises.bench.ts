import { bench, describe } from 'vitest';
import { BUILTIN_SCENARIO_SOURCES, builtinScenario } from '../../core/exercises/builtin';
import { createExercise, reduceExercise } from '../../core/exercises/engine';
import type { Exercise } from '../../core/exercises/exercise';
import { participantView } from '../../core/exercises/participant';
import { toAarHtml } from '../../core/exercises/aar-html';
import { validateScenario } from '../../core/exercises/validate';

// The console ticks about once a second and re-renders the MSEL twice a second; the
// participant view recomputes its projection on every tick. These figures show that a
// long exercise (every built-in inject delivered, 2,000 logged notes) costs a fraction
// of a frame per tick, and that validating all scenarios at start-up is negligible.

const scenario = builtinScenario('bola-customer-scraping');
if (!scenario) throw new Error('missing scenario');
const T0 = Date.UTC(2026, 0, 12, 9);

function longRun(): { ex: Exercise; now: number } {
  if (!scenario) throw new Error('missing scenario');
  let now = T0;
  let ex = createExercise({
    id: 'b',
    scenario,
    incidentId: 'i',
    facilitator: 'F',
    now,
    compression: 60,
  });
  ex = reduceExercise(scenario, ex, { type: 'start' }, now);
  for (let i = 0; i < 2000; i++) {
    now += 1000;
    ex = reduceExercise(
      scenario,
      ex,
      { type: 'note', kind: 'observation', text: `note ${String(i)}` },
      now,
    );
  }
  return { ex, now };
}

const run = longRun();

describe('exercises', () => {
  bench('validate the six built-in scenarios', () => {
    for (const s of BUILTIN_SCENARIO_SOURCES) validateScenario(s.text, s.fileName);
  });
  bench('tick with nothing due (2,000-entry log)', () => {
    reduceExercise(scenario, run.ex, { type: 'tick' }, run.now + 10);
  });
  bench('participant projection (2,000-entry log)', () => {
    participantView(scenario, run.ex, run.now + 10);
  });
  bench('after-action report as HTML (2,000 notes)', () => {
    toAarHtml(scenario, run.ex, { now: run.now });
  });
});
