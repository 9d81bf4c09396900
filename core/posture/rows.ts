import type { ThreatRow } from '../threats/views';
import { threatRows } from '../threats/views';
import type { ThreatModelRecord } from '../workspace/records';

// Threat rows are a pure function of an (immutable) model record; the design and
// regulatory figures read them for two periods on every recomputation, so each record's
// rows are made once and remembered for as long as the record object lives.
const cache = new WeakMap<ThreatModelRecord, readonly ThreatRow[]>();

/** The model's current (not stale) threat rows. */
export function rowsOf(model: ThreatModelRecord): readonly ThreatRow[] {
  let rows = cache.get(model);
  if (rows === undefined) {
    rows = threatRows(model);
    cache.set(model, rows);
  }
  return rows;
}

/** Groups items by a key in one pass, keeping their order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
