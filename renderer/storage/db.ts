import Dexie, { type Table } from 'dexie';
import type { ApiEntry, ApiId } from '../../core/inventory/types';
import type {
  OpenApiSourceRecord,
  ThreatModelRecord,
  UserPlaybookRecord,
} from '../../core/workspace/records';
import type { Evidence, Incident, TimelineEntry } from '../../core/incidents/types';
import type { PostureSnapshot } from '../../core/posture/snapshot';
import type { Exercise } from '../../core/exercises/exercise';
import {
  BLOCKED_PROBLEM,
  NEWER_DATABASE_PROBLEM,
  reportStorageProblem,
  type StorageProblem,
} from './errors';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';

/** The IndexedDB database name of the workspace. */
export const DB_NAME = 'bulwark';

/** A row of the key/value table for small workspace facts (last restore, seeding). */
export type MetaRow = { readonly key: string; readonly value: unknown };

/** The OpenAPI description a threat model was imported from (the latest import). */
export type OpenApiSourceRow = OpenApiSourceRecord;

/** The content of one evidence item, kept apart so lists never load file bodies. */
export type EvidenceContentRow = {
  readonly id: string;
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
};

/** Unsaved text typed in the incident room (a note, review fields), per device, not backed up. */
export type DraftRow = { readonly key: string; readonly value: unknown; readonly savedAt: number };

/** A workspace setting (backed up, unlike meta, which is per device). */
export type SettingRow = { readonly key: string; readonly value: unknown };

const DELETED_ELSEWHERE: StorageProblem = {
  kind: 'unavailable',
  title: 'Workspace closed',
  message:
    'Another Bulwark window is deleting or replacing this workspace, so this window closed it.',
  remedy: 'Reload this window.',
};

// Dexie stores version N as native IndexedDB version N * 10 and may add 1 to patch a
// schema in place, so the whole tens are the declared version.
const declaredVersionOf = (nativeVersion: number): number => Math.floor(nativeVersion / 10);

/** The workspace database: one class, schema versions from schema.ts. */
export class BulwarkDb extends Dexie {
  declare readonly apis: Table<ApiEntry, ApiId>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly threatModels: Table<ThreatModelRecord, string>;
  declare readonly playbooks: Table<UserPlaybookRecord, string>;
  declare readonly settings: Table<SettingRow, string>;
  declare readonly openapiSources: Table<OpenApiSourceRow, string>;
  declare readonly incidents: Table<Incident, string>;
  declare readonly timeline: Table<TimelineEntry, [string, number]>;
  declare readonly evidence: Table<Evidence, string>;
  declare readonly evidenceContent: Table<EvidenceContentRow, string>;
  declare readonly drafts: Table<DraftRow, string>;
  declare readonly postureSnapshots: Table<PostureSnapshot, string>;
  declare readonly exercises: Table<Exercise, string>;

  constructor(name: string) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }

    // Dexie 4 silently opens a database of a higher version than declared. Rows written
    // by a newer Bulwark may have a shape this build does not know, and writing to them
    // could corrupt them, so refuse: every query then fails with this VersionError inside.
    this.on(
      'ready',
      (db) => {
        const installed = declaredVersionOf(db.backendDB().version);
        if (installed <= LATEST_SCHEMA_VERSION) return;
        reportStorageProblem(NEWER_DATABASE_PROBLEM);
        return Promise.reject(
          new Dexie.VersionError(
            `Database "${name}" is at schema ${installed}; this build knows up to ${LATEST_SCHEMA_VERSION}.`,
          ),
        );
      },
      true, // sticky: check again on every reopen, not only the first
    );

    // Another window wants to upgrade or delete the database. Holding our connection open
    // would block it indefinitely, so close (Dexie reopens lazily on the next query, where
    // the check above refuses a newer schema) and tell the UI why this window stopped.
    this.on('versionchange', (event) => {
      this.close({ disableAutoOpen: false });
      reportStorageProblem(event.newVersion === null ? DELETED_ELSEWHERE : NEWER_DATABASE_PROBLEM);
    });

    // Our own upgrade waits for another window (an older build) to close the database.
    this.on('blocked', () => {
      reportStorageProblem(BLOCKED_PROBLEM);
    });
  }
}

/** Constructs a workspace database; Dexie opens it lazily on the first query. */
export function openDatabase(name: string = DB_NAME): BulwarkDb {
  return new BulwarkDb(name);
}

let appDatabase: BulwarkDb | undefined;

/** The one app-wide database instance, created on first use. */
export function getDatabase(): BulwarkDb {
  appDatabase ??= openDatabase();
  return appDatabase;
}

/** Opens the app-wide workspace database; rejects with a Dexie error when it cannot. */
export async function openWorkspace(): Promise<void> {
  await getDatabase().open();
}
