import { createExercise } from '../../../core/exercises/engine';
import type { Exercise } from '../../../core/exercises/exercise';
import type { Scenario } from '../../../core/exercises/types';
import { declareIncident, type IncidentId, type TimelineDraft } from '../../../core/incidents';
import { builtinPlaybook } from '../../../core/playbooks/builtin';
import { getDatabase } from '../../storage';
import { createExerciseWithIncident } from '../../storage/exercises';
import { entry, startPlaybook } from '../incidents/changes';

/** What the facilitator fills in to start an exercise. */
export type StartParams = {
  readonly scenario: Scenario;
  readonly facilitator: string;
  readonly compression: number;
  readonly timeZone: string;
  /** Real time now; the exercise's simulated time starts here too. */
  readonly now: number;
};

/**
 * Creates the exercise and its incident in exercise mode, with the scenario's playbook
 * started in it, in one transaction. The incident is declared at the simulated start,
 * which is the real start (the clock is not running until the facilitator starts it).
 */
export async function startExercise(p: StartParams): Promise<Exercise> {
  const playbook = builtinPlaybook(p.scenario.playbook);
  if (!playbook) throw new Error(`The playbook "${p.scenario.playbook}" is not built in.`);
  const exerciseId = crypto.randomUUID();
  const incidentId = crypto.randomUUID() as IncidentId;
  const exercise = createExercise({
    id: exerciseId,
    scenario: p.scenario,
    incidentId,
    facilitator: p.facilitator,
    now: p.now,
    compression: p.compression,
  });
  const declared = declareIncident({
    id: incidentId,
    now: p.now,
    title: p.scenario.title,
    severity: 'SEV2',
    mode: 'exercise',
    exerciseId,
    declaredBy: p.facilitator,
    timeZone: p.timeZone,
    description: p.scenario.situation,
  });
  const ctx = { at: p.now, recordedAt: p.now, actor: p.facilitator };
  const entries: TimelineDraft[] = [
    entry(ctx, 'declared', `EXERCISE declared: ${p.scenario.title} (SEV2)`, {
      severity: 'SEV2',
      mode: 'exercise',
      exerciseId,
      scenarioId: p.scenario.id,
    }),
  ];
  const started = startPlaybook(ctx, playbook, null)(declared);
  const incident = started?.incident ?? declared;
  if (started) entries.push(...started.entries);
  await createExerciseWithIncident(getDatabase(), exercise, incident, entries);
  return exercise;
}
