import type { ThreatModel, ThreatModelId } from '../../core/threats/model';
import { getDatabase } from './db';
import { defaultDeps } from './apis';
import {
  modelReplies,
  saveAssembler,
  type ModelsReply,
  type ModelsRequest,
} from './models-protocol';
import { getThreatModel, readModelSummaries, saveThreatModel } from './threat-models';

// Reads threat models for the window: summaries for lists (so a list never loads a model
// of tens of megabytes to show its title and counts), and whole models in slices of
// threats (see models-protocol.ts). Requests are answered one at a time, in order.

type WorkerScope = {
  onmessage: ((e: MessageEvent<ModelsRequest>) => void) | null;
  postMessage: (message: ModelsReply) => void;
};
const scope = globalThis as unknown as WorkerScope;

/** A job for the queue: summaries, a model to send, or an assembled model to save. */
type Job =
  | Extract<ModelsRequest, { kind: 'summaries' | 'model' }>
  | { readonly kind: 'save'; readonly seq: number; readonly model: ThreatModel };

async function answer(job: Job): Promise<void> {
  const { seq } = job;
  if (job.kind === 'summaries') {
    const summaries = await readModelSummaries(getDatabase(), job.ids as ThreatModelId[]);
    scope.postMessage({ kind: 'summaries', seq, summaries });
    return;
  }
  let record;
  if (job.kind === 'save') {
    const saved = await saveThreatModel(getDatabase(), job.model, defaultDeps);
    if (!saved.ok) {
      scope.postMessage({ kind: 'invalid', seq, errors: saved.errors });
      return;
    }
    record = saved.value;
  } else record = await getThreatModel(getDatabase(), job.id as ThreatModelId);
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

/** Models being received to save, by request. */
const saving = new Map<number, ReturnType<typeof saveAssembler>>();

/** Models being sent, by request: what to call when the window asks for the next slice. */
const more = new Map<number, () => void>();

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
  if (request.kind === 'more') {
    more.get(request.seq)?.();
    return;
  }
  let job: Job;
  if (request.kind === 'save-head' || request.kind === 'save-threats') {
    // The model to save arrives in slices; it is queued once whole.
    let take = saving.get(request.seq);
    if (!take) {
      take = saveAssembler();
      saving.set(request.seq, take);
    }
    const model = take(request);
    if (model === null) return;
    saving.delete(request.seq);
    job = { kind: 'save', seq: request.seq, model };
  } else job = request;
  queue = queue.then(() =>
    answer(job).catch((err: unknown) => {
      scope.postMessage({
        kind: 'failed',
        seq: request.seq,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    }),
  );
};
