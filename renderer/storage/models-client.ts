import type { ThreatModel, ThreatModelId } from '../../core/threats/model';
import type { ThreatModelSummary } from '../../core/workspace/model-summary';
import type { ThreatModelRecord } from '../../core/workspace/records';
import { getDatabase } from './db';
import { defaultDeps } from './apis';
import {
  modelAssembler,
  saveRequests,
  type ModelsReply,
  type ModelsRequest,
} from './models-protocol';
import {
  getThreatModel,
  readModelSummaries,
  saveThreatModel,
  type ThreatModelSaveResult,
} from './threat-models';

// One threat-models worker for the whole window, started on first use. Where workers are
// unavailable, or the worker fails, the same reads run here instead: a huge model then
// blocks the window while it is deserialized, but everything still works.

/** Handles one reply to a request; true once the request is answered in full. */
type Handler = (reply: ModelsReply) => boolean;

let worker: Worker | null | undefined;
let seq = 0;
const pending = new Map<number, Handler>();

function modelsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./models.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ModelsReply>) => {
      const handle = pending.get(e.data.seq);
      if (handle?.(e.data) === true) pending.delete(e.data.seq);
    };
    w.onerror = () => {
      // A worker that cannot start, or died: fail what waits (it is then read here) and
      // stop using it.
      worker = null;
      w.terminate();
      for (const [n, handle] of pending)
        handle({ kind: 'failed', seq: n, error: 'The threat-models worker stopped.' });
      pending.clear();
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

function send(w: Worker, request: ModelsRequest, handle: Handler): void {
  pending.set(request.seq, handle);
  w.postMessage(request);
}

/** The summaries of the models with these ids that exist, read away from the window when possible. */
export async function summarizeModels(
  ids: readonly ThreatModelId[],
): Promise<ThreatModelSummary[]> {
  const w = modelsWorker();
  if (w === null) return readModelSummaries(getDatabase(), ids);
  const reply = await new Promise<ModelsReply>((resolve) => {
    send(w, { kind: 'summaries', seq: ++seq, ids }, (r) => {
      resolve(r);
      return true;
    });
  });
  return reply.kind === 'summaries' ? reply.summaries : readModelSummaries(getDatabase(), ids);
}

/**
 * One whole model (null when there is none), read by the worker and received a slice of
 * threats at a time, so the window is never blocked for long while a huge model arrives.
 * `onProgress` hears how many threats have arrived of how many.
 */
export async function loadThreatModel(
  id: ThreatModelId,
  onProgress?: (done: number, total: number) => void,
): Promise<ThreatModelRecord | null> {
  const readHere = async () => (await getThreatModel(getDatabase(), id)) ?? null;
  const w = modelsWorker();
  if (w === null) return readHere();
  const got = await new Promise<ThreatModelRecord | null | 'failed'>((resolve) => {
    const receive = modelAssembler();
    send(w, { kind: 'model', seq: ++seq, id }, (reply) => {
      const at = receive(reply);
      if (at.state === 'receiving') {
        onProgress?.(at.done, at.total);
        if (reply.kind === 'threats')
          w.postMessage({ kind: 'more', seq: reply.seq } satisfies ModelsRequest);
        return false;
      }
      resolve(at.state === 'complete' ? at.record : 'failed');
      return true;
    });
  });
  return got === 'failed' ? readHere() : got;
}

/** A turn for the window between two slices sent, so sending never blocks it for long. */
const pause = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

/**
 * saveThreatModel run by the worker: the model goes in slices, the worker validates and
 * stores it, and the stored record comes back in slices. For a model of tens of thousands
 * of threats the validation alone takes seconds, which the window then spends drawing.
 * Rejects when the worker fails; nothing is then known to be written.
 */
export async function saveThreatModelOffThread(model: ThreatModel): Promise<ThreatModelSaveResult> {
  const w = modelsWorker();
  if (w === null) return saveThreatModel(getDatabase(), model, defaultDeps);
  const n = ++seq;
  const result = new Promise<ThreatModelSaveResult>((resolve, reject) => {
    const receive = modelAssembler();
    pending.set(n, (reply) => {
      if (reply.kind === 'invalid') {
        resolve({ ok: false, errors: reply.errors });
        return true;
      }
      const at = receive(reply);
      if (at.state === 'receiving') {
        if (reply.kind === 'threats')
          w.postMessage({ kind: 'more', seq: n } satisfies ModelsRequest);
        return false;
      }
      if (at.state === 'complete' && at.record !== null) resolve({ ok: true, value: at.record });
      else
        reject(
          new Error(
            at.state === 'failed'
              ? `Saving the threat model failed: ${at.error}`
              : 'Saving the threat model failed: the stored model could not be read back.',
          ),
        );
      return true;
    });
  });
  for (const request of saveRequests(n, model)) {
    if (request.kind === 'save-threats') await pause();
    w.postMessage(request);
  }
  return result;
}
