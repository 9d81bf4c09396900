import type { ThreatInstance } from '../../core/threats/model';
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
  | { readonly kind: 'more'; readonly seq: number };

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
