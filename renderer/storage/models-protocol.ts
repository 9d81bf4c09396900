import type { ModelIssue } from '../../core/threats/schema';
import type { ThreatInstance, ThreatModel } from '../../core/threats/model';
import type { ThreatModelSummary } from '../../core/workspace/model-summary';
import type { ThreatModelRecord } from '../../core/workspace/records';

// The messages between the window and the threat-models worker. A model with tens of
// thousands of threats is tens of megabytes: deserializing it is a long task wherever it
// happens. The worker reads it instead, and sends it in slices of threats, so the window
// takes it in many short tasks and keeps drawing in between.

/** Summaries of some models, or one whole model; seq pairs replies with their request. */
export type ModelsRequest =
  | { readonly kind: 'summaries'; readonly seq: number; readonly ids: readonly string[] }
  | { readonly kind: 'model'; readonly seq: number; readonly id: string }
  /**
   * The window took in a slice of a model and wants the next. Without this, slices queue
   * up in the window faster than it takes them in, and it runs several between two frames.
   */
  | { readonly kind: 'more'; readonly seq: number }
  /**
   * A model to validate and store (saveThreatModel), sent like a model is received: the
   * model without its threats, then the threats in slices. The reply is the stored record
   * (head and slices) or the validation problems.
   */
  | {
      readonly kind: 'save-head';
      readonly seq: number;
      readonly model: ThreatModel;
      readonly total: number;
    }
  | {
      readonly kind: 'save-threats';
      readonly seq: number;
      readonly instances: readonly ThreatInstance[];
      readonly last: boolean;
    };

/** Threats per message when a model is sent in slices. */
export const THREATS_PER_MESSAGE = 1000;

export type ModelsReply =
  | { readonly kind: 'summaries'; readonly seq: number; readonly summaries: ThreatModelSummary[] }
  /** The model without its threat instances, which follow in `threats` messages. */
  | {
      readonly kind: 'head';
      readonly seq: number;
      readonly record: ThreatModelRecord | null;
      readonly total: number;
    }
  | {
      readonly kind: 'threats';
      readonly seq: number;
      readonly instances: ThreatModelRecord['threats']['instances'];
      /** True on the last slice. */
      readonly last: boolean;
    }
  /** A save that validation stopped: nothing was written. */
  | { readonly kind: 'invalid'; readonly seq: number; readonly errors: readonly ModelIssue[] }
  | { readonly kind: 'failed'; readonly seq: number; readonly error: string };

/** The replies that send one model (or its absence): the head, then its threats in slices. */
export function* modelReplies(
  seq: number,
  record: ThreatModelRecord | undefined,
  perMessage: number = THREATS_PER_MESSAGE,
): Generator<ModelsReply, void, void> {
  if (!record) {
    yield { kind: 'head', seq, record: null, total: 0 };
    return;
  }
  const instances = record.threats.instances;
  const head = { ...record, threats: { ...record.threats, instances: [] } };
  yield { kind: 'head', seq, record: head, total: instances.length };
  const step = Math.max(1, perMessage);
  // At least one slice, empty for a model without threats, so the last one is always sent.
  for (let i = 0; i === 0 || i < instances.length; i += step)
    yield {
      kind: 'threats',
      seq,
      instances: instances.slice(i, i + step),
      last: i + step >= instances.length,
    };
}

/** Where receiving one model stands after a reply. */
export type Assembly =
  | { readonly state: 'receiving'; readonly done: number; readonly total: number }
  | { readonly state: 'complete'; readonly record: ThreatModelRecord | null }
  | { readonly state: 'failed'; readonly error: string };

/** Puts a model back together from the replies of modelReplies, one reply at a time. */
export function modelAssembler(): (reply: ModelsReply) => Assembly {
  let head: ThreatModelRecord | null = null;
  let total = 0;
  const instances: ThreatInstance[] = [];
  return (reply) => {
    if (reply.kind === 'head') {
      if (reply.record === null) return { state: 'complete', record: null };
      head = reply.record;
      total = reply.total;
      return { state: 'receiving', done: 0, total };
    }
    if (reply.kind === 'threats' && head !== null) {
      for (const t of reply.instances) instances.push(t);
      if (!reply.last) return { state: 'receiving', done: instances.length, total };
      return { state: 'complete', record: { ...head, threats: { ...head.threats, instances } } };
    }
    if (reply.kind === 'failed') return { state: 'failed', error: reply.error };
    return { state: 'failed', error: `Unexpected ${reply.kind} reply while receiving a model.` };
  };
}

/** The requests that send a model to be saved: the model without threats, then slices. */
export function* saveRequests(
  seq: number,
  model: ThreatModel,
  perMessage: number = THREATS_PER_MESSAGE,
): Generator<Extract<ModelsRequest, { kind: 'save-head' | 'save-threats' }>, void, void> {
  const instances = model.threats.instances;
  yield {
    kind: 'save-head',
    seq,
    model: { ...model, threats: { ...model.threats, instances: [] } },
    total: instances.length,
  };
  const step = Math.max(1, perMessage);
  for (let i = 0; i === 0 || i < instances.length; i += step)
    yield {
      kind: 'save-threats',
      seq,
      instances: instances.slice(i, i + step),
      last: i + step >= instances.length,
    };
}

/** Puts a model to save back together from saveRequests; the model once the last slice is in. */
export function saveAssembler(): (
  request: Extract<ModelsRequest, { kind: 'save-head' | 'save-threats' }>,
) => ThreatModel | null {
  let head: ThreatModel | null = null;
  const instances: ThreatInstance[] = [];
  return (request) => {
    if (request.kind === 'save-head') {
      head = request.model;
      instances.length = 0;
      return null;
    }
    if (head === null) throw new Error('A slice of threats to save arrived before its model.');
    for (const t of request.instances) instances.push(t);
    return request.last ? { ...head, threats: { ...head.threats, instances } } : null;
  };
}
