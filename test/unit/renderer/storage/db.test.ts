import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countApis, listApis } from '../../../../renderer/storage/apis';
import { DB_NAME, getDatabase, openDatabase } from '../../../../renderer/storage/db';
import {
  classifyStorageError,
  subscribeStorageProblems,
  type StorageProblem,
} from '../../../../renderer/storage/errors';
import { SCHEMA_VERSIONS } from '../../../../renderer/storage/schema';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function problems(): StorageProblem[] {
  const seen: StorageProblem[] = [];
  cleanups.push(subscribeStorageProblems((p) => seen.push(p)));
  return seen;
}

/** A stand-in for a newer Bulwark build: the same stores plus a version 2. */
function newerBuild(name: string): Dexie {
  const newer = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS) newer.version(version).stores(stores);
  newer
    .version(99)
    .stores({ apis: 'id, name, lifecycle, exposure, nextReviewDue, updatedAt, owner.team' });
  cleanups.push(() => {
    newer.close();
  });
  return newer;
}

// Dexie logs its own warnings for version changes; they are expected here.
const quietDexie = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('BulwarkDb', () => {
  it('declares the tables of schema version 3', async () => {
    const db = openDatabase(`t-${crypto.randomUUID()}`);
    cleanups.push(() => db.delete());
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'apis',
      'drafts',
      'evidence',
      'evidenceContent',
      'exercises',
      'incidents',
      'meta',
      'openapiSources',
      'playbooks',
      'postureSnapshots',
      'settings',
      'threatModels',
      'timeline',
    ]);
    expect(db.incidents.schema.indexes.map((i) => i.name).sort()).toEqual([
      'apiIds',
      'mode',
      'status',
      'updatedAt',
    ]);
    expect(db.timeline.schema.primKey.name).toBe('[incidentId+seq]');
    expect(db.exercises.schema.indexes.map((i) => i.name).sort()).toEqual([
      'incidentId',
      'scenarioId',
      'updatedAt',
    ]);
    expect(db.threatModels.schema.indexes.map((i) => i.name).sort()).toEqual([
      'apiIds',
      'title',
      'updatedAt',
    ]);
    expect(db.apis.schema.indexes.map((i) => i.name).sort()).toEqual([
      'exposure',
      'lifecycle',
      'name',
      'nextReviewDue',
      'updatedAt',
    ]);
  });

  it('getDatabase returns one app-wide instance named "bulwark"', () => {
    expect(getDatabase()).toBe(getDatabase());
    expect(getDatabase().name).toBe(DB_NAME);
  });

  it('refuses a database upgraded by a newer build, instead of reading rows it may not understand', async () => {
    quietDexie();
    const name = `t-${crypto.randomUUID()}`;
    const newer = newerBuild(name);
    await newer.open();
    newer.close();
    const seen = problems();
    const db = openDatabase(name);
    cleanups.push(() => db.close());
    const failure: unknown = await listApis(db).then(
      () => 'read',
      (e: unknown) => e,
    );
    expect(classifyStorageError(failure).kind).toBe('newer-database');
    expect(seen.map((p) => p.kind)).toContain('newer-database');
  });

  it('closes itself when another window upgrades, so that window is not blocked, and says why', async () => {
    quietDexie();
    const name = `t-${crypto.randomUUID()}`;
    const seen = problems();
    const db = openDatabase(name);
    cleanups.push(() => db.close());
    expect(await countApis(db)).toBe(0);
    const newer = newerBuild(name);
    await newer.open(); // would hang if this window kept the database open
    expect(newer.verno).toBe(99);
    expect(seen.map((p) => p.kind)).toEqual(['newer-database']);
    await expect(countApis(db)).rejects.toSatisfy(
      (e) => classifyStorageError(e).kind === 'newer-database',
    );
  });

  it('reports a blocked upgrade while an older window holds the database open', async () => {
    quietDexie();
    const name = `t-${crypto.randomUUID()}`;
    // An older build's connection at native version 1 that ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => {
        resolve(req.result);
      };
      req.onerror = () => {
        reject(req.error ?? new Error('open failed'));
      };
    });
    const seen = problems();
    const db = openDatabase(name);
    cleanups.push(() => db.delete());
    const opening = db.open();
    await vi.waitFor(() => {
      expect(seen.map((p) => p.kind)).toContain('blocked');
    });
    old.close(); // the person closes the other window: the upgrade goes ahead
    await opening;
    expect(await countApis(db)).toBe(0);
  });
});
