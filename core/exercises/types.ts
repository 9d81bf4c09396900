import type { PlaybookError } from '../playbooks/types';

// The scenario format as data: a tabletop exercise on a built-in playbook, with its
// objectives, participants and master scenario events list (MSEL). The zod schema in
// schema.ts produces exactly these shapes; README.md in this folder describes the YAML.

/**
 * The FEMA core capabilities an API incident exercise usually tests (HSEEP evaluates
 * objectives against core capabilities). Kebab-case forms of the official names.
 */
export const CORE_CAPABILITIES = [
  'planning',
  'public-information-and-warning',
  'operational-coordination',
  'intelligence-and-information-sharing',
  'cybersecurity',
  'screening-search-and-detection',
  'forensics-and-attribution',
  'access-control-and-identity-verification',
  'risk-management',
  'supply-chain-integrity-and-security',
  'situational-assessment',
  'infrastructure-systems',
  'economic-recovery',
] as const;
/** A core capability. */
export type CoreCapability = (typeof CORE_CAPABILITIES)[number];

/** Who takes part: players respond, simulated actors send injects, the rest watch or run it. */
export const PARTICIPANT_KINDS = [
  'player',
  'simulated',
  'facilitator',
  'evaluator',
  'observer',
] as const;
/** A participant kind. */
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** How an inject reaches the players. */
export const CHANNELS = [
  'alert',
  'email',
  'phone',
  'chat',
  'ticket',
  'news',
  'social-media',
  'in-person',
  'status-page',
  'dashboard',
] as const;
/** An inject channel. */
export type Channel = (typeof CHANNELS)[number];

/** An exercise objective, evaluated per HSEEP. */
export type Objective = {
  readonly id: string;
  readonly text: string;
  readonly capability: CoreCapability;
};

/** A participant role in the exercise, optionally mapped to a role of the playbook. */
export type Participant = {
  readonly id: string;
  readonly title: string;
  readonly kind: ParticipantKind;
  readonly playbookRole?: string | undefined;
};

/** An action the players are expected to take on an inject. */
export type ExpectedAction = { readonly id: string; readonly text: string };

/** A question an inject puts to the players; the answer can steer later injects. */
export type InjectQuestion = {
  readonly text: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
};

/** A branch condition: the answer recorded for an earlier inject's question. */
export type BranchCondition = { readonly inject: string; readonly answer: string };

/** One inject of the MSEL. */
export type Inject = {
  readonly id: string;
  /** ISO-8601 duration from the start of the exercise (simulated time). */
  readonly at: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly channel: Channel;
  readonly title: string;
  readonly content: string;
  readonly objectives: readonly string[];
  readonly expectedActions: readonly ExpectedAction[];
  readonly question?: InjectQuestion | undefined;
  /** Delivered only if the earlier answer was this one. */
  readonly deliverIf?: BranchCondition | undefined;
  /** Delivered only if the earlier answer was not this one. */
  readonly deliverUnless?: BranchCondition | undefined;
  /** For the facilitator only: never shown to participants. */
  readonly facilitatorNotes?: string | undefined;
};

/** A tabletop exercise scenario. */
export type Scenario = {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly summary: string;
  readonly owasp: readonly string[];
  /** The id of the built-in playbook the players run. */
  readonly playbook: string;
  /** What the players are told at the start (shown on the participant view). */
  readonly situation: string;
  readonly objectives: readonly Objective[];
  readonly participants: readonly Participant[];
  readonly injects: readonly Inject[];
  readonly facilitatorNotes?: string | undefined;
};

/** A scenario, or its errors (each with file, line, column, path and message). */
export type ScenarioValidation =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly PlaybookError[] };
