import { z } from 'zod';
import { evidenceSchema, incidentSchema, timelineEntrySchema } from '../incidents/schema';
import type { Evidence, Incident, TimelineEntry } from '../incidents/types';
import { exerciseSchema } from '../exercises/exercise-schema';
import type { Exercise } from '../exercises/exercise';
import { apiEntrySchema } from '../inventory/schema';
import type { ApiEntry } from '../inventory/types';
import type { IsoTimestamp } from '../shared/brand';
import { postureSnapshotSchema, type PostureSnapshot } from '../posture/snapshot';
import { locateJsonError } from '../shared/json-errors';
import { createLibrary } from '../threats/rules/library';
import {
  EMPTY_RULE_SETTINGS,
  openApiSourceRecordSchema,
  ruleLibrarySettingsSchema,
  threatModelRecordSchema,
  userPlaybookRecordSchema,
  type OpenApiSourceRecord,
  type RuleLibrarySettings,
  type ThreatModelRecord,
  type UserPlaybookRecord,
} from '../workspace/records';

/** The `format` marker every Bulwark backup carries, so a foreign JSON file is recognised. */
export const BACKUP_FORMAT = 'bulwark-workspace-backup';
/**
 * The backup format this build writes and the newest it reads. 1: the inventory. 2: adds
 * threat models, user playbooks and the rule-library settings (a v1 file reads as a
 * workspace with none of them). 3: adds incidents, their hash-chained timelines, evidence
 * metadata and evidence content (text as UTF-8, files as base64; a v1 or v2 file reads as a
 * workspace without incidents), kept posture figures, exercises, and the OpenAPI
 * description each imported threat model came from (so a re-import after a restore still
 * shows what changed; files without them read as none). Unsaved drafts typed in an incident room stay on the device.
 */
export const BACKUP_VERSION = 3;
/** Larger files are refused before parsing: a backup of 100,000 APIs is about 100 MB. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** The stored content of one evidence item (text as UTF-8, a file as base64). */
export type EvidenceContentRecord = {
  readonly id: string;
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
};

/** The tables a backup carries; later versions add tables, never reuse names. */
export type WorkspaceData = {
  readonly apis: readonly ApiEntry[];
  readonly threatModels: readonly ThreatModelRecord[];
  readonly playbooks: readonly UserPlaybookRecord[];
  readonly ruleLibrary: RuleLibrarySettings;
  readonly incidents: readonly Incident[];
  readonly timeline: readonly TimelineEntry[];
  readonly evidence: readonly Evidence[];
  readonly evidenceContent: readonly EvidenceContentRecord[];
  /** Kept posture report figures (format 3; absent in files written before them). */
  readonly postureSnapshots?: readonly PostureSnapshot[];
  readonly exercises: readonly Exercise[];
  /** The description each imported model came from (format 3; absent in older files). */
  readonly openapiSources: readonly OpenApiSourceRecord[];
};

/** A workspace with nothing in it. */
export const EMPTY_WORKSPACE: WorkspaceData = {
  apis: [],
  threatModels: [],
  playbooks: [],
  ruleLibrary: EMPTY_RULE_SETTINGS,
  incidents: [],
  timeline: [],
  evidence: [],
  evidenceContent: [],
  exercises: [],
  openapiSources: [],
};

/** A whole-workspace export: everything needed to rebuild the workspace elsewhere. */
export type WorkspaceBackup = {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly exportedAt: IsoTimestamp;
  readonly appVersion: string;
  readonly data: WorkspaceData;
};

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
});

const header = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
};

const v1Schema = z.object({
  ...header,
  version: z.literal(1),
  data: z.object({ apis: z.array(apiEntrySchema) }),
});

const v2Schema = z.object({
  ...header,
  version: z.literal(2),
  data: z.object({
    apis: z.array(apiEntrySchema),
    threatModels: z.array(threatModelRecordSchema),
    playbooks: z.array(userPlaybookRecordSchema),
    ruleLibrary: ruleLibrarySettingsSchema,
  }),
});

const evidenceContentSchema = z.strictObject({
  id: z.string().min(1).max(200),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});

const v3Schema = z.object({
  ...header,
  version: z.literal(3),
  data: z.object({
    apis: z.array(apiEntrySchema),
    threatModels: z.array(threatModelRecordSchema),
    playbooks: z.array(userPlaybookRecordSchema),
    ruleLibrary: ruleLibrarySettingsSchema,
    incidents: z.array(incidentSchema),
    timeline: z.array(timelineEntrySchema),
    evidence: z.array(evidenceSchema),
    evidenceContent: z.array(evidenceContentSchema),
    postureSnapshots: z.array(postureSnapshotSchema).optional(),
    exercises: z.array(exerciseSchema).default([]),
    openapiSources: z.array(openApiSourceRecordSchema).default([]),
  }),
});

const SCHEMAS = { 1: v1Schema, 2: v2Schema, 3: v3Schema } as const;

/** Builds the backup object for the given workspace contents. */
export function createBackup(
  data: WorkspaceData,
  exportedAt: IsoTimestamp,
  appVersion: string,
): WorkspaceBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, appVersion, data };
}

/** Serialises a backup as stable, indented JSON. */
export function serializeBackup(backup: WorkspaceBackup): string {
  return JSON.stringify(backup, null, 1) + '\n';
}

export type BackupParse =
  | { readonly ok: true; readonly backup: WorkspaceBackup }
  | { readonly ok: false; readonly error: string };

/** `data.apis[3].owner.team` from a zod path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/**
 * Parses and fully validates a backup file's text before anything is written. Every
 * error names the file and the place: a line and column for broken JSON, a path such
 * as `data.apis[3].name` for an invalid record.
 */
