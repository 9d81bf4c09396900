import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, serializeBackup } from '../../../../core/backup/format';
import type { ApiId } from '../../../../core/inventory/types';
import { analyseInPhases } from '../../../../core/openapi';
import type { IsoTimestamp, ThreatModelId } from '../../../../core/threats';
import {
  exportWorkspace,
  readBackupFile,
  restoreWorkspace,
} from '../../../../renderer/storage/backup';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import { createFromOpenApi, getOpenApiSource } from '../../../../renderer/storage/openapi-import';
import {
  deleteThreatModel,
  getThreatModel,
  reinstateThreatModel,
} from '../../../../renderer/storage/threat-models';
import { fixtureText } from '../../core/openapi/helpers';
import { fixedDeps, freshDb } from './helpers';

// The description a model was imported from travels with the workspace: a backup carries
// it, a restore replaces it, and deleting the model takes it along (Undo brings it back),
// so a re-import after any of these still shows what changed.

const opened: BulwarkDb[] = [];
function db(): BulwarkDb {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

const API = 'api-shop' as ApiId;
const MODEL = 'tm-shop' as ThreatModelId;
const EXPORT_DEPS = { now: () => new Date('2026-11-23T12:00:00.000Z'), appVersion: '0.1.0' };
const V1 = fixtureText('insecure.yaml');
// The next version adds one operation, so a diff against V1 names it.
const V2 = V1.replace(
  /^paths:\n/m,
  "paths:\n  /v1/ping:\n    get:\n      responses: { '200': { description: ok } }\n",
);

function analyse(text: string, fileName: string, extra: object = {}) {
  const r = analyseInPhases(
    { text, fileName, apiId: API, modelId: MODEL, ...extra },
    () => undefined,
  );
  if (!r.ok) throw new Error(r.error);
  return r;
}

async function imported(): Promise<BulwarkDb> {
  const d = db();
  const a = analyse(V1, 'shop-v1.yaml');
  const r = await createFromOpenApi(
    d,
    { apiId: API, draft: a.draft, model: a.model, source: { fileName: 'shop-v1.yaml', text: V1 } },
    fixedDeps(),
  );
  if (!r.ok) throw new Error(r.errors.join('; '));
  return d;
}

/** What a re-import of V2 into `d` would show as added operations. */
async function reimportAdds(d: BulwarkDb): Promise<readonly string[] | undefined> {
  const previous = await getOpenApiSource(d, MODEL);
  const existing = await getThreatModel(d, MODEL);
  return analyse(V2, 'shop-v2.yaml', { existing, previous }).diff?.added;
}

async function restoreText(d: BulwarkDb, text: string, fileName: string): Promise<void> {
  const parsed = readBackupFile(text, fileName);
  if (!parsed.ok) throw new Error(parsed.error);
  await restoreWorkspace(d, parsed.backup);
}

describe('the OpenAPI description in a backup', () => {
  it('survives backup and restore, so a re-import still diffs', async () => {
    const source = await imported();
    expect(V2).not.toBe(V1);
    expect(await reimportAdds(source)).toEqual(['GET /v1/ping']);
    const text = serializeBackup(await exportWorkspace(source, EXPORT_DEPS));

    // The target holds a description of its own, for a model the backup does not have.
    const target = db();
    await target.openapiSources.put({
      modelId: 'tm-other',
      apiId: 'api-other',
      fileName: 'other.yaml',
      text: 'openapi: 3.0.3',
      importedAt: '2026-11-01T10:00:00.000Z' as IsoTimestamp,
    });
    await restoreText(target, text, 'backup.json');

    expect(await target.openapiSources.toArray()).toEqual([
      {
        modelId: MODEL,
        apiId: API,
        fileName: 'shop-v1.yaml',
        text: V1,
        importedAt: '2026-11-23T10:00:00.000Z',
      },
    ]);
    expect(await reimportAdds(target)).toEqual(['GET /v1/ping']);
  });

  it('a version 2 backup restores with no descriptions and clears the old ones', async () => {
    const d = await imported();
    const v2 = {
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: '2026-11-20T10:00:00.000Z',
      appVersion: '0.1.0',
      data: {
        apis: [],
        threatModels: [],
        playbooks: [],
        ruleLibrary: { disabled: [], custom: [] },
      },
    };
    await restoreText(d, JSON.stringify(v2), 'old.json');
    expect(await d.openapiSources.count()).toBe(0);
    expect(await d.threatModels.count()).toBe(0);
  });

  it('leaves out a description whose model is gone, so the backup restores', async () => {
    const d = await imported();
    await d.openapiSources.put({
      modelId: 'tm-deleted-long-ago',
      apiId: API,
      fileName: 'old.yaml',
      text: 'openapi: 3.0.3',
      importedAt: '2026-11-01T10:00:00.000Z' as IsoTimestamp,
    });
    const backup = await exportWorkspace(d, EXPORT_DEPS);
    expect(backup.data.openapiSources.map((s) => s.modelId)).toEqual([MODEL]);
    const target = db();
    await restoreText(target, serializeBackup(backup), 'backup.json');
    expect(await target.openapiSources.count()).toBe(1);
  });
});

describe('deleting an imported threat model', () => {
  it('removes its description with it, and Undo puts both back', async () => {
    const d = await imported();
    const before = await getOpenApiSource(d, MODEL);
    const model = await getThreatModel(d, MODEL);
    const gone = await deleteThreatModel(d, MODEL);
    expect(gone?.openapiSource).toEqual(before);
    expect(await getThreatModel(d, MODEL)).toBeUndefined();
    expect(await d.openapiSources.count()).toBe(0);

    if (!gone) throw new Error('nothing deleted');
    await reinstateThreatModel(d, gone);
    // The model comes back as it was, without the description folded into it.
    expect(await getThreatModel(d, MODEL)).toEqual(model);
    expect(await getOpenApiSource(d, MODEL)).toEqual(before);
    expect(await reimportAdds(d)).toEqual(['GET /v1/ping']);
  });
});
