import { useLiveQuery } from 'dexie-react-hooks';
import type { PostureSnapshot } from '../../core/posture/snapshot';
import { getDatabase } from './db';
import { listPostureSnapshots, readPostureRecords, type PostureRecords } from './posture';

/** The records behind the posture figures, live; undefined while loading. */
export function usePostureRecords(): PostureRecords | undefined {
  return useLiveQuery(() => readPostureRecords(getDatabase()), []);
}

/** Kept posture snapshots, newest first; undefined while loading. */
export function usePostureSnapshots(): PostureSnapshot[] | undefined {
  return useLiveQuery(() => listPostureSnapshots(getDatabase()), []);
}
