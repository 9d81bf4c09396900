import { describe, expect, it, vi } from 'vitest';

// A browser window's events, which Dexie listens to from the moment it loads (it checks
// for addEventListener at module load): hoisted above the imports, so Dexie finds them.
vi.hoisted(() => {
  const target = new EventTarget();
  Object.assign(globalThis, {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  });
});

import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { verifyChain } from '../../../../core/incidents';
import { DEXIE_WINDOW_EVENT } from '../../../../renderer/storage/incident-append';
import {
  commitIncident,
  createIncident,
  readTimeline,
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

// A commit from this window's memory is written straight on IndexedDB (incident-append.ts),
// beside Dexie. Dexie must still hear of it as of its own writes: its cached live-query
// results in this window are dropped and run again, and other windows are told over its
// BroadcastChannel.

closeWindowsAfterEach();

describe('an append written beside Dexie', () => {
  it('refreshes live queries of this window, cached results included', async () => {
    const [a] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    // The incident list's query (through Dexie's cache): it must not keep the old order.
    const seen: number[] = [];
    const subscription = liveQuery(() => a.incidents.orderBy('updatedAt').toArray()).subscribe(
      (rows) => {
        seen.push(rows[0]?.updatedAt ?? -1);
      },
    );
    try {
      await vi.waitFor(() => {
        expect(seen).toEqual([T0 + 1]);
      });
      const dexie = vi.spyOn(a, 'transaction');
      await commitIncident(a, ID, note('two'), T0 + 2);
      expect(dexie).not.toHaveBeenCalled(); // written from memory, not through Dexie
      await vi.waitFor(() => {
        expect(seen.at(-1)).toBe(T0 + 2);
      });
    } finally {
      subscription.unsubscribe();
    }
    expect((await readTimeline(a, ID)).map((e) => e.text)).toEqual(['declared', 'one', 'two']);
    expect(verifyChain(await readTimeline(a, ID)).ok).toBe(true);
  });

  it("tells 'storagemutated' listeners and other windows which tables changed", async () => {
    const [a] = twoWindows();
    await createIncident(a, incident(), [draft('declared')]);
    await commitIncident(a, ID, note('one'), T0 + 1);
    const local: string[] = [];
    const listener = (parts: ObservabilitySet): void => {
      local.push(...Object.keys(parts));
    };
    Dexie.on('storagemutated', listener);
    // Another window: Dexie's channel, under the name Dexie gives it.
    const other = new BroadcastChannel(DEXIE_WINDOW_EVENT);
    const remote: string[] = [];
    other.onmessage = (event: MessageEvent<ObservabilitySet>) => {
      remote.push(...Object.keys(event.data));
    };
    try {
      await commitIncident(a, ID, note('two'), T0 + 2);
      expect(local).toContain(`idb://${a.name}/incidents/`);
      expect(local).toContain(`idb://${a.name}/incidents/updatedAt`);
      expect(local).toContain(`idb://${a.name}/timeline/`);
      await vi.waitFor(() => {
        expect(remote).toContain(`idb://${a.name}/incidents/`);
        expect(remote).toContain(`idb://${a.name}/timeline/`);
      });
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
      other.close();
    }
  });
});
