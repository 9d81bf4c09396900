import { afterEach } from 'vitest';
import {
  declareIncident,
  type Incident,
  type IncidentId,
  type TimelineDraft,
} from '../../../../core/incidents';
import { openDatabase, type BulwarkDb } from '../../../../renderer/storage/db';

// Two windows on one incident, as the incident-memory and incident-watch tests need them:
// each window is its own connection to the same IndexedDB database, as two tabs are.

const opened: BulwarkDb[] = [];

/** Two windows on one database: each its own connection (and its own memory). */
export function twoWindows(): [BulwarkDb, BulwarkDb] {
  const name = `test-${crypto.randomUUID()}`;
  const a = openDatabase(name);
  const b = openDatabase(name);
  opened.push(a, b);
  return [a, b];
}

/** Closes and deletes the test's databases after each test of the importing file. */
export function closeWindowsAfterEach(before: () => void = () => undefined): void {
  afterEach(async () => {
    before();
    const dbs = opened.splice(0);
    for (const d of dbs) d.close();
    await dbs[0]?.delete();
  });
}

export const T0 = Date.UTC(2026, 10, 23, 9, 0);
export const ID = 'inc-1' as IncidentId;

export const incident = (): Incident =>
  declareIncident({
    id: ID,
    now: T0,
    title: 'Leaked key',
    severity: 'SEV2',
    mode: 'live',
    declaredBy: 'Ada',
    timeZone: 'UTC',
  });

export const draft = (text: string): TimelineDraft => ({
  at: T0,
  recordedAt: T0,
  actor: 'Ada',
  kind: 'note',
  text,
});

/** A change that adds one note and leaves the incident as it is. */
export const note =
  (text: string) =>
  (current: Incident): { incident: Incident; entries: TimelineDraft[] } => ({
    incident: current,
    entries: [draft(text)],
  });
