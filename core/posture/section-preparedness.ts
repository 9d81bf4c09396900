import { OWASP_API_2023, OWASP_NAMES } from '../threats/model';
import type { Context } from './context';
import { countFigure, figure } from './context';
import type { Figure, PostureExercise, RecordRef } from './types';
import { HSEEP_LABELS, HSEEP_RATINGS } from './types';

// Are we ready: a playbook for each OWASP API risk, rehearsals in the last twelve months
// and what they taught. Exercises count when they were run (not when they were planned).

const DAY = 86_400_000;

const exerciseRef = (e: PostureExercise): RecordRef => ({
  kind: 'exercise',
  id: e.id,
  label: e.title,
});

/** The preparedness figures. */
export function preparednessFigures(ctx: Context): Figure[] {
  const out: Figure[] = [];
  const playbookRef = (p: { id: string; title: string }): RecordRef => ({
    kind: 'playbook',
    id: p.id,
    label: p.title,
  });
  out.push(
    countFigure(
      'preparedness',
      {
        id: 'preparedness.playbooks',
        label: 'Incident playbooks',
        definition: 'Built-in and workspace playbooks that can be run in an incident.',
        better: 'higher',
      },
      ctx.playbooks.map(playbookRef),
      true,
    ),
  );
  const uncovered: string[] = [];
  for (const o of OWASP_API_2023) {
    const covering = ctx.playbooks.filter((p) => p.owasp.includes(o));
    if (covering.length === 0) uncovered.push(o);
    out.push(
      countFigure(
        'preparedness',
        {
          id: `preparedness.owasp.${o}`,
          label: `Playbooks for ${o.replace(':2023', '')} ${OWASP_NAMES[o]}`,
          definition: `Playbooks that declare they apply to OWASP API Security Top 10 (2023) risk ${o}, ${OWASP_NAMES[o]}.`,
          better: 'higher',
          group: 'preparedness.owasp',
          key: o,
        },
        covering.map(playbookRef),
        true,
      ),
    );
  }
  out.push(
    figure(
      'preparedness',
      {
        id: 'preparedness.owasp-uncovered',
        label: 'OWASP API risks without a playbook',
        definition: `OWASP API Security Top 10 (2023) risks that no playbook declares it answers${uncovered.length > 0 ? `: ${uncovered.join(', ')}` : ''}.`,
        better: 'lower',
        headline: true,
      },
      uncovered.length,
      [],
    ),
  );

  const has = ctx.tracksExercises;
  const since = ctx.asOf - 365 * DAY;
  const recent = ctx.exercises.filter(
    (e) => e.conductedAt !== null && Date.parse(e.conductedAt) > since,
  );
  out.push(
    countFigure(
      'preparedness',
      {
        id: 'preparedness.exercises-12m',
        label: 'Exercises in the last 12 months',
        definition: 'Tabletop exercises run in the twelve months before the end of the period.',
        better: 'higher',
        headline: true,
      },
      recent.map(exerciseRef),
      has,
    ),
  );
  const last = ctx.exercises.reduce<PostureExercise | null>(
    (best, e) =>
      e.conductedAt !== null && (best?.conductedAt == null || e.conductedAt > best.conductedAt)
        ? e
        : best,
    null,
  );
  out.push(
    figure(
      'preparedness',
      {
        id: 'preparedness.days-since-exercise',
        label: 'Days since the last exercise',
        unit: 'days',
        definition: 'Whole days from the last tabletop exercise run to the end of the period.',
        better: 'lower',
      },
      last?.conductedAt != null
        ? Math.floor((ctx.asOf - Date.parse(last.conductedAt)) / DAY)
        : null,
      last ? [exerciseRef(last)] : [],
    ),
  );
  for (const r of HSEEP_RATINGS) {
    const rated = recent.filter((e) => e.evaluations.some((v) => v.rating === r));
    const count = recent.reduce(
      (n, e) => n + e.evaluations.filter((v) => v.rating === r).length,
      0,
    );
    out.push(
      figure(
        'preparedness',
        {
          id: `preparedness.evaluation.${r}`,
          label: `Objectives ${HSEEP_LABELS[r].toLowerCase()}`,
          definition: `Exercise objectives of the last twelve months evaluated as "${HSEEP_LABELS[r]}" (HSEEP rating ${r}).`,
          better: r === 'P' ? 'higher' : 'lower',
          group: 'preparedness.evaluation',
          key: r,
        },
        has && recent.length > 0 ? count : has ? 0 : null,
        rated.map(exerciseRef),
      ),
    );
  }
  const items = ctx.exercises.flatMap((e) =>
    e.improvements.map((a) => ({
      a,
      ref: {
        kind: 'improvement-item',
        id: a.id,
        label: `${a.title} — ${e.title}`,
        parent: e.id,
      } satisfies RecordRef,
    })),
  );
  const open = items.filter((x) => !x.a.done);
  out.push(
    countFigure(
      'preparedness',
      {
        id: 'preparedness.improvements-open',
        label: 'Improvement items open',
        definition: 'Corrective actions from exercise improvement plans that are not done.',
        better: 'lower',
        headline: true,
      },
      open.map((x) => x.ref),
      has,
    ),
  );
  out.push(
    countFigure(
      'preparedness',
      {
        id: 'preparedness.improvements-overdue',
        label: 'Improvement items overdue',
        definition: 'Open improvement items whose due date had passed at the end of the period.',
        better: 'lower',
      },
      open.filter((x) => x.a.due !== null && x.a.due < ctx.asOfDate).map((x) => x.ref),
      has,
    ),
  );
  return out;
}
