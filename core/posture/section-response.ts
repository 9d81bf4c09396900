import { incidentMetrics } from '../incidents/metrics';
import type { IncidentMetrics, KeyTime, KeyTimeName } from '../incidents/types';
import type { Context } from './context';
import { countFigure, figure, incidentStart } from './context';
import { monthsOf } from './period';
import { median, p90, percent } from './stats';
import type { Figure, IncidentSeverity, PostureIncident, RecordRef, TrendPoint } from './types';
import { INCIDENT_SEVERITIES } from './types';

// How fast do we respond. Only live incidents count: an incident run in exercise mode is
// rehearsal, and counting it would flatter (or blacken) the real record. Incidents belong
// to the period in which they began (their earliest key time). The durations are the
// incident room's metrics, computed by core/incidents' incidentMetrics so the two reports
// agree: detect started→detected, acknowledge detected→first of declaration, incident-
// commander assignment and awareness, contain and resolve from detection; a span whose
// times were entered out of order counts as zero.

const HOUR = 3_600_000;

const incidentRef = (i: PostureIncident): RecordRef => ({
  kind: 'incident',
  id: i.id,
  label: `${i.severity} ${i.title}`,
});

/** The response-time measures: which of the incident room's metrics, and what it counts. */
export const DURATIONS = [
  {
    id: 'ttd',
    label: 'Time to detect',
    metric: 'timeToDetectMs',
    definition: 'hours from when the incident began to when it was detected',
  },
  {
    id: 'tta',
    label: 'Time to acknowledge',
    metric: 'timeToAcknowledgeMs',
    definition:
      'hours from detection to when a person first took charge (the first of: the incident declared in Bulwark, an incident commander assigned, the organisation aware of it)',
  },
  {
    id: 'ttc',
    label: 'Time to contain',
    metric: 'timeToContainMs',
    definition: 'hours from detection to containment',
  },
  {
    id: 'ttr',
    label: 'Time to resolve',
    metric: 'timeToResolveMs',
    definition: 'hours from detection to resolution',
  },
] as const satisfies readonly {
  readonly id: string;
  readonly label: string;
  readonly metric: keyof IncidentMetrics;
  readonly definition: string;
}[];

/**
 * The incident room's metrics of an incident's posture view. `acknowledged` already holds
 * the first acknowledgement (see the adapter); when it is unknown the declaration counts,
 * and with neither the acknowledge metric is unknown.
 */
export function responseMetrics(i: PostureIncident): IncidentMetrics {
  const t = i.times;
  const keyTimes: Partial<Record<KeyTimeName, KeyTime>> = {};
  for (const [name, at] of [
    ['started', t.started],
    ['detected', t.detected],
    ['aware', t.acknowledged],
    ['contained', t.contained],
    ['resolved', t.resolved],
  ] as const) {
    if (at !== null) keyTimes[name] = { at: Date.parse(at), by: '' };
  }
  const taken = t.acknowledged ?? t.declared;
  const m = incidentMetrics({
    createdAt: taken === null ? 0 : Date.parse(taken),
    keyTimes,
  });
  return taken === null ? { ...m, timeToAcknowledgeMs: null } : m;
}

/** Milliseconds as hours to two decimals; null stays null. */
const hours = (ms: number | null): number | null =>
  ms === null ? null : Math.round((ms / HOUR) * 100) / 100;

/** Live incidents that began in the period. */
export function incidentsInPeriod(ctx: Context, mode: 'live' | 'exercise'): PostureIncident[] {
  return ctx.incidents.filter((i) => {
    const s = incidentStart(i);
    return i.mode === mode && s !== null && s >= ctx.start && s <= ctx.asOf;
  });
}

/** Live incidents per month of the period and severity. */
export function incidentTrend(ctx: Context): TrendPoint[] {
  const live = incidentsInPeriod(ctx, 'live');
  return monthsOf(ctx.period).map((month) => {
    const counts = Object.fromEntries(INCIDENT_SEVERITIES.map((s) => [s, 0])) as Record<
      IncidentSeverity,
      number
    >;
    for (const i of live) {
      const s = incidentStart(i);
      if (s !== null && new Date(s).toISOString().slice(0, 7) === month) counts[i.severity]++;
    }
    return { month, counts };
  });
}

