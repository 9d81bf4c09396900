import type { WorkspaceData } from '../backup/format';
import type { IsoDate, IsoTimestamp } from '../shared/brand';

// The posture report's vocabulary: figures with their definitions and the records behind
// them, and the narrow views of incidents and exercises the figures read. The views are
// written out here so the report reads whatever the incident room and the exercises store
// through one small adapter (adapters.ts) instead of coupling to every field they keep.

/** The five questions a board asks, one section each. */
export const SECTIONS = ['inventory', 'design', 'response', 'preparedness', 'regulatory'] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_QUESTIONS: Readonly<Record<SectionId, string>> = {
  inventory: 'Which APIs do we have, what data do they touch, and who owns them?',
  design: 'Have they been threat-modeled, and which risks are still open?',
  response: 'How fast do we respond to incidents, and do we tell regulators on time?',
  preparedness: 'Are we ready: playbooks for each risk, and when did we last rehearse?',
  regulatory: 'Which regulations apply, and how do the APIs under each one stand?',
};

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  inventory: 'Inventory',
  design: 'Design and threat modeling',
  response: 'Incident response',
  preparedness: 'Preparedness',
  regulatory: 'Regulatory scope',
};

/** What a record reference points at; the dashboard opens each kind in its own area. */
export const RECORD_KINDS = [
  'api',
  'threat-model',
  'threat',
  'mitigation',
  'incident',
  'notification',
  'action-item',
  'exercise',
  'improvement-item',
  'playbook',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One record behind a figure; `parent` is the model, incident or exercise it lives in. */
export type RecordRef = {
  readonly kind: RecordKind;
  readonly id: string;
  readonly label: string;
  readonly parent?: string | undefined;
};

export const UNITS = ['count', 'percent', 'hours', 'days'] as const;
export type Unit = (typeof UNITS)[number];

/** Which direction is good news, for the arrows in the comparison. */
export type Better = 'higher' | 'lower' | 'neither';

/** One figure: a value (null = no data), what it means, and the records behind it. */
export type Figure = {
  readonly id: string;
  readonly section: SectionId;
  readonly label: string;
  readonly value: number | null;
  readonly unit: Unit;
  /** What is counted, in plain language. */
  readonly definition: string;
  /** The same figure for the comparison period or snapshot; null when it had no data. */
  readonly previous: number | null;
  readonly drill: readonly RecordRef[];
  readonly better: Better;
  /** Shown on the one-page summary. */
  readonly headline: boolean;
  /** Figures drawn together (a chart, a table) share a group; `key` is their category. */
  readonly group?: string | undefined;
  readonly key?: string | undefined;
};

/** A period of whole days, both ends included, in UTC. */
export type Period = { readonly from: IsoDate; readonly to: IsoDate };

export const INCIDENT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** The key times of an incident the response figures read; null when not (yet) set. */
export type IncidentTimes = {
  /** When it was declared in Bulwark: the fallback when no key time is known. */
  readonly declared: IsoTimestamp | null;
  readonly started: IsoTimestamp | null;
  readonly detected: IsoTimestamp | null;
  /**
   * When a person first took charge: core/incidents' acknowledgedAt (the first of the
   * declaration, the first incident-commander assignment and the aware time). When null,
   * the declaration counts.
   */
  readonly acknowledged: IsoTimestamp | null;
  readonly contained: IsoTimestamp | null;
  readonly resolved: IsoTimestamp | null;
};

/** A notification an incident owes (a regulatory clock), with its deadline and when it went. */
export type PostureNotification = {
  readonly id: string;
  readonly label: string;
  readonly deadline: IsoTimestamp | null;
  readonly sentAt: IsoTimestamp | null;
};

/** A follow-up item: a post-incident action or an exercise's improvement item. */
export type PostureActionItem = {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly due: IsoDate | null;
  readonly done: boolean;
};

/** An incident as the posture figures see it. */
export type PostureIncident = {
  readonly id: string;
  readonly title: string;
  /** Exercise incidents are never counted in the response figures. */
  readonly mode: 'live' | 'exercise';
  readonly severity: IncidentSeverity;
  readonly apiIds: readonly string[];
  readonly times: IncidentTimes;
  readonly notifications: readonly PostureNotification[];
  readonly actionItems: readonly PostureActionItem[];
};

/** HSEEP ratings: performed without challenges, with some, with major, unable to perform. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
export type HseepRating = (typeof HSEEP_RATINGS)[number];
export const HSEEP_LABELS: Readonly<Record<HseepRating, string>> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** A tabletop exercise as the posture figures see it. */
export type PostureExercise = {
  readonly id: string;
  readonly title: string;
  /** When it was run; null for one planned but not run. */
  readonly conductedAt: IsoTimestamp | null;
  readonly evaluations: readonly {
    readonly objective: string;
    readonly rating: HseepRating | null;
  }[];
  readonly improvements: readonly PostureActionItem[];
};

/** A playbook's coverage: the OWASP API risks it answers. */
export type PlaybookCoverage = {
  readonly id: string;
  readonly title: string;
  readonly owasp: readonly string[];
  readonly builtin: boolean;
};

/** What the figures read: the workspace's records, incidents and exercises as posture views. */
export type PostureWorkspace = Pick<WorkspaceData, 'apis' | 'threatModels' | 'playbooks'> & {
  readonly incidents?: readonly PostureIncident[];
  readonly exercises?: readonly PostureExercise[];
};

export type PostureOptions = {
  readonly period: Period;
  /** The comparison period; by default the same length just before `period`. */
  readonly previous?: Period | undefined;
  readonly now: IsoTimestamp;
  /** A threat model is current when signed off within this many days (default 365). */
  readonly reviewPeriodDays?: number | undefined;
  /** Accepted risks expiring within this many days are "nearing expiry" (default 30). */
  readonly expiryWarningDays?: number | undefined;
  /** The built-in playbooks' coverage (the caller passes core/playbooks' list). */
  readonly builtinPlaybooks?: readonly PlaybookCoverage[] | undefined;
};

/** Incidents per month and severity, live only. */
export type TrendPoint = {
  readonly month: string;
  readonly counts: Readonly<Record<IncidentSeverity, number>>;
};

/** Everything the dashboard and the reports show. */
export type Posture = {
  readonly period: Period;
  readonly previous: Period;
  readonly asOf: IsoTimestamp;
  readonly reviewPeriodDays: number;
  readonly figures: readonly Figure[];
  readonly trend: readonly TrendPoint[];
  /** Where `previous` values come from: the previous period computed now, or a snapshot. */
  readonly comparedWith:
    | { readonly kind: 'period' }
    | { readonly kind: 'snapshot'; readonly id: string; readonly takenAt: IsoTimestamp };
};
