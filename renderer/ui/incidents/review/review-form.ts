import type {
  ActionItem,
  ActionItemId,
  IncidentMetrics,
  PostIncidentReview,
} from '../../../../core/incidents';
import type { IsoDate } from '../../../../core/shared/brand';

/** The review as typed: lists as they are edited (one field each), kept as a draft. */
export type ReviewForm = {
  readonly summary: string;
  readonly impact: string;
  readonly timelineSummary: string;
  readonly rootCause: string;
  readonly fiveWhys: readonly string[];
  readonly contributingFactors: string;
  readonly wentWell: string;
  readonly actionItems: readonly ActionItem[];
};

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The form of a stored review (or an empty one). */
export function formOf(review: PostIncidentReview | null): ReviewForm {
  return {
    summary: review?.summary ?? '',
    impact: review?.impact ?? '',
    timelineSummary: review?.timelineSummary ?? '',
    rootCause: review?.rootCause ?? '',
    fiveWhys: [...(review?.fiveWhys ?? []), '', '', '', '', ''].slice(
      0,
      Math.max(5, review?.fiveWhys.length ?? 0),
    ),
    contributingFactors: (review?.contributingFactors ?? []).join('\n'),
    wentWell: (review?.wentWell ?? []).join('\n'),
    actionItems: review?.actionItems ?? [],
  };
}

/** The review to store from the form. */
export function reviewOf(
  form: ReviewForm,
  metrics: IncidentMetrics,
  by: string,
  at: number,
): PostIncidentReview {
  return {
    summary: form.summary.trim(),
    impact: form.impact.trim(),
    timelineSummary: form.timelineSummary.trim(),
    metrics,
    rootCause: form.rootCause.trim(),
    fiveWhys: form.fiveWhys.map((w) => w.trim()).filter((w) => w !== ''),
    contributingFactors: lines(form.contributingFactors),
    wentWell: lines(form.wentWell),
    actionItems: form.actionItems.filter((a) => a.title.trim() !== ''),
    updatedAt: at,
    updatedBy: by,
  };
}

/** A new, empty action item. */
export function newActionItem(id: string): ActionItem {
  return { id: id as ActionItemId, title: '', owner: '', due: null, status: 'open' };
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A stored draft read back: null when it is not a review form. */
export function parseForm(raw: unknown): ReviewForm | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const f = raw as Record<string, unknown>;
  const ok =
    isStr(f.summary) &&
    isStr(f.impact) &&
    isStr(f.timelineSummary) &&
    isStr(f.rootCause) &&
    Array.isArray(f.fiveWhys) &&
    f.fiveWhys.every(isStr) &&
    isStr(f.contributingFactors) &&
    isStr(f.wentWell) &&
    Array.isArray(f.actionItems) &&
    f.actionItems.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        isStr((a as ActionItem).id) &&
        isStr((a as ActionItem).title) &&
        isStr((a as ActionItem).owner),
    );
  return ok ? (f as unknown as ReviewForm) : null;
}

/** A due date input's value as a calendar date, or null. */
export function dueOf(value: string): IsoDate | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? (value as IsoDate) : null;
}
