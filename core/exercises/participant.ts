import { elapsedAt, simulatedAt, type ClockStatus } from './clock';
import type { Exercise } from './exercise';
import { injectSchedule } from './schedule';
import type { Channel, Scenario } from './types';

// What the projector shows: the situation, the injects delivered so far and the clocks.
// This projection is the only thing the participant view receives, so what the
// facilitator keeps back (notes, expected actions, the MSEL ahead, skipped or held
// injects, evaluations) cannot leak through a rendering mistake: it is never there.

/** A delivered inject as participants see it. */
export type ParticipantInject = {
  readonly id: string;
  readonly title: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly channel: Channel;
  readonly content: string;
  readonly deliveredElapsed: number;
  readonly question?:
    | { readonly text: string; readonly options: readonly string[]; readonly answer?: string }
    | undefined;
};

/** The participant view's data. */
export type ParticipantView = {
  readonly title: string;
  readonly situation: string;
  readonly status: ClockStatus;
  readonly compression: number;
  readonly elapsed: number;
  readonly simulatedNow: number;
  /** Newest first. */
  readonly injects: readonly ParticipantInject[];
};

/** The participant projection of an exercise at real time `now`. */
export function participantView(scenario: Scenario, ex: Exercise, now: number): ParticipantView {
  const titles = new Map(scenario.participants.map((p) => [p.id, p.title]));
  const answers = new Map(ex.answers.map((a) => [a.injectId, a.optionId]));
  const delivered = injectSchedule(scenario, ex, now)
    .filter((row) => row.status === 'delivered')
    .sort((a, b) => (b.delivery?.elapsed ?? 0) - (a.delivery?.elapsed ?? 0) || b.offset - a.offset);
  return {
    title: scenario.title,
    situation: scenario.situation,
    status: ex.clock.status,
    compression: ex.clock.compression,
    elapsed: elapsedAt(ex.clock, now),
    simulatedNow: simulatedAt(ex.clock, now),
    injects: delivered.map(({ inject, delivery }) => {
      const answerId = answers.get(inject.id);
      const answer = inject.question?.options.find((o) => o.id === answerId)?.label;
      return {
        id: inject.id,
        title: inject.title,
        from: titles.get(inject.from) ?? inject.from,
        to: inject.to.map((t) => titles.get(t) ?? t),
        channel: inject.channel,
        content: inject.content,
        deliveredElapsed: delivery?.elapsed ?? 0,
        question: inject.question && {
          text: inject.question.text,
          options: inject.question.options.map((o) => o.label),
          ...(answer === undefined ? {} : { answer }),
        },
      };
    }),
  };
}

/** `T+01:05:30` for simulated elapsed milliseconds (days as `T+2d 03:00:00`). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `T+${days > 0 ? `${days}d ` : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
}
