import { afterEach, describe, expect, it } from 'vitest';
import { builtinPlaybooks, playbookToYaml, type Playbook } from '../../../../core/playbooks';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  deleteUserPlaybook,
  getUserPlaybook,
  listUserPlaybooks,
  reinstateUserPlaybook,
  saveUserPlaybook,
} from '../../../../renderer/storage/playbooks';
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

function firstBuiltin(): Playbook {
  const first = builtinPlaybooks()[0];
  if (!first) throw new Error('no built-in playbook');
  return first;
}
const builtin = firstBuiltin();

/** A valid user playbook: a built-in one under a new id and title. */
function userSource(id = 'my-leak-response', title = 'My leak response'): string {
  return playbookToYaml({ ...builtin, id, title });
}

describe('saveUserPlaybook', () => {
  it('stores a valid playbook under its own id, title and version', async () => {
    const d = db();
    const r = await saveUserPlaybook(d, userSource(), fixedDeps());
    expect(r.ok).toBe(true);
    const row = await getUserPlaybook(d, 'my-leak-response');
    expect(row).toMatchObject({
      id: 'my-leak-response',
      title: 'My leak response',
      version: builtin.version,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(row?.source).toBe(userSource());
  });

  it('returns every error with its line and writes nothing when the source is invalid', async () => {
    const d = db();
    const broken = userSource().replace(/^version: .*$/m, 'version: [not, a, version]');
    const r = await saveUserPlaybook(d, broken, fixedDeps(), 'mine.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'mine.yaml', path: 'version' });
    expect(r.errors[0]?.line).toBeGreaterThan(1);
    expect(await listUserPlaybooks(d)).toEqual([]);
  });

  it('refuses the id of a built-in playbook and says to duplicate it under a new id', async () => {
    const d = db();
    const r = await saveUserPlaybook(d, `# a comment\n${playbookToYaml(builtin)}`, fixedDeps());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toMatch(/built-in.*Duplicate.*new id/);
    expect(r.errors[0]).toMatchObject({ path: 'id', line: 2 });
    expect(await listUserPlaybooks(d)).toEqual([]);
  });

  it('refuses a source larger than 1 MB', async () => {
    const d = db();
    const r = await saveUserPlaybook(d, `${userSource()}#${'x'.repeat(1024 * 1024)}`, fixedDeps());
    expect(r.ok).toBe(false);
    expect(await listUserPlaybooks(d)).toEqual([]);
  });

  it('keeps createdAt and bumps updatedAt when the playbook is saved again', async () => {
    const d = db();
    await saveUserPlaybook(d, userSource(), fixedDeps('2026-11-01T00:00:00.000Z'));
    const r = await saveUserPlaybook(
      d,
      userSource('my-leak-response', 'Renamed'),
      fixedDeps('2026-11-02T00:00:00.000Z'),
    );
    expect(r.ok && r.value).toMatchObject({
      title: 'Renamed',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(await listUserPlaybooks(d)).toHaveLength(1);
  });
});

describe('listUserPlaybooks', () => {
  it('lists the most recently updated first', async () => {
    const d = db();
    await saveUserPlaybook(d, userSource('older', 'Older'), fixedDeps('2026-11-01T00:00:00.000Z'));
    await saveUserPlaybook(d, userSource('newer', 'Newer'), fixedDeps('2026-11-02T00:00:00.000Z'));
    expect((await listUserPlaybooks(d)).map((p) => p.id)).toEqual(['newer', 'older']);
  });
});

describe('deleteUserPlaybook and reinstateUserPlaybook', () => {
  it('deletes, returns the row for Undo, and puts it back exactly as it was', async () => {
    const d = db();
    await saveUserPlaybook(d, userSource(), fixedDeps());
    const gone = await deleteUserPlaybook(d, 'my-leak-response');
    expect(gone?.id).toBe('my-leak-response');
    expect(await getUserPlaybook(d, 'my-leak-response')).toBeUndefined();
    expect(await deleteUserPlaybook(d, 'my-leak-response')).toBeUndefined();
    if (gone) await reinstateUserPlaybook(d, gone);
    expect(await getUserPlaybook(d, 'my-leak-response')).toEqual(gone);
  });
});
