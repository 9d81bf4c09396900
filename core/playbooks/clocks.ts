import type { DataClass } from '../inventory/types';
import { REGULATORY_CLOCKS } from './clock-table';
import type { Audience } from './types';

export { REGULATORY_CLOCKS } from './clock-table';

// Regulatory notification clocks as data (../shared/docs/domain.md §6). Each row says who
// must be told, by when, from which trigger, and which regimes and data classes select
// it. Deadlines are ISO-8601 durations; `businessDays: true` means the days count business
// days, which the incident room computes with its calendar and the obligation's time zone.
// Rows marked `check` carry figures to confirm against the primary text before relying
// on them. This is guidance for responders, not legal advice.

/** What starts a clock, in the words of the rule. */
export type ClockTrigger =
  | 'aware'
  | 'discovery'
  | 'determination'
  | 'classification'
  | 'materiality-determination'
  | 'suspicion'
  | 'knowledge'
  | 'assessment'
  | 'initial-notification'
  | 'year-end';

/** How hard the deadline is: a fixed period, or a duty to act at once. */
export type ClockUrgency =
  'deadline' | 'without-undue-delay' | 'immediately' | 'as-soon-as-practicable';

/** One notification obligation. */
export type RegulatoryClock = {
  readonly id: string;
  readonly regime: string;
  readonly reference: string;
  readonly recipient: string;
  readonly audience: Audience;
  /** ISO-8601 duration from the trigger, or null when the rule sets no fixed period. */
  readonly deadline: string | null;
  readonly businessDays?: true;
  readonly urgency: ClockUrgency;
  readonly trigger: ClockTrigger;
  /** For a follow-up report: the clock whose notification starts this one. */
  readonly after?: string;
  /** When the duty applies at all (thresholds, risk). */
  readonly condition?: string;
  readonly note?: string;
  /** Figures to confirm against the primary text. */
  readonly check?: string;
  /** Selected when one of these regimes is in scope and (unless 'any') one of these data classes is involved. */
  readonly selectedBy: {
    readonly regimes: readonly string[];
    readonly dataClasses: readonly DataClass[] | 'any';
  };
  /** Also selected by these data classes alone (card data implies PCI DSS scope). */
  readonly impliedBy?: readonly DataClass[];
};

const normalise = (regime: string) =>
  regime
    .trim()
    .toLowerCase()
    .replace(/[\s._-]+/g, ' ');

/**
 * The clocks an incident starts, chosen from the data classes it touches and the
 * regimes its APIs are in scope of (names compared without case or punctuation).
 */
export function clocksFor(scope: {
  readonly dataClasses: readonly DataClass[];
  readonly regimes: readonly string[];
}): RegulatoryClock[] {
  const regimes = new Set(scope.regimes.map(normalise));
  const classes = new Set(scope.dataClasses);
  return REGULATORY_CLOCKS.filter((clock) => {
    const { selectedBy, impliedBy } = clock;
    if (impliedBy?.some((c) => classes.has(c))) return true;
    if (!selectedBy.regimes.some((r) => regimes.has(normalise(r)))) return false;
    return selectedBy.dataClasses === 'any' || selectedBy.dataClasses.some((c) => classes.has(c));
  });
}

/** A clock by id. */
export function clockById(id: string): RegulatoryClock | undefined {
  return REGULATORY_CLOCKS.find((c) => c.id === id);
}
