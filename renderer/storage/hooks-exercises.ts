import { useLiveQuery } from 'dexie-react-hooks';
import type { Exercise } from '../../core/exercises/exercise';
import { getDatabase } from './db';
import { getExercise, listExercises } from './exercises';

// Live queries over exercises; undefined means loading. Dexie's liveQuery also sees
// writes made by another window of the same origin, which is how the participant view in
// a second browser window follows the facilitator's console.

/** Every exercise, most recently updated first; undefined while loading. */
export function useExercises(): Exercise[] | undefined {
  return useLiveQuery(() => listExercises(getDatabase()), []);
}

/** One exercise: undefined while loading, null once loaded and missing. */
export function useExercise(id: string): Exercise | null | undefined {
  return useLiveQuery(async () => (await getExercise(getDatabase(), id)) ?? null, [id]);
}
