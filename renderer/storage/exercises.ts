import { reduceExercise, type ExerciseAction } from '../../core/exercises/engine';
import type { Exercise } from '../../core/exercises/exercise';
import { timelineDrafts } from '../../core/exercises/timeline';
import type { Scenario } from '../../core/exercises/types';
import type { Incident, TimelineDraft } from '../../core/incidents/types';
import type { UserPlaybookRecord } from '../../core/workspace/records';
import type { BulwarkDb } from './db';
import { commitIncident, createIncident } from './incidents';

// The exercises' repository. An exercise is stored beside the incident (in exercise mode)
// its players work in; each facilitator action is one read-write transaction that reads
// the stored exercise, applies the pure reducer, appends what happened to the incident's
// hash-chained timeline and writes the exercise back. Two windows (the console and a
// second console tab) therefore never overwrite each other's deliveries, and a reload
// finds exactly the state the last action wrote; the clock is absolute anchors, so it
// resumes where it was.

/** The exercise is gone (deleted or restored away in another window, or a bad id). */
export class ExerciseMissingError extends Error {
  override readonly name = 'ExerciseMissingError';
  constructor(id: string) {
    super(`There is no exercise with id "${id}" (deleted in another window?).`);
  }
}

/** Creates the exercise and its incident (with its first timeline entries) in one transaction. */
export async function createExerciseWithIncident(
  db: BulwarkDb,
  exercise: Exercise,
  incident: Incident,
  entries: readonly TimelineDraft[],
): Promise<void> {
  if (incident.mode !== 'exercise' || incident.exerciseId !== exercise.id)
    throw new Error('An exercise runs in an incident in exercise mode that names it.');
  await db.transaction('rw', db.incidents, db.timeline, db.exercises, async () => {
    await createIncident(db, incident, entries);
    await db.exercises.add(exercise);
  });
}

/**
 * Applies one facilitator action at real time `now` and records what it changed in the
 * incident's timeline. Returns the stored exercise (unchanged when the action changed
 * nothing, such as a tick with nothing due: then nothing is written).
 */
export async function actOnExercise(
  db: BulwarkDb,
  scenario: Scenario,
  exerciseId: string,
  action: ExerciseAction,
  now: number,
): Promise<Exercise> {
  return db.transaction('rw', db.exercises, db.incidents, db.timeline, async () => {
    const before = await db.exercises.get(exerciseId);
    if (!before) throw new ExerciseMissingError(exerciseId);
    const after = reduceExercise(scenario, before, action, now);
    if (after === before) return before;
    const drafts = timelineDrafts(scenario, before, after, now);
    if (drafts.length > 0)
      await commitIncident(
        db,
        before.incidentId as Incident['id'],
        (incident) => ({ incident, entries: drafts }),
        now,
      );
    await db.exercises.put(after);
    return after;
  });
}

/** Every exercise, most recently updated first. */
export async function listExercises(db: BulwarkDb): Promise<Exercise[]> {
  return db.exercises.orderBy('updatedAt').reverse().toArray();
}

/** One exercise, or undefined. */
export async function getExercise(db: BulwarkDb, id: string): Promise<Exercise | undefined> {
  return db.exercises.get(id);
}

/** Records a user playbook copy (YAML) made from an improvement item, with the item, at once. */
export async function saveImprovementPlaybook(
  db: BulwarkDb,
  scenario: Scenario,
  exerciseId: string,
  record: UserPlaybookRecord,
  action: ExerciseAction,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.playbooks, db.exercises, db.incidents, db.timeline], async () => {
    await db.playbooks.put(record);
    await actOnExercise(db, scenario, exerciseId, action, now);
  });
}
