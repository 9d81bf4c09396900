import { elapsedAt } from './clock';
import type { ActionStatus, Exercise, HseepRating, ImprovementItem, LogEntry } from './exercise';
import { HSEEP_LABELS } from './exercise';
import { formatElapsed } from './participant';
import { injectSchedule, type InjectStatus } from './schedule';
import type { Scenario } from './types';

// The after-action report as data, shared by the Markdown and HTML writers, so both say
// the same thing. Every report is an exercise report and says so (EXERCISE_MARK).

/** The mark every exercise report and page carries. */
export const EXERCISE_MARK = 'EXERCISE';

/** Options of the after-action report. */
export type AarOptions = {
  /** Real time the report describes (for a running exercise, the elapsed time so far). */
  readonly now: number;
  readonly playbookTitle?: string;
  readonly generatedAt?: string;
};

/** One inject's outcome in the report. */
export type AarInject = {
  readonly id: string;
  readonly offset: string;
  readonly title: string;
  readonly status: InjectStatus;
  readonly deliveredAt?: string | undefined;
  readonly manual: boolean;
  readonly answer?: string | undefined;
  readonly expected: readonly {
    text: string;
    status: ActionStatus | 'not-assessed';
    note: string;
  }[];
  readonly actual: readonly LogEntry[];
};

/** The report's content. */
export type AarData = {
  readonly title: string;
  readonly scenario: Scenario;
  readonly playbook: string;
  readonly duration: string;
  readonly compression: number;
  readonly facilitator: string;
  readonly players: readonly string[];
  readonly objectives: readonly {
    id: string;
    text: string;
    capability: string;
    rating?: HseepRating | undefined;
    ratingLabel: string;
    notes: string;
  }[];
  readonly injects: readonly AarInject[];
  readonly general: readonly LogEntry[];
  readonly strengths: readonly ImprovementItem[];
  readonly areas: readonly ImprovementItem[];
  readonly objectiveText: (id: string | undefined) => string;
};

/** Builds the report data from a scenario and its exercise. */
export function aarData(scenario: Scenario, ex: Exercise, options: AarOptions): AarData {
  const evaluations = new Map(ex.evaluations.map((e) => [e.objectiveId, e]));
  const answers = new Map(ex.answers.map((a) => [a.injectId, a.optionId]));
  const results = new Map(ex.actions.map((a) => [`${a.injectId}/${a.actionId}`, a]));
  const notes = ex.log.filter((l) => l.kind === 'decision' || l.kind === 'observation');
  const objectiveText = (id: string | undefined) =>
    id === undefined ? '' : (scenario.objectives.find((o) => o.id === id)?.text ?? id);
  return {
    title: `${EXERCISE_MARK}: after-action report: ${scenario.title}`,
    scenario,
    playbook: options.playbookTitle
      ? `${options.playbookTitle} (${scenario.playbook})`
      : scenario.playbook,
    duration: formatElapsed(elapsedAt(ex.clock, options.now)),
    compression: ex.clock.compression,
    facilitator: ex.facilitator,
    players: scenario.participants.filter((p) => p.kind === 'player').map((p) => p.title),
    objectives: scenario.objectives.map((o) => {
      const e = evaluations.get(o.id);
      return {
        id: o.id,
        text: o.text,
        capability: o.capability,
        rating: e?.rating,
        ratingLabel: e ? `${e.rating}: ${HSEEP_LABELS[e.rating]}` : 'Not evaluated',
        notes: e?.notes ?? '',
      };
    }),
    injects: injectSchedule(scenario, ex, options.now).map((row) => {
      const optionId = answers.get(row.inject.id);
      return {
        id: row.inject.id,
        offset: formatElapsed(row.offset),
        title: row.inject.title,
        status: row.status,
        deliveredAt: row.delivery ? formatElapsed(row.delivery.elapsed) : undefined,
        manual: row.delivery?.manual ?? false,
        answer: row.inject.question?.options.find((o) => o.id === optionId)?.label,
        expected: row.inject.expectedActions.map((a) => {
          const r = results.get(`${row.inject.id}/${a.id}`);
          return { text: a.text, status: r?.status ?? 'not-assessed', note: r?.note ?? '' };
        }),
        actual: notes.filter((n) => n.injectId === row.inject.id),
      };
    }),
    general: notes.filter((n) => n.injectId === undefined),
    strengths: ex.improvements.filter((i) => i.kind === 'strength'),
    areas: ex.improvements.filter((i) => i.kind === 'area-for-improvement'),
    objectiveText,
  };
}

/** Human words for an inject status in reports. */
export const STATUS_WORDS: Readonly<Record<InjectStatus, string>> = {
  upcoming: 'not reached',
  due: 'due',
  held: 'held (waiting for an answer)',
  'not-taken': 'branch not taken',
  delivered: 'delivered',
  skipped: 'skipped',
};

/** Human words for action statuses in reports. */
export const ACTION_WORDS: Readonly<Record<ActionStatus | 'not-assessed', string>> = {
  performed: 'performed',
  partial: 'partially performed',
  'not-performed': 'not performed',
  'not-assessed': 'not assessed',
};

/** A plain description of an improvement item's link. */
export function linkText(item: ImprovementItem): string {
  const link = item.link;
  if (!link) return '';
  if (link.kind === 'playbook-change')
    return `Playbook change: ${link.playbookId}${link.stepId ? ` / ${link.stepId}` : ''}${link.userPlaybookId ? ' (copy updated)' : ''}`;
  return `Threat model item${link.threatId ? ` ${link.threatId}` : ''}`;
}
