import { afterEach, describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../core/inventory/types';
import { analyseInPhases } from '../../../../core/openapi';
import {
  dismissThreat,
  type IsoTimestamp,
  type ThreatModel,
  type ThreatModelId,
} from '../../../../core/threats';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  createFromOpenApi,
  getOpenApiSource,
  modelsWithOpenApiSource,
  updateFromOpenApi,
} from '../../../../renderer/storage/openapi-import';
import { getThreatModel, saveThreatModel } from '../../../../renderer/storage/threat-models';
import { fixtureText } from '../../core/openapi/helpers';
import { fixedDeps, freshDb } from './helpers';

// An import writes the entry, the model and the description together or not at all, and
// a re-import keeps every decision a person made (a dismissal above all).

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

function analyse(text: string, fileName: string, extra: object = {}) {
  const r = analyseInPhases(
    { text, fileName, apiId: API, modelId: MODEL, ...extra },
    () => undefined,
  );
  if (!r.ok) throw new Error(r.error);
  return r;
}

async function counts(d: BulwarkDb): Promise<number[]> {
  return [await d.apis.count(), await d.threatModels.count(), await d.openapiSources.count()];
}

describe('createFromOpenApi', () => {
  it('writes the entry, the model and the description', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    const r = await createFromOpenApi(
      d,
      { apiId: API, draft: a.draft, model: a.model, source: { fileName: 'shop.yaml', text } },
      fixedDeps(),
    );
    expect(r).toEqual({ ok: true, apiId: API, modelId: MODEL });
    const api = await d.apis.get(API);
    expect(api?.name).toBe('Shop API');
    expect(api?.environments.map((e) => e.baseUrl)).toEqual([
      'http://api.shop.example/v1',
      'https://staging.shop.example/v2',
    ]);
    expect(api?.createdAt).toBe('2026-11-23T10:00:00.000Z');
    const model = await getThreatModel(d, MODEL);
    expect(model?.apiIds).toEqual([API]);
    expect(model?.threats.instances.length).toBe(a.model.threats.instances.length);
    expect((await getOpenApiSource(d, MODEL))?.text).toBe(text);
    expect(await modelsWithOpenApiSource(d)).toEqual([MODEL]);
  });

  it('writes nothing when the entry is invalid', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    const r = await createFromOpenApi(
      d,
      {
        apiId: API,
        draft: { ...a.draft, name: '' },
        model: a.model,
        source: { fileName: 'shop.yaml', text },
      },
      fixedDeps(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^shop\.yaml: inventory entry, name: /);
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('writes nothing when the model is invalid', async () => {
    const d = db();
    const a = analyse(fixtureText('insecure.yaml'), 'shop.yaml');
    const broken = { ...a.model, title: '' } as ThreatModel;
    const r = await createFromOpenApi(
      d,
      { apiId: API, draft: a.draft, model: broken, source: { fileName: 'shop.yaml', text: 'x' } },
      fixedDeps(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^shop\.yaml: threat model, title: /);
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('rolls the entry back when the model cannot be added (its id is taken)', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    const other = await saveThreatModel(
      d,
      { ...a.model, title: 'Another model', apiIds: ['api-other' as ApiId] },
      fixedDeps(),
      { allowCreate: true },
    );
    expect(other.ok).toBe(true);
    await expect(
      createFromOpenApi(
        d,
        { apiId: API, draft: a.draft, model: a.model, source: { fileName: 'shop.yaml', text } },
        fixedDeps(),
      ),
    ).rejects.toThrow();
    expect(await counts(d)).toEqual([0, 1, 0]);
  });
});

describe('createFromOpenApi for an entry already in the inventory', () => {
  it('adds the model and refreshes the entry, keeping what a person set', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    await d.apis.add({
      ...a.draft,
      id: API,
      name: 'Shop (our name)',
      owner: { team: 'Payments', contact: '' },
      environments: [],
      createdAt: '2026-01-01T00:00:00.000Z' as IsoTimestamp,
      updatedAt: '2026-01-01T00:00:00.000Z' as IsoTimestamp,
    });
    const r = await createFromOpenApi(
      d,
      {
        apiId: API,
        draft: a.draft,
        model: a.model,
        source: { fileName: 'shop.yaml', text },
        existingApi: true,
      },
      fixedDeps(),
    );
    expect(r).toEqual({ ok: true, apiId: API, modelId: MODEL });
    const entry = await d.apis.get(API);
    expect(entry?.name).toBe('Shop (our name)');
    expect(entry?.owner).toEqual({ team: 'Payments', contact: '' });
    expect(entry?.environments).toHaveLength(2);
    expect(entry?.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(await counts(d)).toEqual([1, 1, 1]);
  });

  it('writes nothing when that entry was deleted meanwhile', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    const r = await createFromOpenApi(
      d,
      {
        apiId: API,
        draft: a.draft,
        model: a.model,
        source: { fileName: 'shop.yaml', text },
        existingApi: true,
      },
      fixedDeps(),
    );
    expect(r.ok).toBe(false);
    expect(await counts(d)).toEqual([0, 0, 0]);
  });
});

describe('updateFromOpenApi', () => {
  it('keeps a dismissal, and what a person set on the entry, through a re-import', async () => {
    const d = db();
    const v1 = fixtureText('insecure.yaml');
    const a = analyse(v1, 'shop-v1.yaml');
    await createFromOpenApi(
      d,
      {
        apiId: API,
        draft: a.draft,
        model: a.model,
        source: { fileName: 'shop-v1.yaml', text: v1 },
      },
      fixedDeps(),
    );
    // A person edits the entry and dismisses one heuristic.
    const api = await d.apis.get(API);
    if (!api) throw new Error('entry missing');
    await d.apis.put({ ...api, owner: { team: 'Payments', contact: 'pay@x.example' } });
    const stored = await getThreatModel(d, MODEL);
    const target = stored?.threats.instances.find((t) => t.operation === 'PUT /v1/users/{userId}');
    if (!stored || !target) throw new Error('expected a threat on PUT /v1/users/{userId}');
    const dismissed = dismissThreat(stored, target.id, {
      by: 'Ana',
      reason: 'False positive',
      at: '2026-11-23T11:00:00.000Z' as IsoTimestamp,
    });
    if (!dismissed.ok) throw new Error(dismissed.error);
    await saveThreatModel(d, dismissed.model, fixedDeps());

    // The next version drops the server on plain http and adds an operation.
    const v2 = v1
      .replace('  - url: http://api.shop.example/v1\n', '  - url: https://api.shop.example/v1\n')
      .replace(
        /^paths:\n/m,
        "paths:\n  /v1/ping:\n    get:\n      responses: { '200': { description: ok } }\n",
      );
    expect(v2).not.toBe(v1);
    const previous = await getOpenApiSource(d, MODEL);
    const current = await getThreatModel(d, MODEL);
    const b = analyse(v2, 'shop-v2.yaml', { existing: current, previous });
    expect(b.diff?.added).toEqual(['GET /v1/ping']);
    const r = await updateFromOpenApi(
      d,
      {
        apiId: API,
        draft: b.draft,
        model: b.model,
        source: { fileName: 'shop-v2.yaml', text: v2 },
      },
      fixedDeps('2026-11-24T09:00:00.000Z'),
    );
    expect(r).toEqual({ ok: true, apiId: API, modelId: MODEL });

    const after = await getThreatModel(d, MODEL);
    const kept = after?.threats.instances.find((t) => t.id === target.id);
    expect(kept?.status).toBe('not-applicable');
    expect(kept?.dismissal?.reason).toBe('False positive');
    expect(after?.createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(after?.updatedAt).toBe('2026-11-24T09:00:00.000Z');
    const entry = await d.apis.get(API);
    expect(entry?.owner).toEqual({ team: 'Payments', contact: 'pay@x.example' });
    expect(entry?.environments[0]?.baseUrl).toBe('https://api.shop.example/v1');
    const source = await getOpenApiSource(d, MODEL);
    expect(source?.fileName).toBe('shop-v2.yaml');
    expect(source?.text).toBe(v2);
  });

  it('writes nothing when the model was deleted meanwhile', async () => {
    const d = db();
    const text = fixtureText('insecure.yaml');
    const a = analyse(text, 'shop.yaml');
    const r = await updateFromOpenApi(
      d,
      { apiId: API, draft: a.draft, model: a.model, source: { fileName: 'shop.yaml', text } },
      fixedDeps(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/no longer exists/);
    expect(await counts(d)).toEqual([0, 0, 0]);
  });
});
