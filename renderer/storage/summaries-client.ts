import type { ThreatModelId } from '../../core/threats/model';
import type { ThreatModelSummary } from '../../core/workspace/model-summary';
import { getDatabase } from './db';
import type { SummaryReply, SummaryRequest } from './summaries-protocol';
import { readModelSummaries } from './threat-models';

// One worker for the whole window, started on first use. Where workers are unavailable,
// or the worker fails, the summaries are read here instead: slower for a huge model, but
// the list still shows.

let worker: Worker | null | undefined;
let seq = 0;
const pending = new Map<number, (reply: SummaryReply) => void>();

function summariesWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./summaries.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<SummaryReply>) => {
      const settle = pending.get(e.data.seq);
      pending.delete(e.data.seq);
      settle?.(e.data);
    };
    w.onerror = () => {
      // A worker that cannot start (or died): answer what is waiting here, and stop using it.
      worker = null;
      w.terminate();
      for (const [n, settle] of pending)
        settle({ seq: n, ok: false, error: 'The summaries worker stopped.' });
      pending.clear();
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

/** The summaries of the models with these ids that exist, read away from the window when possible. */
export async function summarizeModels(
  ids: readonly ThreatModelId[],
): Promise<ThreatModelSummary[]> {
  const w = summariesWorker();
  if (w === null) return readModelSummaries(getDatabase(), ids);
  seq += 1;
  const request: SummaryRequest = { seq, ids };
  const reply = await new Promise<SummaryReply>((resolve) => {
    pending.set(request.seq, resolve);
    w.postMessage(request);
  });
  return reply.ok ? reply.summaries : readModelSummaries(getDatabase(), ids);
}
