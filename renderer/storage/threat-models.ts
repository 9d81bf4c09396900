import type { ApiId } from '../../core/inventory/types';
import type { IsoTimestamp } from '../../core/shared/brand';
import {
  emptyModel,
  validateThreatModel,
  type ModelIssue,
  type ThreatModel,
  type ThreatModelId,
} from '../../core/threats';
import { summarizeThreatModel, type ThreatModelSummary } from '../../core/workspace/model-summary';
import type { OpenApiSourceRecord, ThreatModelRecord } from '../../core/workspace/records';
import type { WriteDeps } from './apis';
import type { BulwarkDb } from './db';

/** A save that stored the model, or the validation problems (path and message) that stopped it. */
export type ThreatModelSaveResult =
  | { readonly ok: true; readonly value: ThreatModelRecord }
  | { readonly ok: false; readonly errors: readonly ModelIssue[] };

const stamp = (deps: WriteDeps): IsoTimestamp => deps.now().toISOString() as IsoTimestamp;

const GONE: ThreatModelSaveResult = {
  ok: false,
  errors: [
    {
      path: '(top level)',
      message: 'This threat model no longer exists (deleted in another window?).',
    },
  ],
};

// Like the inventory, rows are read without re-validating: only saveThreatModel (after
// validateThreatModel) and a validated restore write them.

/** The domain model of a stored record: without createdAt and updatedAt. */
export function modelOfRecord(record: ThreatModel): ThreatModel {
  return Object.fromEntries(
    Object.entries(record).filter(([k]) => k !== 'createdAt' && k !== 'updatedAt'),
  ) as ThreatModel;
}

/** Every stored model, most recently updated first. */
export async function listThreatModels(db: BulwarkDb): Promise<ThreatModelRecord[]> {
  return db.threatModels.orderBy('updatedAt').reverse().toArray();
}

/** A model's id and last change: enough to tell whether a cached summary is current. */
export type ModelStamp = { readonly id: ThreatModelId; readonly updatedAt: IsoTimestamp };

/**
 * Every model's id and updatedAt, most recently updated first (the order of
 * listThreatModels), read from the updatedAt index alone: no record is loaded.
 */
export async function listModelStamps(db: BulwarkDb): Promise<ModelStamp[]> {
  const out: ModelStamp[] = [];
  await db.threatModels
    .orderBy('updatedAt')
    .reverse()
    .eachKey((key, cursor) => {
      out.push({ id: cursor.primaryKey as ThreatModelId, updatedAt: key as IsoTimestamp });
    });
  return out;
}

/** The summaries of the models with these ids that exist, in the order asked. */
export async function readModelSummaries(
  db: BulwarkDb,
  ids: readonly ThreatModelId[],
): Promise<ThreatModelSummary[]> {
  const out: ThreatModelSummary[] = [];
  // One record at a time, so at most one large model is held at once.
  for (const id of ids) {
    const record = await db.threatModels.get(id);
    if (record) out.push(summarizeThreatModel(record));
  }
  return out;
}

/** One model, or undefined when there is none with this id. */
export async function getThreatModel(
  db: BulwarkDb,
  id: ThreatModelId,
): Promise<ThreatModelRecord | undefined> {
  return db.threatModels.get(id);
}

/** The models linked to one inventory API (the multi-entry `*apiIds` index). */
export async function threatModelsForApi(
  db: BulwarkDb,
  apiId: ApiId,
): Promise<ThreatModelRecord[]> {
  const rows = await db.threatModels.where('apiIds').equals(apiId).toArray();
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** Creates an empty model (core's emptyModel) for one or more APIs. */
export async function createThreatModel(
  db: BulwarkDb,
  input: { readonly title: string; readonly apiIds: readonly ApiId[] },
  deps: WriteDeps,
): Promise<ThreatModelSaveResult> {
  const checked = validateThreatModel(emptyModel(deps.newId(), input.title.trim(), input.apiIds));
  if (!checked.ok) return checked;
  const now = stamp(deps);
  const record: ThreatModelRecord = { ...checked.model, createdAt: now, updatedAt: now };
  // add, not put: a colliding id must fail loudly rather than overwrite another model.
  await db.threatModels.add(record);
  return { ok: true, value: record };
}

/**
 * Validates a model and stores it whole, keeping its creation time and bumping updatedAt.
 * A model created by import (no stored row yet) is created.
 */
export async function saveThreatModel(
  db: BulwarkDb,
  model: ThreatModel,
  deps: WriteDeps,
  options: { readonly allowCreate?: boolean } = {},
): Promise<ThreatModelSaveResult> {
  // Strip bookkeeping fields a caller may pass along with a record.
  const checked = validateThreatModel(modelOfRecord(model));
  if (!checked.ok) return checked;
  const updatedAt = stamp(deps);
  return db.transaction('rw', db.threatModels, async (): Promise<ThreatModelSaveResult> => {
    const existing = await db.threatModels.get(checked.model.id);
    if (!existing && options.allowCreate !== true) return GONE;
    const record: ThreatModelRecord = {
      ...checked.model,
      createdAt: existing?.createdAt ?? updatedAt,
      updatedAt,
    };
    await db.threatModels.put(record);
    return { ok: true, value: record };
  });
}

/**
 * A deleted model as Undo needs it: the record, with the OpenAPI description it was
 * imported from when it had one (kept apart again when reinstated).
 */
export type DeletedThreatModel = ThreatModelRecord & {
  readonly openapiSource?: OpenApiSourceRecord;
};

/**
 * Deletes a model, and the description it was imported from, in one transaction; returns
 * both as they were, for Undo; undefined if already gone.
 */
export async function deleteThreatModel(
  db: BulwarkDb,
  id: ThreatModelId,
): Promise<DeletedThreatModel | undefined> {
  return db.transaction('rw', [db.threatModels, db.openapiSources], async () => {
    const existing = await db.threatModels.get(id);
    if (!existing) return undefined;
    const source = await db.openapiSources.get(id);
    await db.threatModels.delete(id);
    await db.openapiSources.delete(id);
    return source ? { ...existing, openapiSource: source } : existing;
  });
}

/** Puts a deleted model back exactly as it was (Undo), timestamps and description included. */
export async function reinstateThreatModel(
  db: BulwarkDb,
  deleted: DeletedThreatModel,
): Promise<void> {
  const { openapiSource, ...record } = deleted;
  await db.transaction('rw', [db.threatModels, db.openapiSources], async () => {
    await db.threatModels.put(record);
    if (openapiSource) await db.openapiSources.put(openapiSource);
  });
}
