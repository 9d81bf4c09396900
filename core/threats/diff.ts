import { compareText } from './generate';
import type { Asset, Element, Mitigation, ThreatModelSnapshot } from './model';
import type { ThreatModel } from './model';
import type { Severity } from './risk';
import type { ThreatRow } from './views';
import { threatRows } from './views';

// Compares two models (two signed-off versions, or a version and the working copy) for
// the side-by-side review: elements, assets, threats, ratings and mitigations added,
// removed or changed. Each change names the field with its value before and after.

/** One field that differs. */
export type FieldChange = {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
};
/** An item present on both sides with at least one differing field. */
export type Changed<T> = {
  readonly id: string;
  readonly before: T;
  readonly after: T;
  readonly changes: readonly FieldChange[];
};
/** Added, removed and changed items of one kind, each list ordered by id. */
export type Delta<T> = {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly Changed<T>[];
};

/** A rating change of one threat. */
export type RatingChange = {
  readonly threatId: string;
  readonly title: string;
  readonly elementName: string;
  readonly before: RatingSide;
  readonly after: RatingSide;
};
type RatingSide = {
  readonly likelihood: number;
  readonly impact: number;
  readonly severity: Severity;
  readonly overrideRationale: string | null;
};

/** A mitigation with the threat it belongs to. */
export type ThreatMitigation = Mitigation & { readonly threatId: string };

/** The structured comparison the review screen renders. */
export type ModelDiff = {
  readonly elements: Delta<Element>;
  readonly assets: Delta<Asset>;
  readonly threats: Delta<ThreatRow>;
  readonly ratings: readonly RatingChange[];
  readonly mitigations: Delta<ThreatMitigation>;
  /** True when nothing differs. */
  readonly same: boolean;
};

// JSON.stringify returns undefined for undefined, whatever its declared type says.
const json = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));

function fieldChanges(a: object, b: object, fields?: readonly string[]): FieldChange[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = fields ?? [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort(compareText);
  return keys
    .filter((k) => json(ra[k]) !== json(rb[k]))
    .map((k) => ({ field: k, before: ra[k], after: rb[k] }));
}

function delta<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  fields?: readonly string[],
): Delta<T> {
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  const order = (x: T, y: T) => compareText(key(x), key(y));
  const changed: Changed<T>[] = [];
  for (const [id, was] of a) {
    const now = b.get(id);
    if (now === undefined) continue;
    const changes = fieldChanges(was as object, now as object, fields);
    if (changes.length > 0) changed.push({ id, before: was, after: now, changes });
  }
  return {
    added: after.filter((t) => !a.has(key(t))).sort(order),
    removed: before.filter((t) => !b.has(key(t))).sort(order),
    changed: changed.sort((x, y) => compareText(x.id, y.id)),
  };
}

// Threat fields compared in the threats section; ratings and mitigations have their own,
// and element renames show under elements.
const THREAT_FIELDS = [
  'status',
  'acceptance',
  'notes',
  'stale',
  'staleReason',
  'title',
  'stride',
  'owasp',
] as const;

const side = (r: ThreatRow): RatingSide => ({
  likelihood: r.likelihood,
  impact: r.impact,
  severity: r.severity,
  overrideRationale: r.overrideRationale,
});

/** Compares two models; pass snapshots of versions or whole models. */
export function diffModels(before: ThreatModelSnapshot, after: ThreatModelSnapshot): ModelDiff {
  const ta = threatRows(before, { includeStale: true });
  const tb = threatRows(after, { includeStale: true });
  const ratingsBefore = new Map(ta.map((r) => [r.id, r]));
  const ratings: RatingChange[] = [];
  for (const r of tb) {
    const was = ratingsBefore.get(r.id);
    if (was && json(side(was)) !== json(side(r)))
      ratings.push({
        threatId: r.id,
        title: r.title,
        elementName: r.elementName,
        before: side(was),
        after: side(r),
      });
  }
  const mitigationsOf = (rows: readonly ThreatRow[]) =>
    rows.flatMap((r) => r.mitigations.map((m) => ({ ...m, threatId: r.id })));
  const result = {
    elements: delta(before.elements, after.elements, (e) => e.id),
    assets: delta(before.assets, after.assets, (a) => a.id),
    threats: delta(ta, tb, (r) => r.id, THREAT_FIELDS),
    ratings: ratings.sort((x, y) => compareText(x.threatId, y.threatId)),
    mitigations: delta(mitigationsOf(ta), mitigationsOf(tb), (m) => `${m.threatId} ${m.id}`),
  };
  const same =
    [result.elements, result.assets, result.threats, result.mitigations].every(
      (d) => d.added.length + d.removed.length + d.changed.length === 0,
    ) && result.ratings.length === 0;
  return { ...result, same };
}

/** Compares two signed-off versions of a model by number; null when one does not exist. */
export function diffVersions(model: ThreatModel, from: number, to: number): ModelDiff | null {
  const a = model.versions.find((v) => v.version === from);
  const b = model.versions.find((v) => v.version === to);
  return a && b ? diffModels(a.snapshot, b.snapshot) : null;
}
