import type { Brand } from '../shared/brand';

// Ids and the time unit of the incident room, shared by every incident type file.
// Every time is milliseconds since the epoch (UTC); see types.ts.

/** Milliseconds since the epoch (UTC). */
export type EpochMs = number;

/** An incident's id. */
export type IncidentId = Brand<string, 'IncidentId'>;
/** An evidence item's id. */
export type EvidenceId = Brand<string, 'EvidenceId'>;
/** A notification draft's id. */
export type NotificationId = Brand<string, 'NotificationId'>;
/** An ad-hoc task's id. */
export type TaskId = Brand<string, 'TaskId'>;
/** A post-incident action item's id. */
export type ActionItemId = Brand<string, 'ActionItemId'>;
