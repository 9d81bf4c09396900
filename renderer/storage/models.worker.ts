import type { ThreatModelId } from '../../core/threats/model';
import { getDatabase } from './db';
import { modelReplies, type ModelsReply, type ModelsRequest } from './models-protocol';
import { getThreatModel, readModelSummaries } from './threat-models';

// Reads threat models for the window: summaries for lists (so a list never loads a model
// of tens of megabytes to show its title and counts), and whole models in slices of
// threats (see models-protocol.ts). Requests are answered one at a time, in order.

type WorkerScope = {
  onmessage: ((e: MessageEvent<ModelsRequest>) => void) | null;
  postMessage: (message: ModelsReply) => void;
};
const scope = globalThis as unknown as WorkerScope;

async function answer(request: Exclude<ModelsRequest, { kind: 'more' }>): Promise<void> {
  const { seq } = request;
  if (request.kind === 'summaries') {
    const summaries = await readModelSummaries(getDatabase(), request.ids as ThreatModelId[]);
    scope.postMessage({ kind: 'summaries', seq, summaries });
    return;
  }
  const record = await getThreatModel(getDatabase(), request.id as ThreatModelId);
  for (const reply of modelReplies(seq, record)) {
    // Each slice but the last waits until the window asks for the next.
    const asked =
      reply.kind === 'threats' && !reply.last
        ? new Promise<void>((resolve) => {
            more.set(seq, resolve);
          })
        : null;
    scope.postMessage(reply);
    if (asked) await asked;
  }
  more.delete(seq);
}

/** Models being sent, by request: what to call when the window asks for the next slice. */
const more = new Map<number, () => void>();

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
  if (request.kind === 'more') {
    more.get(request.seq)?.();
    return;
  }
  queue = queue.then(() =>
    answer(request).catch((err: unknown) => {
      scope.postMessage({
        kind: 'failed',
        seq: request.seq,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    }),
  );
};