/** The response figures. */
export function responseFigures(ctx: Context): Figure[] {
  const out: Figure[] = [];
  const hasLive = ctx.incidents.some((i) => i.mode === 'live');
  const add = (
    spec: Parameters<typeof countFigure>[1],
    refs: readonly RecordRef[],
    has = hasLive,
  ) => out.push(countFigure('response', spec, refs, has));
  const live = incidentsInPeriod(ctx, 'live');

  add(
    {
      id: 'response.incidents',
      label: 'Live incidents',
      definition: 'Live incidents that began in the period. Exercises are never counted.',
      better: 'lower',
      headline: true,
    },
    live.map(incidentRef),
  );
  for (const s of INCIDENT_SEVERITIES)
    add(
      {
        id: `response.incidents.${s}`,
        label: `${s} incidents`,
        definition: `Live incidents of severity ${s} that began in the period.`,
        better: 'lower',
        group: 'response.by-severity',
        key: s,
      },
      live.filter((i) => i.severity === s).map(incidentRef),
    );
  add(
    {
      id: 'response.exercises-excluded',
      label: 'Exercise incidents left out',
      definition:
        'Incidents run in exercise mode during the period: shown so the reader knows they were left out of every response figure.',
    },
    incidentsInPeriod(ctx, 'exercise').map(incidentRef),
    ctx.tracksIncidents,
  );

  const metrics = live.map((i) => ({ i, m: responseMetrics(i) }));
  for (const d of DURATIONS) {
    const sample = metrics
      .map(({ i, m }) => ({ i, h: hours(m[d.metric]) }))
      .filter((x): x is { i: PostureIncident; h: number } => x.h !== null);
    const values = sample.map((x) => x.h);
    const drill = sample.map((x) => incidentRef(x.i));
    for (const [stat, fn, word] of [
      ['median', median, 'Median'],
      ['p90', p90, '90th percentile'],
    ] as const)
      out.push(
        figure(
          'response',
          {
            id: `response.${d.id}.${stat}`,
            label: `${d.label} (${word.toLowerCase()})`,
            unit: 'hours',
            definition: `${word} of the ${d.definition}, over live incidents that began in the period and have both times recorded${stat === 'p90' ? ' (nearest rank: nine in ten incidents were this fast or faster)' : ''}.`,
            better: 'lower',
            headline: stat === 'median' && (d.id === 'ttc' || d.id === 'ttd'),
            group: `response.${stat}`,
            key: d.id,
          },
          fn(values),
          drill,
        ),
      );
  }

  // Regulatory notifications owed by the period's live incidents that have a deadline.
  const owed = live.flatMap((i) =>
    i.notifications
      .filter((n) => n.deadline !== null)
      .map((n) => ({
        i,
        n,
        ref: {
          kind: 'notification',
          id: n.id,
          label: `${n.label} — ${i.title}`,
          parent: i.id,
        } satisfies RecordRef,
      })),
  );
  const deadline = (x: (typeof owed)[number]) => Date.parse(x.n.deadline ?? '');
  const onTime = owed.filter((x) => x.n.sentAt !== null && Date.parse(x.n.sentAt) <= deadline(x));
  const late = owed.filter((x) => x.n.sentAt !== null && Date.parse(x.n.sentAt) > deadline(x));
  const missed = owed.filter((x) => x.n.sentAt === null && deadline(x) < ctx.asOf);
  add(
    {
      id: 'response.notifications-on-time',
      label: 'Regulatory notifications on time',
      definition:
        'Notifications with a deadline, owed by live incidents of the period, sent by their deadline.',
      better: 'higher',
      group: 'response.notifications',
      key: 'on-time',
    },
    onTime.map((x) => x.ref),
  );
  add(
    {
      id: 'response.notifications-late',
      label: 'Regulatory notifications sent late',
      definition: 'Notifications sent after their deadline.',
      better: 'lower',
      group: 'response.notifications',
      key: 'late',
    },
    late.map((x) => x.ref),
  );
  add(
    {
      id: 'response.notifications-missed',
      label: 'Regulatory notifications past deadline, not sent',
      definition:
        'Notifications whose deadline had passed at the end of the period without being marked sent.',
      better: 'lower',
      group: 'response.notifications',
      key: 'missed',
    },
    missed.map((x) => x.ref),
  );
  const decided = onTime.length + late.length + missed.length;
  out.push(
    figure(
      'response',
      {
        id: 'response.notifications-on-time-share',
        label: 'Regulatory notifications made on time',
        unit: 'percent',
        definition:
          'Share of the notifications that were due (sent, or past their deadline) that went out by their deadline. Notifications still within their deadline are not counted yet.',
        better: 'higher',
        headline: true,
      },
      percent(onTime.length, decided),
      onTime.map((x) => x.ref),
    ),
  );

  // Post-incident action items: the state at the end of the period, over every live incident.
  const items = ctx.incidents
    .filter((i) => i.mode === 'live')
    .flatMap((i) =>
      i.actionItems.map((a) => ({
        a,
        ref: {
          kind: 'action-item',
          id: a.id,
          label: `${a.title} — ${i.title}`,
          parent: i.id,
        } satisfies RecordRef,
      })),
    );
  const open = items.filter((x) => !x.a.done);
  add(
    {
      id: 'response.action-items-open',
      label: 'Post-incident action items open',
      definition:
        'Action items from reviews of live incidents that are not done at the end of the period.',
      better: 'lower',
    },
    open.map((x) => x.ref),
  );
  add(
    {
      id: 'response.action-items-overdue',
      label: 'Post-incident action items overdue',
      definition: 'Open action items whose due date had passed at the end of the period.',
      better: 'lower',
      headline: true,
    },
    open.filter((x) => x.a.due !== null && x.a.due < ctx.asOfDate).map((x) => x.ref),
  );
  return out;
}
