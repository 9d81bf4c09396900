import { validateDraft } from '../../core/inventory/schema';
import type { ApiDraft, ApiEntry, ApiId } from '../../core/inventory/types';
import type { IsoTimestamp } from '../../core/shared/brand';
import { validateThreatModel, type ThreatModel, type ThreatModelId } from '../../core/threats';
import type { ThreatModelRecord } from '../../core/workspace/records';
import type { WriteDeps } from './apis';
import type { BulwarkDb, OpenApiSourceRow } from './db';
import { modelOfRecord } from './threat-models';

// Writing an OpenAPI import: the inventory entry, the threat model and the description
// it came from, validated first and then written in one transaction, so a bad import
// (or a failure halfway) leaves the workspace exactly as it was.

/** The description text and the name it came under (a file name, or "pasted text"). */
export type OpenApiSource = { readonly fileName: string; readonly text: string };

/** Stored (with the ids written), or every reason it was not, with the file named. */
export type OpenApiWriteResult =
  | { readonly ok: true; readonly apiId: ApiId; readonly modelId: ThreatModelId }
  | { readonly ok: false; readonly errors: readonly string[] };

const stamp = (deps: WriteDeps): IsoTimestamp => deps.now().toISOString() as IsoTimestamp;

function checkBoth(
  fileName: string,
  draft: ApiDraft,
  model: ThreatModel,
): { ok: true; draft: ApiDraft; model: ThreatModel } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const d = validateDraft(draft);
  if (!d.ok)
    for (const [field, message] of Object.entries(d.errors))
      errors.push(`${fileName}: inventory entry, ${field}: ${message}`);
  const m = validateThreatModel(modelOfRecord(model));
  if (!m.ok)
    for (const e of m.errors.slice(0, 10))
      errors.push(`${fileName}: threat model, ${e.path}: ${e.message}`);
  if (!d.ok || !m.ok) return { ok: false, errors };
  return { ok: true, draft: d.value, model: m.model };
}

/** The description a model was last imported from, if it was imported from one. */
export async function getOpenApiSource(
  db: BulwarkDb,
  modelId: string,
): Promise<OpenApiSourceRow | undefined> {
  return db.openapiSources.get(modelId);
}

/** The ids of the models that have a stored description (cheap: keys only). */
export async function modelsWithOpenApiSource(db: BulwarkDb): Promise<string[]> {
  return (await db.openapiSources.toCollection().primaryKeys()).map(String);
}

/** What the description says about an entry, merged into one a person keeps. */
function refreshed(api: ApiEntry, draft: ApiDraft, now: IsoTimestamp): ApiEntry {
  return {
    ...api,
    environments: draft.environments,
    authentication: draft.authentication,
    owner: api.owner.team === '' && api.owner.contact === '' ? draft.owner : api.owner,
    updatedAt: now,
  };
}

/**
 * Creates the inventory entry and the threat model of a first import, with the
 * description, in one transaction. The model must already link `apiId`. With
 * `existingApi`, the entry is one already in the inventory (the import started from its
 * detail): it is refreshed like on a re-import instead of added.
 */
export async function createFromOpenApi(
  db: BulwarkDb,
  input: {
    readonly apiId: ApiId;
    readonly draft: ApiDraft;
    readonly model: ThreatModel;
    readonly source: OpenApiSource;
    readonly existingApi?: boolean;
  },
  deps: WriteDeps,
): Promise<OpenApiWriteResult> {
  const checked = checkBoth(input.source.fileName, input.draft, input.model);
  if (!checked.ok) return checked;
  if (!checked.model.apiIds.includes(input.apiId))
    return {
      ok: false,
      errors: [`${input.source.fileName}: the threat model is not linked to the new entry.`],
    };
  const now = stamp(deps);
  const entry: ApiEntry = { ...checked.draft, id: input.apiId, createdAt: now, updatedAt: now };
  const record: ThreatModelRecord = { ...checked.model, createdAt: now, updatedAt: now };
  return db.transaction(
    'rw',
    [db.apis, db.threatModels, db.openapiSources],
    async (): Promise<OpenApiWriteResult> => {
      if (input.existingApi === true) {
        const api = await db.apis.get(input.apiId);
        if (!api)
          return {
            ok: false,
            errors: [`The inventory entry no longer exists (deleted in another window?).`],
          };
        await db.apis.put(refreshed(api, checked.draft, now));
      }
      // add, not put: an id that is taken must fail (and roll back) rather than overwrite.
      else await db.apis.add(entry);
      await db.threatModels.add(record);
      await db.openapiSources.put({
        modelId: record.id,
        apiId: entry.id,
        fileName: input.source.fileName,
        text: input.source.text,
        importedAt: now,
      });
      return { ok: true, apiId: entry.id, modelId: record.id };
    },
  );
}

/**
 * A re-import: stores the regenerated model (decisions already carried over by core),
 * refreshes what the description says about the entry (environments, authentication,
 * and the owner when none was set) while keeping what a person decided, and keeps the
 * new description for the next diff. One transaction; the model must still exist.
 */
export async function updateFromOpenApi(
  db: BulwarkDb,
  input: {
    readonly apiId: ApiId;
    readonly draft: ApiDraft;
    readonly model: ThreatModel;
    readonly source: OpenApiSource;
  },
  deps: WriteDeps,
): Promise<OpenApiWriteResult> {
  const checked = checkBoth(input.source.fileName, input.draft, input.model);
  if (!checked.ok) return checked;
  const { draft, model } = checked;
  const now = stamp(deps);
  return db.transaction(
    'rw',
    [db.apis, db.threatModels, db.openapiSources],
    async (): Promise<OpenApiWriteResult> => {
      const existing = await db.threatModels.get(model.id);
      if (!existing)
        return {
          ok: false,
          errors: [
            `The threat model “${model.title}” no longer exists (deleted in another window?).`,
          ],
        };
      await db.threatModels.put({ ...model, createdAt: existing.createdAt, updatedAt: now });
      const api = await db.apis.get(input.apiId);
      const entry: ApiEntry = api
        ? refreshed(api, draft, now)
        : { ...draft, id: input.apiId, createdAt: now, updatedAt: now };
      await db.apis.put(entry);
      await db.openapiSources.put({
        modelId: model.id,
        apiId: input.apiId,
        fileName: input.source.fileName,
        text: input.source.text,
        importedAt: now,
      });
      return { ok: true, apiId: input.apiId, modelId: model.id };
    },
  );
}
