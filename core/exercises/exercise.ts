import type { ExerciseClock } from './clock';

// An exercise as stored data: the run of one scenario, tied to the incident (in exercise
// mode) the players work in. Everything is plain JSON so that a reload restores it
// exactly; times are real milliseconds (`realAt`) and simulated elapsed milliseconds.

/** Version of the stored exercise shape; storage refuses others. */
export const EXERCISE_FORMAT = 1;

/** HSEEP ratings of an objective or capability. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
/** An HSEEP rating. */
export type HseepRating = (typeof HSEEP_RATINGS)[number];
/** What each rating means (HSEEP 2020, exercise evaluation guide). */
export const HSEEP_LABELS: Readonly<Record<HseepRating, string>> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** How an expected action was carried out. */
export const ACTION_STATUSES = ['performed', 'partial', 'not-performed'] as const;
/** An action status. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An inject that left the MSEL: delivered (on schedule or by hand) or skipped. */
export type InjectDelivery = {
  readonly injectId: string;
  readonly status: 'delivered' | 'skipped';
  readonly elapsed: number;
  readonly realAt: number;
  readonly manual: boolean;
  readonly by?: string | undefined;
};

/** The players' answer to an inject's question. */
export type InjectAnswer = {
  readonly injectId: string;
  readonly optionId: string;
  readonly elapsed: number;
  readonly by?: string | undefined;
};

/** Kinds of exercise log entries. */
export type LogKind =
  | 'started'
  | 'paused'
  | 'resumed'
  | 'compression'
  | 'ended'
  | 'delivered'
  | 'skipped'
  | 'answer'
  | 'decision'
  | 'observation';

/** One entry of the exercise log (the incident timeline gets the same facts). */
export type LogEntry = {
  readonly seq: number;
  readonly kind: LogKind;
  readonly elapsed: number;
  readonly realAt: number;
  readonly injectId?: string | undefined;
  readonly text?: string | undefined;
  readonly by?: string | undefined;
};

/** The result of one expected action of one inject. */
export type ActionResult = {
  readonly injectId: string;
  readonly actionId: string;
  readonly status: ActionStatus;
  readonly note: string;
};

/** The HSEEP evaluation of one objective. */
export type Evaluation = {
  readonly objectiveId: string;
  readonly rating: HseepRating;
  readonly notes: string;
};

/** Where an improvement item goes: a change to a playbook or an item in a threat model. */
export type ImprovementLink =
  | {
      readonly kind: 'playbook-change';
      readonly playbookId: string;
      readonly stepId?: string | undefined;
      /** Set once a user playbook copy carries the change. */
      readonly userPlaybookId?: string | undefined;
    }
  | {
      readonly kind: 'threat-model';
      readonly threatModelId?: string | undefined;
      readonly threatId?: string | undefined;
    };

/** One row of the improvement plan. */
export type ImprovementItem = {
  readonly id: string;
  readonly kind: 'strength' | 'area-for-improvement';
  readonly objectiveId?: string | undefined;
  readonly observation: string;
  readonly correctiveAction: string;
  readonly owner: string;
  /** `YYYY-MM-DD`, empty for a strength. */
  readonly due: string;
  readonly link?: ImprovementLink | undefined;
};

/** A stored exercise. */
export type Exercise = {
  readonly format: typeof EXERCISE_FORMAT;
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly incidentId: string;
  readonly title: string;
  readonly facilitator: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly clock: ExerciseClock;
  readonly deliveries: readonly InjectDelivery[];
  readonly answers: readonly InjectAnswer[];
  readonly log: readonly LogEntry[];
  readonly actions: readonly ActionResult[];
  readonly evaluations: readonly Evaluation[];
  readonly improvements: readonly ImprovementItem[];
};
