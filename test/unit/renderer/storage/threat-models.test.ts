import { afterEach, describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../core/inventory/types';
import {
  defaultLibrary,
  generateThreats,
  newElement,
  upsertElement,
  type ThreatModelId,
} from '../../../../core/threats';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  createThreatModel,
  deleteThreatModel,
  getThreatModel,
  listModelStamps,
  listThreatModels,
  readModelSummaries,
  reinstateThreatModel,
  saveThreatModel,
  threatModelsForApi,
} from '../../../../renderer/storage/threat-models';
import { paymentsModel } from '../../../fixtures/threats/models';
import { fixedDeps, freshDb } from './helpers';

const opened: BulwarkDb[] = [];
function db(): BulwarkDb {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

const api = (id: string) => id as ApiId;

describe('createThreatModel', () => {
  it('stores an empty model for the given APIs with UTC timestamps', async () => {
    const d = db();
    const r = await createThreatModel(
      d,
      { title: '  Orders API  ', apiIds: [api('api-1')] },
      fixedDeps('2026-11-23T10:00:00.000Z', 'tm'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      id: 'tm-1',
      title: 'Orders API',
      apiIds: ['api-1'],
      elements: [],
      versions: [],
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await getThreatModel(d, 'tm-1' as ThreatModelId)).toEqual(r.value);
  });

  it('returns validation problems with their path for a title that is too long, and writes nothing', async () => {
    const d = db();
    const r = await createThreatModel(d, { title: 'x'.repeat(100_000), apiIds: [] }, fixedDeps());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.path).toBe('title');
    expect(await listThreatModels(d)).toEqual([]);
  });

  it('refuses a model linked to no API', async () => {
    const r = await createThreatModel(db(), { title: 'A', apiIds: [] }, fixedDeps());
    expect(r).toEqual({
      ok: false,
      errors: [{ path: 'apiIds', message: 'Link at least one inventory API.' }],
    });
  });
});

describe('saveThreatModel', () => {
  it('validates, keeps createdAt and bumps updatedAt in one put', async () => {
    const d = db();
    const created = await createThreatModel(
      d,
      { title: 'A', apiIds: [api('a')] },
      fixedDeps('2026-11-23T10:00:00.000Z', 'tm'),
    );
    if (!created.ok) throw new Error('create failed');
    const edited = upsertElement(created.value, newElement('process', 'p1', 'Orders service'));
    const saved = await saveThreatModel(d, edited, fixedDeps('2026-11-23T11:00:00.000Z'));
    expect(saved.ok).toBe(true);
    const stored = await getThreatModel(d, created.value.id);
    expect(stored?.createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(stored?.updatedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(stored?.elements.map((e) => e.name)).toEqual(['Orders service']);
  });

  it('refuses an invalid model (a flow to a missing element) and leaves the stored one alone', async () => {
    const d = db();
    const created = await createThreatModel(d, { title: 'A', apiIds: [api('a')] }, fixedDeps());
    if (!created.ok) throw new Error('create failed');
    const broken = upsertElement(
      created.value,
      newElement('data-flow', 'f1', 'Flow', {
        source: 'nope' as never,
        target: 'nope2' as never,
      }),
    );
    const r = await saveThreatModel(d, broken, fixedDeps());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path.startsWith('elements[0]'))).toBe(true);
    expect((await getThreatModel(d, created.value.id))?.elements).toEqual([]);
  });

  it('does not resurrect a model deleted elsewhere unless asked to create (import)', async () => {
    const d = db();
    const model = generateThreats(paymentsModel(), defaultLibrary());
    const refused = await saveThreatModel(d, model, fixedDeps());
    expect(refused.ok).toBe(false);
    const imported = await saveThreatModel(d, model, fixedDeps(), { allowCreate: true });
    expect(imported.ok).toBe(true);
    expect((await getThreatModel(d, model.id))?.threats.instances.length).toBe(
      model.threats.instances.length,
    );
  });
});

describe('listing and linking', () => {
  it('lists most recently updated first and finds models by API through the multi-entry index', async () => {
    const d = db();
    await createThreatModel(
      d,
      { title: 'Old', apiIds: [api('a'), api('b')] },
      fixedDeps('2026-11-20T10:00:00.000Z', 'x'),
    );
    await createThreatModel(
      d,
      { title: 'New', apiIds: [api('b')] },
      fixedDeps('2026-11-22T10:00:00.000Z', 'y'),
    );
    expect((await listThreatModels(d)).map((m) => m.title)).toEqual(['New', 'Old']);
    expect((await threatModelsForApi(d, api('a'))).map((m) => m.title)).toEqual(['Old']);
    expect((await threatModelsForApi(d, api('b'))).map((m) => m.title)).toEqual(['New', 'Old']);
    expect(await threatModelsForApi(d, api('c'))).toEqual([]);
  });
});

describe('stamps and summaries', () => {
  it('lists ids and updatedAt in the order of listThreatModels, from the index alone', async () => {
    const d = db();
    await createThreatModel(
      d,
      { title: 'Old', apiIds: [api('a')] },
      fixedDeps('2026-11-20T10:00:00.000Z', 'x'),
    );
    await createThreatModel(
      d,
      { title: 'New', apiIds: [api('a')] },
      fixedDeps('2026-11-22T10:00:00.000Z', 'y'),
    );
    await createThreatModel(
      d,
      { title: 'Mid', apiIds: [api('a')] },
      fixedDeps('2026-11-21T10:00:00.000Z', 'z'),
    );
    expect(await listModelStamps(d)).toEqual([
      { id: 'y-1', updatedAt: '2026-11-22T10:00:00.000Z' },
      { id: 'z-1', updatedAt: '2026-11-21T10:00:00.000Z' },
      { id: 'x-1', updatedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    expect((await listThreatModels(d)).map((m) => m.id)).toEqual(['y-1', 'z-1', 'x-1']);
  });

  it('summarizes the models asked for that exist, in the order asked', async () => {
    const d = db();
    const deps = fixedDeps('2026-11-22T10:00:00.000Z', 'm');
    const generated = generateThreats(paymentsModel(), defaultLibrary());
    const saved = await saveThreatModel(d, generated, deps, { allowCreate: true });
    await createThreatModel(
      d,
      { title: 'Empty', apiIds: [api('b')] },
      fixedDeps('2026-11-21T10:00:00.000Z', 'e'),
    );
    const list = await readModelSummaries(d, [
      'e-1' as ThreatModelId,
      'gone' as ThreatModelId,
      generated.id,
    ]);
    expect(list.map((s) => s.title)).toEqual(['Empty', generated.title]);
    const open = generated.threats.instances.filter((t) => !t.stale && t.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(list[1]).toMatchObject({
      id: generated.id,
      elements: generated.elements.length,
      openTotal: open.length,
      updatedAt: saved.ok ? saved.value.updatedAt : 'not saved',
    });
    expect(list[0]).toMatchObject({ openTotal: 0, elements: 0, apiIds: ['b'], versionCount: 0 });
  });
});

describe('delete and undo', () => {
  it('returns the deleted model and reinstates it exactly', async () => {
    const d = db();
    const created = await createThreatModel(d, { title: 'A', apiIds: [api('a')] }, fixedDeps());
    if (!created.ok) throw new Error('create failed');
    const gone = await deleteThreatModel(d, created.value.id);
    expect(gone).toEqual(created.value);
    expect(await deleteThreatModel(d, created.value.id)).toBeUndefined();
    expect(await listThreatModels(d)).toEqual([]);
    if (gone) await reinstateThreatModel(d, gone);
    expect(await getThreatModel(d, created.value.id)).toEqual(created.value);
  });
});
