import type { EpochMs, IncidentId } from './ids';

// The append-only timeline: entry kinds, entries, drafts, the chain head and the kinds of
// secret masked in entries (see types.ts for the conventions).

/** The timeline kinds Bulwark writes itself; any other string is accepted (extensible). */
export const TIMELINE_KINDS = [
  'declared',
  'field-changed',
  'status-changed',
  'severity-changed',
  'key-time',
  'state-change',
  'task-done',
  'task-reopened',
  'task-added',
  'decision',
  'role-assigned',
  'role-handoff',
  'note',
  'correction',
  'evidence-added',
  'custody',
  'notification-drafted',
  'notification-sent',
  'clock-started',
  'clock-dismissed',
  'playbook-started',
  'playbook-switched',
  'playbook-ended',
  'escalation',
  'sla-breached',
  'pir-updated',
  'action-item-added',
  'action-item-linked',
  'exercise-inject',
  'exported',
] as const;
/** A timeline kind Bulwark knows. */
export type KnownTimelineKind = (typeof TIMELINE_KINDS)[number];
/** Labels of the known timeline kinds (other kinds are shown as written). */
export const TIMELINE_KIND_LABELS: Readonly<Record<KnownTimelineKind, string>> = {
  declared: 'Declared',
  'field-changed': 'Field changed',
  'status-changed': 'Status changed',
  'severity-changed': 'Severity changed',
  'key-time': 'Key time',
  'state-change': 'Playbook state',
  'task-done': 'Task done',
  'task-reopened': 'Task reopened',
  'task-added': 'Task added',
  decision: 'Decision',
  'role-assigned': 'Role assigned',
  'role-handoff': 'Role hand-off',
  note: 'Note',
  correction: 'Correction',
  'evidence-added': 'Evidence added',
  custody: 'Custody',
  'notification-drafted': 'Notification drafted',
  'notification-sent': 'Notification sent',
  'clock-started': 'Clock started',
  'clock-dismissed': 'Clock dismissed',
  'playbook-started': 'Playbook started',
  'playbook-switched': 'Playbook switched',
  'playbook-ended': 'Playbook ended',
  escalation: 'Escalation',
  'sla-breached': 'SLA breached',
  'pir-updated': 'Review updated',
  'action-item-added': 'Action item added',
  'action-item-linked': 'Action item linked',
  'exercise-inject': 'Exercise inject',
  exported: 'Exported',
};

/** A timeline kind: a known one or any other string (`string & {}` keeps autocompletion). */
export type TimelineKind = KnownTimelineKind | (string & Record<never, never>);

/** Any JSON value (what `data` may hold; it is hashed as canonical JSON). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Kinds of secret the redactor recognises (redact.ts). */
export const SECRET_KINDS = [
  'private-key',
  'jwt',
  'bearer-token',
  'basic-auth',
  'aws-access-key-id',
  'aws-secret-key',
  'github-token',
  'gitlab-token',
  'slack-token',
  'stripe-key',
  'google-api-key',
  'openai-key',
  'anthropic-key',
  'twilio-key',
  'sendgrid-key',
  'npm-token',
  'azure-key',
  'url-password',
  'password-assignment',
  'api-key-assignment',
] as const;
/** A kind of secret. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * One append-only timeline entry. `hash` = SHA-256(prevHash + canonical(entry without
 * `hash`)) in lower-case hex (chain.ts). A correction is a new entry of kind `correction`
 * whose `data.corrects` is the seq of the corrected entry; nothing is ever edited.
 */
export type TimelineEntry = {
  readonly incidentId: IncidentId;
  /** 0, 1, 2 … without gaps. */
  readonly seq: number;
  /** Incident time (simulated time in an exercise). */
  readonly at: EpochMs;
  /** Wall-clock time of writing. */
  readonly recordedAt: EpochMs;
  readonly actor: string;
  readonly kind: TimelineKind;
  readonly text: string;
  readonly data: JsonValue;
  /** Kinds of secret masked in `text` before it was stored. */
  readonly masked?: readonly SecretKind[] | undefined;
  readonly prevHash: string;
  readonly hash: string;
};

/** What a caller gives to append an entry; the chain fills in the rest. */
export type TimelineDraft = {
  readonly at: EpochMs;
  readonly recordedAt: EpochMs;
  readonly actor: string;
  readonly kind: TimelineKind;
  readonly text: string;
  readonly data?: JsonValue | undefined;
  readonly masked?: readonly SecretKind[] | undefined;
};

/** The end of a chain: what the next entry links to (an entry is one). */
export type ChainHead = {
  readonly incidentId: IncidentId;
  /** Seq of the last entry, -1 for an empty timeline. */
  readonly seq: number;
  readonly hash: string;
};
