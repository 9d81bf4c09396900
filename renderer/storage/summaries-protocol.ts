import type { ThreatModelSummary } from '../../core/workspace/model-summary';

/** Summaries asked of the summaries worker; seq pairs the reply with its request. */
export type SummaryRequest = { readonly seq: number; readonly ids: readonly string[] };

/** The summaries of the models that exist, or why they could not be read. */
export type SummaryReply =
  | { readonly seq: number; readonly ok: true; readonly summaries: ThreatModelSummary[] }
  | { readonly seq: number; readonly ok: false; readonly error: string };
