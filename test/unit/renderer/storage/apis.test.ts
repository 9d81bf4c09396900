import { afterEach, describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../core/inventory/types';
import {
  bulkAddApis,
  countApis,
  createApi,
  defaultDeps,
  deleteApi,
  getApi,
  listApis,
  reinstateApi,
  updateApi,
} from '../../../../renderer/storage/apis';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import { draft, entry } from '../../../fixtures/inventory';
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

describe('createApi', () => {
  it('stores a valid draft with an id and UTC timestamps, and returns it', async () => {
    const d = db();
    const result = await createApi(d, draft({ name: '  Payments API  ' }), fixedDeps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      id: 'api-1',
      name: 'Payments API',
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await getApi(d, 'api-1' as ApiId)).toEqual(result.value);
  });

  it('returns field errors for an invalid draft instead of throwing, and writes nothing', async () => {
    const d = db();
    const result = await createApi(
      d,
      draft({ name: '', environments: [{ name: 'prod', baseUrl: 'ftp://x' }] }),
      fixedDeps(),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Give the API a name.',
        'environments.0.baseUrl': expect.stringContaining('http') as string,
      },
    });
    expect(await countApis(d)).toBe(0);
  });

  it('refuses to overwrite an existing entry when an id collides', async () => {
    const d = db();
    await createApi(d, draft({ name: 'First' }), fixedDeps());
    await expect(createApi(d, draft({ name: 'Second' }), fixedDeps())).rejects.toThrow();
    expect((await getApi(d, 'api-1' as ApiId))?.name).toBe('First');
  });

  it('uses random UUIDs and the real clock by default', async () => {
    const d = db();
    const result = await createApi(d, draft(), defaultDeps);
    expect(result.ok && result.value.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.ok && result.value.createdAt).toMatch(/Z$/);
  });
});

describe('listApis and countApis', () => {
  it('list every stored entry as plain domain objects and count them', async () => {
    const d = db();
    await bulkAddApis(d, [entry('b'), entry('a'), entry('c')]);
    const all = await listApis(d);
    expect(all.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(all[0]).toEqual(entry('a'));
    expect(await countApis(d)).toBe(3);
  });

  it('bulkAddApis adds all entries or none', async () => {
    const d = db();
    await bulkAddApis(d, [entry('a')]);
    await expect(bulkAddApis(d, [entry('x'), entry('a'), entry('y')])).rejects.toThrow();
    expect((await listApis(d)).map((a) => a.id)).toEqual(['a']);
  });
});

describe('updateApi', () => {
  it('keeps the id and creation time and bumps the update time', async () => {
    const d = db();
    await createApi(d, draft({ name: 'Old' }), fixedDeps('2026-01-01T00:00:00.000Z'));
    const result = await updateApi(
      d,
      'api-1' as ApiId,
      draft({ name: 'New' }),
      fixedDeps('2026-02-01T00:00:00.000Z'),
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 'api-1',
        name: 'New',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-02-01T00:00:00.000Z',
      }) as unknown,
    });
    expect(await getApi(d, 'api-1' as ApiId)).toEqual(result.ok ? result.value : undefined);
  });

  it('returns a form error when the entry was deleted meanwhile', async () => {
    const d = db();
    const result = await updateApi(d, 'gone' as ApiId, draft(), fixedDeps());
    expect(result).toEqual({
      ok: false,
      errors: { form: 'This API no longer exists (deleted in another window?).' },
    });
    expect(await countApis(d)).toBe(0);
  });

  it('returns field errors for an invalid draft and leaves the stored entry unchanged', async () => {
    const d = db();
    await bulkAddApis(d, [entry('a', { name: 'Kept' })]);
    const result = await updateApi(
      d,
      'a' as ApiId,
      draft({ lastReviewed: '2026-13-01' as never }),
      fixedDeps(),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.lastReviewed).toBeTruthy();
    expect(await getApi(d, 'a' as ApiId)).toEqual(entry('a', { name: 'Kept' }));
  });
});

describe('deleteApi and reinstateApi', () => {
  it('delete returns the entry as it was, and reinstating puts it back exactly', async () => {
    const d = db();
    const original = entry('a', { name: 'Undo me' });
    await bulkAddApis(d, [original, entry('b')]);
    const deleted = await deleteApi(d, 'a' as ApiId);
    expect(deleted).toEqual(original);
    expect(await getApi(d, 'a' as ApiId)).toBeUndefined();
    expect(await countApis(d)).toBe(1);
    if (deleted) await reinstateApi(d, deleted);
    expect(await getApi(d, 'a' as ApiId)).toEqual(original);
    expect(await countApis(d)).toBe(2);
  });

  it('deleting a missing entry returns undefined', async () => {
    expect(await deleteApi(db(), 'nope' as ApiId)).toBeUndefined();
  });
});
