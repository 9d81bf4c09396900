import { DATA_CLASSES } from '../../../core/inventory/types';
import {
  clocksFor,
  parseDuration,
  REGULATORY_CLOCKS,
  type Audience,
  type Playbook,
  type RegulatoryClock,
} from '../../../core/playbooks';

/** The title of a role, or its id when the playbook does not declare it. */
export function roleTitle(playbook: Playbook, roleId: string): string {
  return playbook.roles.find((r) => r.id === roleId)?.title ?? roleId;
}

/** A step's title by id (for "then" links), or the id itself. */
export function stepTitle(playbook: Playbook, stepId: string | undefined): string {
  if (stepId === undefined) return 'end of track';
  for (const phase of playbook.phases)
    for (const step of phase.steps) {
      if (step.id === stepId) return step.title;
      if (step.kind === 'parallel')
        for (const t of step.tracks) for (const s of t.steps) if (s.id === stepId) return s.title;
    }
  return stepId;
}

const ALL_REGIMES = [...new Set(REGULATORY_CLOCKS.flatMap((c) => c.selectedBy.regimes))];

/**
 * The regulatory clocks a notification can start for its audiences: what clocksFor
 * chooses over the widest scope (every data class, every regime). A run narrows them to
 * the incident's own data classes and regimes.
 */
export function candidateClocks(audiences: readonly Audience[]): RegulatoryClock[] {
  const wanted = new Set(audiences);
  return clocksFor({ dataClasses: DATA_CLASSES, regimes: ALL_REGIMES }).filter((c) =>
    wanted.has(c.audience),
  );
}

const UNITS = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
] as const;

/** "3 days 4 hours" from an ISO duration, or the text as written when it does not parse. */
export function readableDuration(iso: string): string {
  let rest = parseDuration(iso);
  if (rest === null) return iso;
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${String(n)} ${unit}${n === 1 ? '' : 's'}`);
  }
  return parts.length === 0 ? 'immediately' : parts.join(' ');
}

/** A clock's deadline in words. */
export function clockDeadline(clock: RegulatoryClock): string {
  if (clock.deadline === null) return clock.urgency.replace(/-/g, ' ');
  return `${readableDuration(clock.deadline)}${clock.businessDays ? ' (business days)' : ''}`;
}

/** Where an SLA counts from, in words. */
export function slaBase(from: string): string {
  return from === 'step-entered' ? 'entering the step' : `the incident being ${from.slice(9)}`;
}
