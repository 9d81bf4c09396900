import type { ThreatModelId } from '../../core/threats/model';
import { getDatabase } from './db';
import { readModelSummaries } from './threat-models';
import type { SummaryReply, SummaryRequest } from './summaries-protocol';

// Reads threat models and hands back their summaries, so a list never loads (and the
// window never deserializes) a model of tens of megabytes just to show its title and
// counts. Requests are answered one at a time, in order.

type WorkerScope = {
  onmessage: ((e: MessageEvent<SummaryRequest>) => void) | null;
  postMessage: (message: SummaryReply) => void;
};
const scope = globalThis as unknown as WorkerScope;

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const { seq, ids } = e.data;
  queue = queue.then(async () => {
    try {
      const summaries = await readModelSummaries(getDatabase(), ids as ThreatModelId[]);
      scope.postMessage({ seq, ok: true, summaries });
    } catch (err) {
      scope.postMessage({
        seq,
        ok: false,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    }
  });
};
