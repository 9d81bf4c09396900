import { z } from 'zod';
import type { IsoTimestamp } from '../shared/brand';
import { threatModelSchema } from '../threats/schema';
import type { ThreatModel } from '../threats/model';

// The records a workspace stores beyond the inventory, as the database and backups hold
// them. Each is a domain document plus bookkeeping timestamps.

/** A threat model as stored: the whole document, so generation stays a pure function. */
export type ThreatModelRecord = ThreatModel & {
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
};

/** A user playbook as stored: its YAML source is the truth; title and version are for lists. */
export type UserPlaybookRecord = {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly source: string;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
};

/**
 * The OpenAPI description a threat model was last imported from, kept so a re-import
 * can show what changed. One per model (keyed by `modelId`); backed up with the model.
 */
export type OpenApiSourceRecord = {
  readonly modelId: string;
  readonly apiId: string;
  /** The file name, or "pasted text". */
  readonly fileName: string;
  readonly text: string;
  readonly importedAt: IsoTimestamp;
};

/** How the workspace tailors the threat-rule catalogue (core/threats createLibrary). */
export type RuleLibrarySettings = {
  readonly disabled: readonly string[];
  readonly custom: readonly unknown[];
};

export const EMPTY_RULE_SETTINGS: RuleLibrarySettings = { disabled: [], custom: [] };

/** Largest playbook source kept (1 MB): the built-in ones are about 10 kB. */
export const MAX_PLAYBOOK_SOURCE = 1024 * 1024;

const timestamp = z.iso.datetime({ offset: true });

export const threatModelRecordSchema = z.intersection(
  threatModelSchema,
  z.object({ createdAt: timestamp, updatedAt: timestamp }),
);

export const userPlaybookRecordSchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().max(300),
  version: z.string().max(50),
  source: z.string().max(MAX_PLAYBOOK_SOURCE, 'The playbook source is larger than 1 MB.'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const openApiSourceRecordSchema = z.strictObject({
  modelId: z.string().min(1).max(200),
  apiId: z.string().min(1).max(100),
  fileName: z.string().max(1000),
  text: z.string(),
  importedAt: timestamp,
});

export const ruleLibrarySettingsSchema = z.strictObject({
  disabled: z.array(z.string().max(100)).max(1000),
  custom: z.array(z.unknown()).max(1000),
});
