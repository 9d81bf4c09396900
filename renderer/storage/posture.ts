import { postureSnapshotSchema, type PostureSnapshot } from '../../core/posture/snapshot';
import type { ThreatModelRecord, UserPlaybookRecord } from '../../core/workspace/records';
import type { ApiEntry } from '../../core/inventory/types';
import type { Incident, TimelineEntry } from '../../core/incidents/types';
import type { Exercise } from '../../core/exercises/exercise';
import type { BulwarkDb } from './db';

// The posture report's reads and its one write (kept snapshots). The figures are computed
// in core from what these reads return; nothing here knows what a figure means.

/** The records the posture figures read, as one consistent snapshot of the database. */
export type PostureRecords = {
  readonly apis: readonly ApiEntry[];
  readonly threatModels: readonly ThreatModelRecord[];
  readonly playbooks: readonly UserPlaybookRecord[];
  readonly incidents: readonly Incident[];
  /** The incidents' role assignments and handoffs: an incident commander acknowledges. */
  readonly timeline: readonly TimelineEntry[];
  readonly exercises: readonly Exercise[];
};

/** Reads everything the posture figures need in one read transaction. */
export async function readPostureRecords(db: BulwarkDb): Promise<PostureRecords> {
  return db.transaction(
    'r',
    [db.apis, db.threatModels, db.playbooks, db.incidents, db.timeline, db.exercises],
    async () => ({
      apis: await db.apis.toArray(),
      threatModels: await db.threatModels.toArray(),
      playbooks: await db.playbooks.toArray(),
      incidents: await db.incidents.toArray(),
      timeline: await db.timeline
        .filter((e) => e.kind === 'role-assigned' || e.kind === 'role-handoff')
        .toArray(),
      exercises: await db.exercises.toArray(),
    }),
  );
}

/** Kept snapshots, newest first. */
export async function listPostureSnapshots(db: BulwarkDb): Promise<PostureSnapshot[]> {
  return (await db.postureSnapshots.orderBy('takenAt').toArray()).reverse();
}

/** Keeps a snapshot after validating it fully (a snapshot is compared with for years). */
export async function savePostureSnapshot(db: BulwarkDb, snapshot: PostureSnapshot): Promise<void> {
  const checked = postureSnapshotSchema.safeParse(snapshot);
  if (!checked.success)
    throw new Error(
      `The snapshot could not be kept: ${checked.error.issues[0]?.message ?? 'invalid'}.`,
    );
  await db.postureSnapshots.put(snapshot);
}

/** Removes a kept snapshot. */
export async function deletePostureSnapshot(db: BulwarkDb, id: string): Promise<void> {
  await db.postureSnapshots.delete(id);
}
