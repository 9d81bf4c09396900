import { openDatabase, type BulwarkDb } from '../../../../renderer/storage/db';
import type { WriteDeps } from '../../../../renderer/storage/apis';

/** A database of its own for one test, so tests never see each other's rows. */
export function freshDb(): BulwarkDb {
  return openDatabase(`test-${crypto.randomUUID()}`);
}

/** A fixed clock and a counter for ids, so results are predictable. */
export function fixedDeps(iso = '2026-11-23T10:00:00.000Z', prefix = 'api'): WriteDeps {
  let n = 0;
  return { now: () => new Date(iso), newId: () => `${prefix}-${String(++n)}` };
}
