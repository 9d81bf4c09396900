import type { ApiEntry } from '../inventory/types';
import type { IsoDate } from '../shared/brand';
import { isoDateOf } from '../shared/brand';
import type { ThreatModelRecord } from '../workspace/records';
import { endOfDay, startOfDay } from './period';
import type {
  Better,
  Figure,
  Period,
  PlaybookCoverage,
  PostureExercise,
  PostureIncident,
  PostureWorkspace,
  RecordRef,
  SectionId,
  Unit,
} from './types';

// What every section reads: the records as they stood at the end of one period. State
// figures (inventory, design, open items) are taken at `asOf`, the end of the period or
// now, whichever is earlier; flow figures (incidents, notifications) count events inside
// the period. For a past period only records created by then are counted; their fields
// are today's (the workspace keeps no field history; a snapshot keeps the exact figures).

export type Context = {
  readonly period: Period;
  readonly start: number;
  /** End of the period or now, whichever is earlier (ms). */
  readonly asOf: number;
  readonly asOfDate: IsoDate;
  readonly reviewPeriodDays: number;
  readonly expiryWarningDays: number;
  readonly apis: readonly ApiEntry[];
  readonly models: readonly ThreatModelRecord[];
  /** Every incident known by `asOf`, live and exercise (sections filter). */
  readonly incidents: readonly PostureIncident[];
  readonly exercises: readonly PostureExercise[];
  readonly playbooks: readonly PlaybookCoverage[];
  /** Whether the workspace holds incident and exercise data at all. */
  readonly tracksIncidents: boolean;
  readonly tracksExercises: boolean;
};

/** The earliest key time of an incident: when it is known to have begun. */
export function incidentStart(i: PostureIncident): number | null {
  const times = [i.times.started, i.times.detected, i.times.acknowledged, i.times.declared]
    .filter((t): t is NonNullable<typeof t> => t !== null)
    .map((t) => Date.parse(t));
  return times.length === 0 ? null : Math.min(...times);
}

/** Builds the context for one period. */
export function contextFor(
  ws: PostureWorkspace,
  period: Period,
  now: number,
  options: {
    reviewPeriodDays: number;
    expiryWarningDays: number;
    playbooks: readonly PlaybookCoverage[];
  },
): Context {
  const asOf = Math.min(endOfDay(period.to), now);
  const existed = (createdAt: string) => Date.parse(createdAt) <= asOf;
  const incidents = ws.incidents ?? [];
  const exercises = ws.exercises ?? [];
  return {
    period,
    start: startOfDay(period.from),
    asOf,
    asOfDate: isoDateOf(asOf),
    reviewPeriodDays: options.reviewPeriodDays,
    expiryWarningDays: options.expiryWarningDays,
    apis: ws.apis.filter((a) => existed(a.createdAt)),
    models: ws.threatModels.filter((m) => existed(m.createdAt)),
    incidents: incidents.filter((i) => {
      const s = incidentStart(i);
      return s !== null && s <= asOf;
    }),
    exercises: exercises.filter((e) => e.conductedAt !== null && Date.parse(e.conductedAt) <= asOf),
    playbooks: options.playbooks,
    tracksIncidents: incidents.length > 0,
    tracksExercises: exercises.length > 0,
  };
}

/** The parts of a figure a section writes; `previous` is filled in by computePosture. */
export type FigureSpec = {
  readonly id: string;
  readonly label: string;
  readonly definition: string;
  readonly unit?: Unit;
  readonly better?: Better;
  readonly headline?: boolean;
  readonly group?: string;
  readonly key?: string;
};

/** A figure of a section: null value means "no data". */
export function figure(
  section: SectionId,
  spec: FigureSpec,
  value: number | null,
  drill: readonly RecordRef[],
): Figure {
  return {
    id: spec.id,
    section,
    label: spec.label,
    value,
    unit: spec.unit ?? 'count',
    definition: spec.definition,
    previous: null,
    drill,
    better: spec.better ?? 'neither',
    headline: spec.headline ?? false,
    group: spec.group,
    key: spec.key,
  };
}

/** A count figure: the number of records, or no data when `hasData` is false. */
export function countFigure(
  section: SectionId,
  spec: FigureSpec,
  refs: readonly RecordRef[],
  hasData: boolean,
): Figure {
  return figure(section, spec, hasData ? refs.length : null, hasData ? refs : []);
}

/** The reference of an API. */
export function apiRef(a: Pick<ApiEntry, 'id' | 'name'>): RecordRef {
  return { kind: 'api', id: a.id, label: a.name };
}
