import type { EpochMs, EvidenceId, IncidentId } from './ids';

// Evidence and its chain of custody (see types.ts for the conventions).

/** What happened to a piece of evidence. */
export const CUSTODY_ACTIONS = [
  'collected',
  'transferred',
  'accessed',
  'copied',
  'exported',
  'verified',
  'sealed',
  'released',
] as const;
/** A custody action. */
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** One link of the chain of custody. */
export type CustodyEvent = {
  readonly at: EpochMs;
  readonly by: string;
  readonly action: CustodyAction;
  readonly note: string;
};

/**
 * A file or text kept as evidence. The content is stored separately by the UI; its
 * SHA-256 (lower-case hex) here proves it unchanged.
 */
export type Evidence = {
  readonly id: EvidenceId;
  readonly incidentId: IncidentId;
  readonly name: string;
  readonly kind: 'file' | 'text';
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** Where it came from (system, log, person). */
  readonly source: string;
  readonly collectedBy: string;
  readonly collectedAt: EpochMs;
  readonly description: string;
  readonly custody: readonly CustodyEvent[];
};
