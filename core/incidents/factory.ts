import type { ApiEntry, ApiId, DataClass } from '../inventory/types';
import { DATA_CLASSES } from '../inventory/types';
import type {
  DetectionSource,
  HolidayCalendar,
  Incident,
  IncidentId,
  IncidentMode,
  KeyTimes,
  Severity,
} from './types';

// Creating an incident. Ids and times come from the caller (core has no clock).

/** Saturday and Sunday off, no holidays: the calendar when none is chosen. */
export const WEEKENDS_ONLY: HolidayCalendar = {
  id: 'weekends',
  name: 'Weekends only (no holidays)',
  weekend: [0, 6],
  dates: [],
};

/** The regimes and data classes of an incident's APIs. */
export type IncidentScopeFromApis = {
  readonly dataClasses: DataClass[];
  readonly regimes: string[];
};

/**
 * The data classes and regulatory scope of the affected APIs, to pre-fill an incident:
 * data classes in catalogue order, regimes in the order of `apiIds` without duplicates
 * (compared without case). Ids not found in `apis` are ignored.
 */
export function scopeFromApis(
  apis: readonly ApiEntry[],
  apiIds: readonly ApiId[],
): IncidentScopeFromApis {
  const byId = new Map<string, ApiEntry>(apis.map((a) => [a.id, a]));
  const classes = new Set<DataClass>();
  const regimes: string[] = [];
  const seen = new Set<string>();
  for (const id of apiIds) {
    const api = byId.get(id);
    if (!api) continue;
    for (const c of api.dataClasses) classes.add(c);
    for (const r of api.regulatoryScope) {
      const name = r.trim();
      const key = name.toLowerCase();
      if (name && !seen.has(key)) {
        seen.add(key);
        regimes.push(name);
      }
    }
  }
  return { dataClasses: DATA_CLASSES.filter((c) => classes.has(c)), regimes };
}

/** What a person fills in to declare an incident. */
export type DeclareParams = {
  readonly id: IncidentId;
  /** The time of declaration (incident time; simulated in an exercise). */
  readonly now: number;
  readonly title: string;
  readonly severity: Severity;
  readonly mode: IncidentMode;
  readonly declaredBy: string;
  readonly timeZone: string;
  readonly description?: string;
  readonly exerciseId?: string;
  readonly apiIds?: readonly ApiId[];
  /** The inventory, to pre-fill data classes and regimes from `apiIds`. */
  readonly apis?: readonly ApiEntry[];
  readonly detectionSource?: DetectionSource;
  readonly detectionDetail?: string;
  readonly keyTimes?: KeyTimes;
  readonly calendar?: HolidayCalendar;
};

/** A newly declared incident: status `declared`, scope pre-filled from its APIs. */
export function declareIncident(p: DeclareParams): Incident {
  const apiIds = [...new Set(p.apiIds ?? [])];
  const scope = scopeFromApis(p.apis ?? [], apiIds);
  return {
    id: p.id,
    title: p.title.trim(),
    description: p.description ?? '',
    severity: p.severity,
    status: 'declared',
    mode: p.mode,
    ...(p.exerciseId !== undefined ? { exerciseId: p.exerciseId } : {}),
    apiIds,
    dataClasses: scope.dataClasses,
    regimes: scope.regimes,
    detectionSource: p.detectionSource ?? 'other',
    detectionDetail: p.detectionDetail ?? '',
    keyTimes: p.keyTimes ?? {},
    timeZone: p.timeZone,
    calendar: p.calendar ?? WEEKENDS_ONLY,
    roles: [],
    playbookRuns: [],
    tasks: [],
    clocks: [],
    notifications: [],
    review: null,
    declaredBy: p.declaredBy,
    createdAt: p.now,
    updatedAt: p.now,
  };
}

/** The playbook run that is running now: the last one not ended, or undefined. */
export function activeRun(incident: Pick<Incident, 'playbookRuns'>) {
  const last = incident.playbookRuns.at(-1);
  return last && last.endedAt === undefined ? last : undefined;
}

/** The incident clocks a playbook machine reads (`incident.clock.set`), from the key times. */
export function playbookIncidentClocks(incident: Pick<Incident, 'keyTimes' | 'createdAt'>): {
  declared: number;
  detected?: number;
  aware?: number;
} {
  const { detected, aware } = incident.keyTimes;
  return {
    declared: incident.createdAt,
    ...(detected ? { detected: detected.at } : {}),
    ...(aware ? { aware: aware.at } : {}),
  };
}
