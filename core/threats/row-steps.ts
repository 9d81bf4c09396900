import { compareText } from './generate';
import type { ThreatModel } from './model';
import { severityRank } from './risk';
import { rowMaker, type ThreatRow } from './views';

// The threat table of a model with tens of thousands of threats takes long enough to
// build and sort that doing it in one go freezes the window. These steps produce exactly
// bySeverity(threatRows(model, options)), a slice at a time: the caller runs steps until
// its time budget is spent, lets the window draw, and resumes. Pure: no clock, no timers.

/** How far a stepped computation is, in units of work (built rows, then sorted rows). */
export type StepProgress = { readonly done: number; readonly total: number };

/** Rows built, or sorted, between two pauses. */
export const ROW_SLICE = 2000;

/**
 * bySeverity(threatRows(model, options)) as a generator: it yields its progress after each
 * slice of rows and returns the rows. Rows are grouped by (severity, element name) as
 * they are built, the groups are ordered, and each group is sorted by id on its own, so no
 * single step sorts more than one group.
 */
export function* sortedThreatRowSteps(
  model: Pick<ThreatModel, 'elements' | 'threats'>,
  options: { readonly includeStale?: boolean; readonly slice?: number } = {},
): Generator<StepProgress, ThreatRow[], void> {
  const slice = Math.max(1, options.slice ?? ROW_SLICE);
  const instances = model.threats.instances;
  const make = rowMaker(model);
  const groups = new Map<string, { rank: number; element: string; rows: ThreatRow[] }>();
  let kept = 0;
  // Building is the first half of the work, sorting the second (scaled to the rows kept).
  const total = instances.length * 2;
  for (let i = 0; i < instances.length; i += slice) {
    const end = Math.min(instances.length, i + slice);
    for (let j = i; j < end; j++) {
      const t = instances[j];
      if (t === undefined) continue;
      if (t.stale && options.includeStale !== true) continue;
      const row = make(t);
      const rank = severityRank(row.severity);
      const key = `${String(rank)}\u0000${row.elementName}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { rank, element: row.elementName, rows: [] };
        groups.set(key, group);
      }
      group.rows.push(row);
      kept += 1;
    }
    yield { done: end, total };
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.rank - a.rank || compareText(a.element, b.element),
  );
  const out: ThreatRow[] = [];
  let sinceYield = 0;
  for (const group of ordered) {
    // Array.prototype.sort is stable, as bySeverity's sort is: equal ids keep their order.
    group.rows.sort((a, b) => compareText(a.id, b.id));
    for (const row of group.rows) out.push(row);
    sinceYield += group.rows.length;
    if (sinceYield >= slice) {
      sinceYield = 0;
      yield {
        done: instances.length + Math.round((out.length * instances.length) / kept),
        total,
      };
    }
  }
  return out;
}

/** Runs a stepped computation to the end in one go (tests, and callers without a window). */
export function runSteps<P, T>(steps: Generator<P, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}
