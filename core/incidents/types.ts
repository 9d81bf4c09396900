import type { ApiId, DataClass } from '../inventory/types';
import type { StoredRun } from '../playbooks/persist';
import type { Audience } from '../playbooks/types';
import type { Brand, IsoDate } from '../shared/brand';

// The incident room as data (issue 6). Every time is milliseconds since the epoch (UTC),
// as in core/playbooks, whose deadlines and machine context use the same numbers: one
// clock for the incident, its playbook run, its timers and its regulatory clocks. For an
// exercise the times are simulated times. Wall-clock times of writing (`recordedAt`) are
// also epoch ms. Calendar dates without a time (action-item due dates, holidays) are
// IsoDate strings, as in the inventory and threat models.
//
// The zod schemas in schema.ts validate exactly these shapes (storage, backup, bundles).

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

// ---------------------------------------------------------------------------------------
// Severity, status, mode

/** Severities, most severe first. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
/** An incident severity. */
export type Severity = (typeof SEVERITIES)[number];

/** What a severity means; shown beside the picker so everyone uses the same scale. */
export type SeverityDefinition = {
  readonly label: string;
  readonly summary: string;
  readonly examples: readonly string[];
  /** How the response is run at this level. */
  readonly response: string;
};

/** The severity scale, shown in the UI next to the severity picker. */
export const SEVERITY_DEFINITIONS: Readonly<Record<Severity, SeverityDefinition>> = {
  SEV1: {
    label: 'SEV1 — Critical',
    summary:
      'Confirmed breach of sensitive data, or a critical API down or abused for most customers.',
    examples: [
      'Personal, health, card or credential data exfiltrated through an API',
      'Authentication bypass exploited in production',
      'Public API unavailable for all customers',
    ],
    response:
      'Commander and communications lead at once; executives informed; regulatory clocks likely.',
  },
  SEV2: {
    label: 'SEV2 — High',
    summary:
      'Likely exposure of sensitive data, or a major API degraded or abused for many customers.',
    examples: [
      'Broken object level authorization found with signs of use',
      'Leaked API key with access to customer data',
      'Credential stuffing against the login API succeeding at scale',
    ],
    response: 'Commander assigned within the hour; executives informed; assess regulatory clocks.',
  },
  SEV3: {
    label: 'SEV3 — Moderate',
    summary:
      'Limited impact: a vulnerability or abuse contained to few users, no sign of data exposure.',
    examples: [
      'Scraping above rate limits without sensitive data',
      'Leaked key for a non-production environment',
      'A partner integration misbehaving',
    ],
    response: 'Handled by the owning team during working hours, with a named commander.',
  },
  SEV4: {
    label: 'SEV4 — Low',
    summary: 'Minor or suspected issue with no customer impact; tracked to learn from it.',
    examples: [
      'Suspicious but blocked traffic',
      'A security finding with no evidence of exploitation',
    ],
    response: 'Tracked as a ticket; a timeline is kept for the record.',
  },
};

/** Incident statuses in their usual order. */
export const INCIDENT_STATUSES = [
  'declared',
  'investigating',
  'contained',
  'recovering',
  'resolved',
  'closed',
] as const;
/** Where the response stands. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Human labels of the statuses. */
export const STATUS_LABELS: Readonly<Record<IncidentStatus, string>> = {
  declared: 'Declared',
  investigating: 'Investigating',
  contained: 'Contained',
  recovering: 'Recovering',
  resolved: 'Resolved',
  closed: 'Closed',
};

/**
 * `live` is a real incident. `exercise` is a tabletop exercise run as an incident: its
 * times are simulated, it is marked EXERCISE everywhere and it never counts in live metrics.
 */
export const INCIDENT_MODES = ['live', 'exercise'] as const;
/** Live incident or exercise. */
export type IncidentMode = (typeof INCIDENT_MODES)[number];

// ---------------------------------------------------------------------------------------
// Times, calendar, roles

