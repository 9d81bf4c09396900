import {
  calendarPeriod,
  checkPeriod,
  previousPeriod,
  type Period,
  type PeriodKind,
} from '../../../core/posture';
import type { IsoDate } from '../../../core/shared/brand';

// The period picker's state and the periods it offers: the current calendar period and
// the ones before it, newest first, or a custom range.

export type PeriodChoice =
  | { readonly kind: Exclude<PeriodKind, 'custom'>; readonly from: IsoDate }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

const HOW_MANY = { quarter: 8, half: 6, year: 4 } as const;

/** The calendar periods offered for a kind, newest (containing today) first. */
export function offeredPeriods(kind: Exclude<PeriodKind, 'custom'>, today: IsoDate): Period[] {
  const out = [calendarPeriod(today, kind)];
  while (out.length < HOW_MANY[kind]) {
    const last = out[out.length - 1];
    if (!last) break;
    out.push(previousPeriod(last));
  }
  return out;
}

/** The period a choice stands for, or the reason it is not one. */
export function periodOfChoice(
  choice: PeriodChoice,
): { ok: true; period: Period } | { ok: false; reason: string } {
  if (choice.kind !== 'custom')
    return { ok: true, period: calendarPeriod(choice.from, choice.kind) };
  const reason = checkPeriod(choice);
  return reason === null
    ? { ok: true, period: { from: choice.from as IsoDate, to: choice.to as IsoDate } }
    : { ok: false, reason: reason.charAt(0).toUpperCase() + reason.slice(1) + '.' };
}
