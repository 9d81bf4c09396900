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

async function answer(request: ModelsRequest): Promise<void> {
  const { seq } = request;
  if (request.kind === 'summaries') {
    const summaries = await readModelSummaries(getDatabase(), request.ids as ThreatModelId[]);
    scope.postMessage({ kind: 'summaries', seq, summaries });
    return;
  }
  const record = await getThreatModel(getDatabase(), request.id as ThreatModelId);
  for (const reply of modelReplies(seq, record)) scope.postMessage(reply);
}

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
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