/** The incident's key times, in the order they usually happen. */
export const KEY_TIMES = ['started', 'detected', 'aware', 'contained', 'resolved'] as const;
/** A key time's name. */
export type KeyTimeName = (typeof KEY_TIMES)[number];

/** Labels and meaning of the key times (shown in the UI). */
export const KEY_TIME_LABELS: Readonly<
  Record<KeyTimeName, { readonly label: string; readonly meaning: string }>
> = {
  started: { label: 'Started', meaning: 'When the incident actually began (often found later).' },
  detected: { label: 'Detected', meaning: 'When a person or a system first noticed it.' },
  aware: {
    label: 'Aware',
    meaning:
      'When the organisation became aware with reasonable certainty (starts GDPR, NIS2 and similar clocks).',
  },
  contained: { label: 'Contained', meaning: 'When the harm stopped spreading.' },
  resolved: { label: 'Resolved', meaning: 'When service and security were restored.' },
};

/** A key time and the person who set it. */
export type KeyTime = { readonly at: EpochMs; readonly by: string };

/** The key times known so far. */
export type KeyTimes = Partial<Record<KeyTimeName, KeyTime>>;

/**
 * Holidays as data, for business-day arithmetic. `weekend` lists the days of the week
 * that are not business days (0 = Sunday … 6 = Saturday), `dates` the holidays, both in
 * the time zone of the obligation.
 */
export type HolidayCalendar = {
  readonly id: string;
  readonly name: string;
  readonly weekend: readonly number[];
  readonly dates: readonly IsoDate[];
};

/** Where detection came from. */
export const DETECTION_SOURCES = [
  'monitoring-alert',
  'waf-or-gateway',
  'customer-report',
  'partner-report',
  'bug-bounty',
  'security-researcher',
  'internal-staff',
  'threat-intelligence',
  'law-enforcement',
  'audit',
  'other',
] as const;
/** A detection source (free text is kept in `detectionDetail`). */
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

/** Labels of the detection sources. */
export const DETECTION_SOURCE_LABELS: Readonly<Record<DetectionSource, string>> = {
  'monitoring-alert': 'Monitoring alert',
  'waf-or-gateway': 'WAF or API gateway',
  'customer-report': 'Customer report',
  'partner-report': 'Partner report',
  'bug-bounty': 'Bug bounty report',
  'security-researcher': 'Security researcher',
  'internal-staff': 'Internal staff',
  'threat-intelligence': 'Threat intelligence',
  'law-enforcement': 'Law enforcement',
  audit: 'Audit',
  other: 'Other',
};

/**
 * Who holds a role now. `roleId` is a playbook role id (`incident-commander`) or an ad-hoc
 * id; hand-offs replace the assignment and are recorded in the timeline (`role-handoff`).
 */
export type RoleAssignment = {
  readonly roleId: string;
  readonly title: string;
  /** A name; Bulwark has no accounts. */
  readonly person: string;
  readonly since: EpochMs;
  readonly assignedBy: string;
};

// ---------------------------------------------------------------------------------------
// Playbook runs, tasks, clocks, notifications

/**
 * One playbook run of the incident. The last run without `endedAt` is the active one;
 * switching playbooks ends the active run with `switchedReason` and appends a new one.
 */
export type PlaybookRunRecord = {
  readonly playbookId: string;
  readonly version: string;
  /** The persisted XState snapshot (core/playbooks/persist.ts), updated on every event. */
  readonly snapshot: StoredRun;
  readonly startedAt: EpochMs;
  readonly startedBy: string;
  readonly endedAt?: EpochMs | undefined;
  /** Why this run was left for another playbook; absent when it ended normally. */
  readonly switchedReason?: string | undefined;
};

