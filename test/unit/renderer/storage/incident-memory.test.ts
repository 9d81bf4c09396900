import { describe, expect, it, vi } from 'vitest';
import { appendEntries, genesisHead, verifyChain } from '../../../../core/incidents';
import {
  commitIncident,
  createIncident,
  getIncident,
  IncidentMissingError,
  readTimeline,
  sameData,
} from '../../../../renderer/storage/incidents';
import {
  closeWindowsAfterEach,
  draft,
  ID,
  incident,
  note,
  T0,
  twoWindows,
} from './incident-fixtures';

// commitIncident starts from what this window last stored (the incident and the chain
// head) and checks it inside the transaction. Two windows are two database connections
// on the same IndexedDB database, as two tabs of the app are.

closeWindowsAfterEach();

describe('commits from the memory of the last commit', () => {
  it('skips the head lookup while the memory holds, and looks again after another window wrote', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    const lookups = vi.spyOn(a.timeline, 'where');
    await commitIncident(a, ID, note('one'), T0 + 1);
    await commitIncident(a, ID, note('two'), T0 + 2);
    expect(lookups).not.toHaveBeenCalled();

    await commitIncident(b, ID, note('from b'), T0 + 3);
    await commitIncident(a, ID, note('three'), T0 + 4);
    expect(lookups).toHaveBeenCalledTimes(1);
    const timeline = await readTimeline(a, ID);
    expect(timeline.map((e) => e.text)).toEqual(['declared', 'one', 'two', 'from b', 'three']);
    expect(verifyChain(timeline).ok).toBe(true);
  });

  it("never writes back a remembered incident over another window's change", async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    // Window b changes the incident without a timeline entry: only the incident differs.
    await commitIncident(
      b,
      ID,
      (c) => ({ incident: { ...c, title: 'Renamed in b' }, entries: [] }),
      T0 + 2,
    );
    const done = await commitIncident(a, ID, note('two'), T0 + 3);
    expect(done?.incident.title).toBe('Renamed in b');
    expect((await getIncident(a, ID))?.title).toBe('Renamed in b');
    expect((await readTimeline(a, ID)).map((e) => e.text)).toEqual(['declared', 'one', 'two']);
  });

  it('links onto a timeline replaced elsewhere by another chain of the same length', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    // Window b replaces the timeline (as a restore would): same seqs, other hashes.
    const other = appendEntries(genesisHead(ID), [draft('other 0'), draft('other 1')]);
    await b.transaction('rw', b.timeline, async () => {
      await b.timeline.clear();
      await b.timeline.bulkAdd(other);
    });
    await commitIncident(a, ID, note('two'), T0 + 2);
    const timeline = await readTimeline(a, ID);
    expect(timeline.map((e) => e.text)).toEqual(['other 0', 'other 1', 'two']);
    expect(timeline[2]?.prevHash).toBe(other[1]?.hash);
    expect(verifyChain(timeline).ok).toBe(true);
  });

  it('never forks the chain when two windows append at the same time', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('warm a'), T0);
    await commitIncident(b, ID, note('warm b'), T0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        commitIncident(i % 2 === 0 ? a : b, ID, note(`note ${String(i)}`), T0 + i),
      ),
    );
    const timeline = await readTimeline(a, ID);
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(verifyChain(timeline).ok).toBe(true);
    expect(new Set(timeline.map((e) => e.text)).size).toBe(23);
  });

  it("runs one window's commits in the order they were called", async () => {
    const [a] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => commitIncident(a, ID, note(String(i)), T0 + i)),
    );
    expect((await readTimeline(a, ID)).map((e) => e.text)).toEqual([
      'declared',
      ...Array.from({ length: 10 }, (_, i) => String(i)),
    ]);
  });

  it('reports a failing change and an incident deleted elsewhere, writing nothing', async () => {
    const [a, b] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    await expect(
      commitIncident(
        a,
        ID,
        () => {
          throw new Error('boom');
        },
        T0 + 2,
      ),
    ).rejects.toThrow('boom');
    expect((await readTimeline(a, ID)).map((e) => e.text)).toEqual(['declared', 'one']);
    await b.incidents.delete(ID);
    await expect(commitIncident(a, ID, note('two'), T0 + 3)).rejects.toBeInstanceOf(
      IncidentMissingError,
    );
    expect((await readTimeline(a, ID)).map((e) => e.text)).toEqual(['declared', 'one']);
  });

  it('forgets a commit made inside a transaction that then aborts', async () => {
    const [a] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    await expect(
      a.transaction('rw', a.incidents, a.timeline, async () => {
        await commitIncident(a, ID, note('rolled back'), T0 + 2);
        throw new Error('outer action failed');
      }),
    ).rejects.toThrow('outer action failed');
    await commitIncident(a, ID, note('two'), T0 + 3);
    const timeline = await readTimeline(a, ID);
    expect(timeline.map((e) => e.text)).toEqual(['declared', 'one', 'two']);
    expect(verifyChain(timeline).ok).toBe(true);
  });
});

describe('sameData', () => {
  it('compares stored values by content, keys and array order included', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    expect(sameData({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
