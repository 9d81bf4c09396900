import type { Transaction } from 'dexie';

/** One schema version: Dexie store declarations plus an optional data migration. */
export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  /** A data migration, imported from its own numbered file (`migrations/0002-...ts`) with its own test. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
};

// The schema, version by version. A version that has shipped is never edited: users'
// databases were created from it and Dexie compares against it. A later issue appends
// a new version (only the stores that change) and, when rows must be rewritten, a
// numbered migration file with a test built from a fixture of the previous version.
// Indexes cover what the list filters and sorts on; every other field is stored unindexed.
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      apis: 'id, name, lifecycle, exposure, nextReviewDue, updatedAt',
      meta: 'key',
    },
  },
  {
    // Threat models (whole documents, listed by title and date, found by inventory API),
    // user playbooks (YAML source plus list fields) and workspace settings such as the
    // rule-library tailoring. New tables only: no rows to migrate.
    version: 2,
    stores: {
      threatModels: 'id, title, updatedAt, *apiIds',
      playbooks: 'id, title, updatedAt',
      settings: 'key',
    },
  },
  {
    // Incidents (listed by mode, status and date, found by inventory API), their
    // hash-chained timelines keyed by incident and sequence number (an append is one put,
    // a page of the virtualized list one range read), evidence metadata apart from its
    // content (lists never load file bodies), and unsaved drafts typed in the room.
    // New tables only: no rows to migrate.
    // Also the OpenAPI description each imported threat model came from, so a re-import
    // can show what changed.
    version: 3,
    stores: {
      openapiSources: 'modelId, apiId',
      incidents: 'id, mode, status, updatedAt, *apiIds',
      timeline: '[incidentId+seq], incidentId',
      evidence: 'id, incidentId',
      evidenceContent: 'id',
      drafts: 'key',
      postureSnapshots: 'id, takenAt',
      exercises: 'id, incidentId, scenarioId, updatedAt',
    },
  },
];

/** The newest schema version this build knows; a database above it belongs to a newer Bulwark. */
export const LATEST_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
