import { describe, expect, it, vi } from 'vitest';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import { watchIncident, type WatchedIncident } from '../../../../renderer/storage/incident-watch';
import { commitIncident, createIncident } from '../../../../renderer/storage/incidents';
import {
  closeWindowsAfterEach,
  draft,
  ID,
  incident,
  note,
  T0,
  twoWindows,
} from './incident-fixtures';

// The room's incident and chain head, kept current without a live query: commits of this
// window are handed over, writes of other windows are read again.

const stops: (() => void)[] = [];
closeWindowsAfterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Watches `id` in `db`; resolves with each snapshot its listener is told about. */
function follow(db: BulwarkDb, id: string) {
  const watch = watchIncident(db, id);
  const seen: WatchedIncident[] = [];
  const stop = watch.subscribe(() => {
    seen.push(watch.snapshot());
  });
  stops.push(stop);
  const until = async (ok: (w: WatchedIncident) => boolean): Promise<WatchedIncident> => {
    await vi.waitFor(
      () => {
        expect(ok(watch.snapshot())).toBe(true);
      },
      { timeout: 2000, interval: 5 },
    );
    return watch.snapshot();
  };
  return { watch, seen, stop, until };
}

describe('incident watch', () => {
  it('loads the incident and its head, and says when the incident does not exist', async () => {
    const [a] = twoWindows();
    const { entries } = await createIncident(a, incident(), [draft('declared'), draft('two')]);
    const w = follow(a, ID);
    expect(w.watch.snapshot()).toEqual({ incident: undefined, head: undefined });
    const loaded = await w.until((s) => s.incident !== undefined);
    expect(loaded.incident).toEqual(incident());
    expect(loaded.head).toEqual({ incidentId: ID, seq: 1, hash: entries[1]?.hash });

    const missing = follow(a, 'nope');
    expect((await missing.until((s) => s.incident !== undefined)).incident).toBeNull();
  });

  it("takes this window's commit as stored, without reading it back", async () => {
    const [a] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    const w = follow(a, ID);
    await w.until((s) => s.incident !== undefined);
    const reads = vi.spyOn(a, 'transaction');
    const done = await commitIncident(
      a,
      ID,
      (c) => ({ incident: { ...c, status: 'investigating' }, entries: [draft('triage')] }),
      T0 + 5,
    );
    const after = await w.until((s) => s.head?.seq === 1);
    expect(after.incident).toEqual(done?.incident);
    expect(after.head?.hash).toBe(done?.entries[0]?.hash);
    // No Dexie transaction at all: the commit went straight to IndexedDB (from this
    // window's memory), and the watch read nothing back.
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads again after another window wrote, and tells its listener once per change', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    const w = follow(a, ID);
    await w.until((s) => s.incident !== undefined);
    const told = w.seen.length;
    await commitIncident(
      b,
      ID,
      (c) => ({ incident: { ...c, title: 'From b' }, entries: [draft('b')] }),
      T0 + 1,
    );
    const after = await w.until((s) => s.head?.seq === 1);
    expect(after.incident?.title).toBe('From b');
    await new Promise((r) => setTimeout(r, 20));
    expect(w.seen.length).toBe(told + 1);
  });

  it('starts over when nobody listens any more', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    const first = follow(a, ID);
    await first.until((s) => s.incident !== undefined);
    first.stop();
    expect(watchIncident(a, ID).snapshot()).toEqual({ incident: undefined, head: undefined });
    // Written while nobody listened: the next listener reads it.
    await commitIncident(b, ID, note('while away'), T0 + 1);
    const again = follow(a, ID);
    expect((await again.until((s) => s.head !== undefined)).head?.seq).toBe(1);
  });
});
