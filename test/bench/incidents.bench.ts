import { bench, describe } from 'vitest';
import { appendEntry, genesisHead, verifyChain } from '../../core/incidents/chain';
import { redactSecrets } from '../../core/incidents/redact';
import type { ChainHead, IncidentId, TimelineEntry } from '../../core/incidents/types';

// Targets (issue 6): appending to a timeline of 100,000 entries stays under 10 ms at p99
// including persistence; this measures the core's share of it (canonical JSON + SHA-256
// per append; the UI branch measures IndexedDB). Verifying a 100,000-entry chain is what
// opening, exporting and `bulwark verify` do.

const N = 100_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const ID = 'inc-bench' as IncidentId;

const draft = (i: number) => ({
  at: T0 + i * 1000,
  recordedAt: T0 + i * 1000 + 3,
  actor: i % 3 === 0 ? 'Ana Souza' : 'Ben Okafor',
  kind: i % 5 === 0 ? 'decision' : 'note',
  text: `Entry ${i}: checked gateway logs for /v1/payments/{id}; 4,312 requests from 198.51.100.${i % 255} blocked.`,
  data: { step: `step-${i % 40}`, count: i, tags: ['gateway', 'waf'] },
});

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/** Appends N entries one by one, timing each append (hash + canonicalisation). */
function appendAll(): { entries: TimelineEntry[]; times: number[] } {
  const entries: TimelineEntry[] = [];
  const times: number[] = [];
  let head: ChainHead = genesisHead(ID);
  for (let i = 0; i < N; i++) {
    const d = draft(i);
    const start = performance.now();
    const e = appendEntry(head, d);
    times.push(performance.now() - start);
    entries.push(e);
    head = e;
  }
  return { entries, times };
}

const { entries, times } = appendAll();
const sorted = [...times].sort((a, b) => a - b);
const verifyStart = performance.now();
const verdict = verifyChain(entries);
const verifyMs = performance.now() - verifyStart;
const note = `${draft(7).text} Token: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl and password=hunter2`;
const redactTimes: number[] = [];
for (let i = 0; i < 10_000; i++) {
  const s = performance.now();
  redactSecrets(note);
  redactTimes.push(performance.now() - s);
}
redactTimes.sort((a, b) => a - b);
process.stdout.write(
  [
    `figure: timeline append (canonical JSON + SHA-256) to ${N.toLocaleString('en')} entries: p50 ${pct(sorted, 50).toFixed(3)} ms, p99 ${pct(sorted, 99).toFixed(3)} ms, max ${pct(sorted, 100).toFixed(2)} ms, all ${N.toLocaleString('en')} in ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms (target p99 < 10 ms including persistence)`,
    `figure: verify a ${N.toLocaleString('en')}-entry chain: ${verifyMs.toFixed(0)} ms (${verdict.ok ? 'intact' : 'BROKEN'})`,
    `figure: redact a note with secrets: p50 ${pct(redactTimes, 50).toFixed(3)} ms, p99 ${pct(redactTimes, 99).toFixed(3)} ms`,
    '',
  ].join('\n'),
);

describe('incident timeline', () => {
  let head: ChainHead = entries.at(-1) ?? genesisHead(ID);
  let i = N;
  bench('append one entry to a 100,000-entry chain', () => {
    head = appendEntry(head, draft(i++));
  });

  bench(
    `verify a ${N.toLocaleString('en')}-entry chain`,
    () => {
      verifyChain(entries);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );

  bench('redact secrets in a note', () => {
    redactSecrets(note);
  });
});