export function parseBackup(text: string, fileName: string): BackupParse {
  if (text.length > MAX_BACKUP_BYTES)
    return {
      ok: false,
      error: `${fileName} is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB; it is not a Bulwark backup.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileName} is not valid JSON: ${locateJsonError(text, e)}.` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const version =
      (json as { format?: unknown; version?: unknown } | null)?.format === BACKUP_FORMAT;
    return {
      ok: false,
      error: version
        ? `${fileName} is a Bulwark backup without a valid format version.`
        : `${fileName} is not a Bulwark backup (it has no "format": "${BACKUP_FORMAT}" marker). Nothing was restored.`,
    };
  }
  if (envelope.data.version > BACKUP_VERSION)
    return {
      ok: false,
      error: `${fileName} was written by a newer Bulwark (backup format ${envelope.data.version}; this version reads up to ${BACKUP_VERSION}). Update Bulwark to restore it.`,
    };
  const parsed = SCHEMAS[envelope.data.version as 1 | 2 | 3].safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length - 1;
    const where = first ? formatPath(first.path) : '(top level)';
    return {
      ok: false,
      error: `${fileName}, at ${where}: ${(first?.message ?? 'invalid value').replace(/\.$/, '')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}. Nothing was restored.`,
    };
  }
  // Version 1 carried only the inventory, version 2 no incidents: they read as a
  // workspace with nothing else.
  const data = { ...EMPTY_WORKSPACE, ...parsed.data.data } as unknown as WorkspaceData;
  for (const [table, rows] of [
    ['apis', data.apis],
    ['threatModels', data.threatModels],
    ['playbooks', data.playbooks],
    ['incidents', data.incidents],
    ['evidence', data.evidence],
    ['evidenceContent', data.evidenceContent],
    ['postureSnapshots', data.postureSnapshots ?? []],
    ['exercises', data.exercises],
    ['openapiSources', data.openapiSources.map((s) => ({ id: s.modelId }))],
  ] as const) {
    // The descriptions are keyed by their model's id, so that is the field named.
    const field = table === 'openapiSources' ? 'modelId' : 'id';
    const seen = new Set<string>();
    for (const [i, row] of rows.entries()) {
      if (seen.has(row.id))
        return {
          ok: false,
          error: `${fileName}, at data.${table}[${i}].${field}: the id "${row.id}" appears twice. Nothing was restored.`,
        };
      seen.add(row.id);
    }
  }
  const models = new Set<string>(data.threatModels.map((m) => m.id));
  for (const [i, s] of data.openapiSources.entries())
    if (!models.has(s.modelId))
      return {
        ok: false,
        error: `${fileName}, at data.openapiSources[${i}].modelId: no threat model "${s.modelId}" in this backup. Nothing was restored.`,
      };
  const links = incidentLinks(data, fileName);
  if (links !== null) return { ok: false, error: links };
  const library = createLibrary(data.ruleLibrary);
  if (!library.ok) {
    const first = library.errors[0];
    return {
      ok: false,
      error: `${fileName}, at data.ruleLibrary${first?.path ? `.${first.path}` : ''}: ${first?.message ?? 'invalid rule library'}. Nothing was restored.`,
    };
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: parsed.data.exportedAt as IsoTimestamp,
      appVersion: parsed.data.appVersion,
      data,
    },
  };
}

/**
 * Timeline entries, evidence and evidence content must belong to an incident (or evidence
 * item) of the same backup, and no timeline holds a seq twice: the database keys them so.
 * The chain itself is not judged here: a tampered timeline restores as it is, and the
 * room shows where it was tampered with.
 */
function incidentLinks(data: WorkspaceData, fileName: string): string | null {
  const incidents = new Set<string>(data.incidents.map((i) => i.id));
  const seqs = new Set<string>();
  for (const [i, e] of data.timeline.entries()) {
    if (!incidents.has(e.incidentId))
      return `${fileName}, at data.timeline[${i}].incidentId: no incident "${e.incidentId}" in this backup. Nothing was restored.`;
    const key = `${e.incidentId}\u0000${String(e.seq)}`;
    if (seqs.has(key))
      return `${fileName}, at data.timeline[${i}].seq: incident "${e.incidentId}" has entry ${String(e.seq)} twice. Nothing was restored.`;
    seqs.add(key);
  }
  const evidence = new Set<string>();
  for (const [i, e] of data.evidence.entries()) {
    if (!incidents.has(e.incidentId))
      return `${fileName}, at data.evidence[${i}].incidentId: no incident "${e.incidentId}" in this backup. Nothing was restored.`;
    evidence.add(e.id);
  }
  for (const [i, c] of data.evidenceContent.entries())
    if (!evidence.has(c.id))
      return `${fileName}, at data.evidenceContent[${i}].id: no evidence "${c.id}" in this backup. Nothing was restored.`;
  return null;
}

/** Record counts per table, for the restore confirmation. */
export type WorkspaceCounts = {
  readonly apis: number;
  readonly threatModels: number;
  readonly playbooks: number;
  readonly incidents: number;
};

export type RestorePreview = {
  readonly incoming: WorkspaceCounts;
  readonly current: WorkspaceCounts;
  readonly exportedAt: IsoTimestamp;
  readonly appVersion: string;
};

/** Summarises a parsed backup against the current workspace counts. */
export function previewRestore(backup: WorkspaceBackup, current: WorkspaceCounts): RestorePreview {
  return {
    incoming: {
      apis: backup.data.apis.length,
      threatModels: backup.data.threatModels.length,
      playbooks: backup.data.playbooks.length,
      incidents: backup.data.incidents.length,
    },
    current,
    exportedAt: backup.exportedAt,
    appVersion: backup.appVersion,
  };
}
