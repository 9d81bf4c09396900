import { test } from '@playwright/test';
import { launch, newProfile } from '../e2e/helpers';

// The floor under the incident room's append figure (issue 6: p99 < 10 ms): the same
// transaction the room commits (read the incident, read the chain head, add the entry, put
// the incident), made straight on IndexedDB in the same Chromium, on a timeline of
// 100,000 entries, 500 times, 40 ms apart as a person's appends are; and a single add for
// comparison. No Dexie, no hashing, no React: what the browser's storage itself takes.
// Figures, not assertions.

test('raw IndexedDB under the room append: the same requests without the app', async () => {
  test.setTimeout(600_000);
  const { context, page } = await launch(newProfile());
  const out = await page.evaluate(async () => {
    const open = (): Promise<IDBDatabase> =>
      new Promise((res, rej) => {
        const r = indexedDB.open('indexeddb-floor', 1);
        r.onupgradeneeded = () => {
          r.result.createObjectStore('incidents', { keyPath: 'id' });
          const t = r.result.createObjectStore('timeline', { keyPath: ['incidentId', 'seq'] });
          t.createIndex('incidentId', 'incidentId');
        };
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error ?? new Error('open failed'));
      });
    const db = await open();
    const done = (tx: IDBTransaction) =>
      new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error ?? new Error('transaction failed'));
      });
    const entry = (i: number) => ({
      incidentId: 'bench',
      seq: i,
      at: i,
      recordedAt: i,
      actor: `Responder ${i % 7}`,
      kind: 'note',
      text: `Entry ${i}: checked gateway logs for key k-${i % 97} and recorded the result.`,
      data: { n: i },
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    });
    const incident = { id: 'bench', title: 'Bench', seq: 0, notes: 'x'.repeat(2000) };
    for (let c = 0; c < 10; c++) {
      const tx = db.transaction(['timeline', 'incidents'], 'readwrite');
      const s = tx.objectStore('timeline');
      for (let i = c * 10000; i < (c + 1) * 10000; i++) s.put(entry(i));
      tx.objectStore('incidents').put(incident);
      await done(tx);
    }
    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
    };
    const results: Record<string, string> = {};
    // Four requests in one transaction, as the room commits; then a single add.
    for (const mode of ['four requests', 'one add'] as const) {
      const xs: number[] = [];
      for (let k = 0; k < 500; k++) {
        const seq = 100000 + (mode === 'one add' ? 1000 : 0) + k;
        const t0 = performance.now();
        const tx = db.transaction(['timeline', 'incidents'], 'readwrite');
        if (mode === 'four requests') {
          tx.objectStore('incidents').get('bench');
          tx.objectStore('timeline').get(['bench', seq - 1]);
          tx.objectStore('timeline').add(entry(seq));
          tx.objectStore('incidents').put({ ...incident, seq });
        } else tx.objectStore('timeline').add(entry(seq));
        await done(tx);
        xs.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 40));
      }
      results[mode] =
        `p50 ${pct(xs, 50).toFixed(2)} p95 ${pct(xs, 95).toFixed(2)} p99 ${pct(xs, 99).toFixed(2)} max ${Math.max(...xs).toFixed(2)}`;
    }
    return results;
  });
  for (const [mode, figures] of Object.entries(out))
    console.log(`figure: raw IndexedDB on a 100,000-entry timeline, ${mode}: ${figures} ms`);
  await context.close();
});