/** A task added by hand during the incident (outside the playbook's checklists). */
export type AdHocTask = {
  readonly id: TaskId;
  readonly title: string;
  /** A person's name or a role title. */
  readonly owner: string;
  readonly due?: EpochMs | undefined;
  readonly createdAt: EpochMs;
  readonly createdBy: string;
  readonly doneAt?: EpochMs | undefined;
  readonly doneBy?: string | undefined;
};

/**
 * A regulatory clock running for this incident: a row of REGULATORY_CLOCKS
 * (core/playbooks/clocks.ts) with its trigger time. `deadlineAt` is computed by
 * `clockDeadline` (deadlines.ts) and stored so that a countdown survives a reload.
 */
export type ClockInstance = {
  readonly clockId: string;
  /** When the clock's trigger happened (awareness, determination …). */
  readonly triggerAt: EpochMs;
  readonly setBy: string;
  /** When it was recorded (may be later than the trigger). */
  readonly setAt: EpochMs;
  /** Null when the rule sets no fixed period ("without undue delay"). */
  readonly deadlineAt: EpochMs | null;
  /** IANA time zone of the obligation, when it differs from the incident's. */
  readonly timeZone?: string | undefined;
  /** The notification that satisfies it. */
  readonly notificationId?: NotificationId | undefined;
  /** Set when responders decided the duty does not apply (its condition is not met). */
  readonly dismissed?:
    { readonly at: EpochMs; readonly by: string; readonly reason: string } | undefined;
};

/** Who a notification is for (the playbook audiences; `internal` is engineering). */
export type NotificationAudience = Audience;

/** Labels of the audiences. */
export const AUDIENCE_LABELS: Readonly<Record<NotificationAudience, string>> = {
  internal: 'Engineering (internal)',
  executives: 'Executives',
  customers: 'Customers',
  partners: 'Partners',
  regulators: 'Regulators',
};

/** A message prepared for an audience. Nothing is ever sent by Bulwark itself. */
export type IncidentNotification = {
  readonly id: NotificationId;
  readonly audience: NotificationAudience;
  /** A template id from NOTIFICATION_TEMPLATES (templates.ts), or `custom`. */
  readonly templateId: string;
  /** Recipients as free text (addresses or names). */
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** The regulatory clock this notification satisfies. */
  readonly clockId?: string | undefined;
  readonly status: 'draft' | 'sent';
  readonly createdAt: EpochMs;
  readonly createdBy: string;
  readonly updatedAt: EpochMs;
  /** When a person marked it sent (by whatever channel they used) and who. */
  readonly sentAt?: EpochMs | undefined;
  readonly sentBy?: string | undefined;
};

// ---------------------------------------------------------------------------------------
// Metrics and post-incident review

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

// ---------------------------------------------------------------------------------------
// The incident

/** One incident (or exercise). The timeline and evidence are stored beside it. */
export type Incident = {
  readonly id: IncidentId;
  readonly title: string;
  /** What is known, in a few sentences. */
  readonly description: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly mode: IncidentMode;
  /** The exercise (scenario run) this incident belongs to, in exercise mode. */
  readonly exerciseId?: string | undefined;
  readonly apiIds: readonly ApiId[];
  /** Pre-filled from the APIs (scopeFromApis), then edited. */
  readonly dataClasses: readonly DataClass[];
  readonly regimes: readonly string[];
  readonly detectionSource: DetectionSource;
  readonly detectionDetail: string;
  readonly keyTimes: KeyTimes;
  /** IANA time zone for obligations and display, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  readonly calendar: HolidayCalendar;
  readonly roles: readonly RoleAssignment[];
  readonly playbookRuns: readonly PlaybookRunRecord[];
  readonly tasks: readonly AdHocTask[];
  readonly clocks: readonly ClockInstance[];
  readonly notifications: readonly IncidentNotification[];
  readonly review: PostIncidentReview | null;
  readonly declaredBy: string;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
};

// ---------------------------------------------------------------------------------------
// Timeline

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

// ---------------------------------------------------------------------------------------
// Evidence

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
