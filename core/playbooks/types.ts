import type { Brand } from '../shared/brand';

// The playbook format as data. The zod schema in schema.ts produces exactly these
// shapes (defaults applied); README.md in this folder describes the YAML that maps here.

/** A step, phase or track id: the key of a state in the compiled machine. */
export type StepId = Brand<string, 'StepId'>;
/** A role id such as `incident-commander`. */
export type RoleId = Brand<string, 'RoleId'>;

/** NIST CSF 2.0 functions, which SP 800-61r3 uses to organise incident response. */
export const CSF_FUNCTIONS = [
  'govern',
  'identify',
  'protect',
  'detect',
  'respond',
  'recover',
] as const;
/** A CSF 2.0 function. */
export type CsfFunction = (typeof CSF_FUNCTIONS)[number];

/** The SANS PICERL phases. */
export const PICERL_PHASES = [
  'preparation',
  'identification',
  'containment',
  'eradication',
  'recovery',
  'lessons-learned',
] as const;
/** A PICERL phase. */
export type PicerlPhase = (typeof PICERL_PHASES)[number];

/** Who a notification is for. */
export const AUDIENCES = ['internal', 'executives', 'customers', 'partners', 'regulators'] as const;
/** A notification audience. */
export type Audience = (typeof AUDIENCES)[number];

/** The incident clocks an SLA may be measured from (besides entering the step). */
export const INCIDENT_CLOCKS = ['declared', 'detected', 'aware'] as const;
/** An incident clock name. */
export type IncidentClock = (typeof INCIDENT_CLOCKS)[number];

/** What an SLA is relative to. */
export const SLA_BASES = [
  'step-entered',
  'incident.declared',
  'incident.detected',
  'incident.aware',
] as const;
/** An SLA base: entering the step, or an incident clock. */
export type SlaBase = (typeof SLA_BASES)[number];

/** How a run ends, for metrics and reports. */
export const OUTCOMES = ['resolved', 'false-positive', 'monitoring', 'transferred'] as const;
/** An end step's outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** A role people take in the response (assigned to names in the incident room). */
export type Role = { readonly id: RoleId; readonly title: string; readonly description: string };

/** Who is told what when an SLA runs late. */
export type Escalation = {
  /** ISO-8601 duration after the SLA's base (not after the due time). */
  readonly after: string;
  readonly to: RoleId;
  readonly message: string;
};

/** A step's SLA: a duration from a base, with escalations. */
export type Sla = {
  /** ISO-8601 duration (weeks, days, hours, minutes, seconds). */
  readonly within: string;
  readonly from: SlaBase;
  readonly escalations: readonly Escalation[];
};

/** One checklist item of a step. */
export type ChecklistItem = {
  readonly id: string;
  readonly text: string;
  readonly owner: RoleId;
  readonly required: boolean;
  /** The evidence a responder is expected to attach, if any. */
  readonly evidence?: string | undefined;
};

/** A message to prepare for an audience. */
export type NotificationTemplate = {
  /** Reference to a message template kept by the incident room. */
  readonly template: string;
  readonly audience: Audience;
  readonly required: boolean;
};

type StepBase = {
  readonly id: StepId;
  readonly title: string;
  readonly description?: string | undefined;
  /** The role accountable for the step. */
  readonly owner?: RoleId | undefined;
  readonly sla?: Sla | undefined;
};

/** A checklist to complete, then advance. */
export type TaskStep = StepBase & {
  readonly kind: 'task';
  readonly tasks: readonly ChecklistItem[];
  /** Absent only inside a parallel track, where it means "this track is finished". */
  readonly next?: StepId | undefined;
};

/** One answer of a decision and where it leads. */
export type DecisionOption = {
  readonly id: string;
  readonly label: string;
  readonly next?: StepId | undefined;
};

/** A question whose answer chooses the next step. */
export type DecisionStep = StepBase & {
  readonly kind: 'decision';
  readonly question: string;
  readonly options: readonly DecisionOption[];
};

/** Messages to send (and regulatory clocks to start), then advance. */
export type NotificationStep = StepBase & {
  readonly kind: 'notification';
  readonly templates: readonly NotificationTemplate[];
  /** Start the regulatory clocks chosen from the incident's scope for these audiences. */
  readonly clocks?: { readonly audiences: readonly Audience[] } | undefined;
  readonly tasks: readonly ChecklistItem[];
  readonly next?: StepId | undefined;
};

/** A step that may appear inside a parallel track. */
export type TrackStep = TaskStep | DecisionStep | NotificationStep;

/** One track of a parallel step: its own little sequence of steps. */
export type Track = {
  readonly id: StepId;
  readonly title: string;
  readonly steps: readonly TrackStep[];
};

/** Tracks that run at once, joined when every track has finished. */
export type ParallelStep = StepBase & {
  readonly kind: 'parallel';
  readonly tracks: readonly Track[];
  readonly next?: StepId | undefined;
};

/** Where a run finishes. */
export type EndStep = {
  readonly id: StepId;
  readonly kind: 'end';
  readonly title: string;
  readonly description?: string | undefined;
  readonly outcome: Outcome;
};

/** Any step. */
export type Step = TrackStep | ParallelStep | EndStep;
/** The kind of a step. */
export type StepKind = Step['kind'];

/** Steps grouped in a phase tagged with CSF 2.0 and PICERL. */
export type Phase = {
  readonly id: StepId;
  readonly title: string;
  readonly description?: string | undefined;
  readonly nist: CsfFunction;
  readonly picerl: PicerlPhase;
  readonly steps: readonly Step[];
};

/** A validated incident playbook. */
export type Playbook = {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly summary: string;
  readonly appliesWhen: { readonly owasp: readonly string[]; readonly signals: readonly string[] };
  readonly roles: readonly Role[];
  readonly phases: readonly Phase[];
};

/** One problem found in a file: every error names the file, the line and the JSON path. */
export type PlaybookError = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Such as `phases[1].steps[0].next`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
};

/** A validated playbook, or every error found. */
export type PlaybookValidation =
  | { readonly ok: true; readonly playbook: Playbook }
  | { readonly ok: false; readonly errors: readonly PlaybookError[] };
