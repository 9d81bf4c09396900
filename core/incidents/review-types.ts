import type { IsoDate } from '../shared/brand';
import type { ActionItemId, EpochMs } from './ids';

// Metrics and the post-incident review with its action items (see types.ts for the
// conventions).

/**
 * Durations in milliseconds, null when a time is missing (see metrics.ts for the exact
 * definitions): detect = started → detected; acknowledge = detected → the first of
 * declaration, commander assignment and awareness; contain = detected → contained;
 * resolve = detected → resolved.
 */
export type IncidentMetrics = {
  readonly timeToDetectMs: number | null;
  readonly timeToAcknowledgeMs: number | null;
  readonly timeToContainMs: number | null;
  readonly timeToResolveMs: number | null;
};

/** Where an action item leads in a threat model: a new threat, or a mitigation of one. */
export type ActionItemLink = {
  readonly threatModelId: string;
  /** The threat instance created or mitigated. */
  readonly threatId?: string | undefined;
  /** The mitigation created on that threat instance. */
  readonly mitigationId?: string | undefined;
};

/** Something to do after the incident. */
export type ActionItem = {
  readonly id: ActionItemId;
  readonly title: string;
  readonly owner: string;
  readonly due: IsoDate | null;
  readonly status: 'open' | 'done';
  readonly link?: ActionItemLink | undefined;
};

/** The post-incident review: drafted from the timeline, then edited by people. */
export type PostIncidentReview = {
  readonly summary: string;
  readonly impact: string;
  /** The timeline in a few lines (drafted from key entries). */
  readonly timelineSummary: string;
  /** Metrics when the review was drafted (recomputed live from the incident in the UI). */
  readonly metrics: IncidentMetrics;
  readonly rootCause: string;
  /** Answers to "why?", first to last. */
  readonly fiveWhys: readonly string[];
  readonly contributingFactors: readonly string[];
  readonly wentWell: readonly string[];
  readonly actionItems: readonly ActionItem[];
  readonly updatedAt: EpochMs;
  readonly updatedBy: string;
};
