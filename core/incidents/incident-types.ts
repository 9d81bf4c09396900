import type { ApiId, DataClass } from '../inventory/types';
import type { StoredRun } from '../playbooks/persist';
import type { IsoDate } from '../shared/brand';
import type { EpochMs, IncidentId, TaskId } from './ids';
import type { ClockInstance, IncidentNotification } from './notification-types';
import type { PostIncidentReview } from './review-types';

// The incident and its parts: severity, status, mode, key times, calendar, detection,
// roles, playbook runs and ad-hoc tasks (see types.ts for the conventions).

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
// Playbook runs, tasks

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
