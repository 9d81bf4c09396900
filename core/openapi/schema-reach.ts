import { derefString } from './schema-ref';

// Whether a filtered schema walk could keep anything at all, answered once per schema
// object for the whole document. A walk keeps a node when the name it sits under passes
// the filter's name test and its schema passes the schema test; names pass down through
// items and allOf/anyOf/oneOf, properties give their own, additionalProperties none.
// Following exactly the edges walkSchema follows, over every (schema, name passes) state
// reachable from the top, answers "no" only when no walk from there can keep a node: the
// walk visits a subset of those states (each object once, within its depth and node
// limits), so its result is then empty. Most responses of a large description carry no
// sensitive property, and this spares their walks (and the pointer of every node).

/** A walk's filter split into its two tests (see WalkFilter in schema-walk.ts). */
export type ReachFilter = {
  readonly name: (name: string | null) => boolean;
  readonly schema: (schema: Record<string, unknown>) => boolean;
};

type Schema = Record<string, unknown>;

// State s = 2 * (the schema object's number) + (1 when the name it sits under passes).
// Everything is in flat arrays indexed by state, kept per document and filter: this runs
// over every schema a description answers with, mostly before the JIT has compiled it,
// so it makes no object per state or edge.
const NEW = 0;
const OPEN = 1; // on the component stack
const NO = 2;
const YES = 3;

type Reach = {
  readonly numbers: Map<Schema, number>;
  readonly objects: Schema[];
  /** Per state: NEW, OPEN, NO or YES. */
  readonly mark: number[];
  /** Per open state: its depth-first index, the lowest index it reaches, whether it keeps. */
  readonly index: number[];
  readonly low: number[];
  readonly found: boolean[];
  /** What each `$ref` string leads to, as the walk sees it (null: not a schema object). */
  readonly refs: Map<string, Schema | null>;
  counter: number;
};

const REACH = new WeakMap<object, WeakMap<ReachFilter, Reach>>();

function reachFor(root: object, filter: ReachFilter): Reach {
  let byFilter = REACH.get(root);
  if (!byFilter) {
    byFilter = new WeakMap();
    REACH.set(root, byFilter);
  }
  let reach = byFilter.get(filter);
  if (!reach) {
    reach = {
      numbers: new Map(),
      objects: [],
      mark: [],
      index: [],
      low: [],
      found: [],
      refs: new Map(),
      counter: 0,
    };
    byFilter.set(filter, reach);
  }
  return reach;
}

const isPlainObject = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A walk's view of a raw schema: a plain object, `$ref`s followed as the walk does. */
function resolve(root: unknown, reach: Reach, raw: unknown): Schema | null {
  if (!isPlainObject(raw)) return null;
  const $ref = raw.$ref;
  if (typeof $ref !== 'string') return raw;
  let value = reach.refs.get($ref);
  if (value === undefined) {
    const target = derefString(root, $ref).value;
    value = isPlainObject(target) ? target : null;
    reach.refs.set($ref, value);
  }
  return value;
}

/** The state of a schema object: its number (given on first sight) twice, plus `passes`. */
function stateOf(reach: Reach, value: Schema, passes: boolean): number {
  let n = reach.numbers.get(value);
  if (n === undefined) {
    n = reach.objects.length;
    reach.numbers.set(value, n);
    reach.objects.push(value);
    // Both states at once, so that the arrays stay dense.
    reach.mark.push(NEW, NEW);
    reach.index.push(0, 0);
    reach.low.push(0, 0);
    reach.found.push(false, false);
  }
  return passes ? 2 * n + 1 : 2 * n;
}

const LIST = 1;
const ITEMS = 2;
const ADDITIONAL = 3;
const PROPERTIES = 4;
const KEYWORDS: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number>,
  { oneOf: LIST, anyOf: LIST, allOf: LIST, items: ITEMS, additionalProperties: ADDITIONAL },
  { properties: PROPERTIES },
);

// The raw children of the schema being entered and whether the name each sits under
// passes (scratch space, emptied as it is read).
const RAW: unknown[] = [];
const PASSES: boolean[] = [];

/** Fills RAW and PASSES with what a walk enters from `value` (see walkSchema); how many. */
function gather(value: Schema, passes: boolean, filter: ReachFilter): number {
  let n = 0;
  for (const k in value) {
    const kind = KEYWORDS[k];
    if (kind === undefined) continue;
    const v = value[k];
    if (kind === LIST) {
      if (!Array.isArray(v)) continue;
      // Backwards (the order does not change the answer; no iterator in a cold loop).
      for (let i = v.length - 1; i >= 0; i--) {
        RAW[n] = v[i];
        PASSES[n++] = passes;
      }
    } else if (kind === PROPERTIES) {
      if (!isPlainObject(v)) continue;
      for (const name in v) {
        RAW[n] = v[name];
        PASSES[n++] = filter.name(name);
      }
    } else {
      RAW[n] = v;
      PASSES[n++] = kind === ITEMS ? passes : filter.name(null);
    }
  }
  return n;
}

/**
 * Whether a walk from `top` under `topName` with this filter could keep a node. False
 * means walkSchema(root, top, topName, filter) is certainly empty. Iterative (Tarjan's
 * strongly connected components, so circular schemas get one answer for the whole
 * cycle), each state examined once per document. A leaf (a schema without children, as
 * most properties are) is answered on the spot and gets no state.
 */
export function mayKeep(
  root: unknown,
  top: unknown,
  topName: string | null,
  filter: ReachFilter,
): boolean {
  if (typeof root !== 'object' || root === null) return true;
  const reach = reachFor(root, filter);
  const start = resolve(root, reach, top);
  if (start === null) return false;
  const first = stateOf(reach, start, filter.name(topName));
  const { mark, index, low, found, objects } = reach;
  if (mark[first] === YES) return true;
  if (mark[first] === NO) return false;

  // The states still to answer, and the depth-first path: per frame its state and where
  // its successors begin in `edges`, a stack too (a frame reads its own from the top,
  // above them those of the frame it entered, gone by the time it reads on).
  const component: number[] = [];
  const path: number[] = [];
  const begin: number[] = [];
  const edges: number[] = [];
  for (let entering = first; ;) {
    if (entering >= 0) {
      // Enter a state: number it, then its successors, those already answered read now.
      const value = objects[entering >> 1] ?? {};
      const passes = (entering & 1) === 1;
      mark[entering] = OPEN;
      index[entering] = reach.counter;
      low[entering] = reach.counter;
      reach.counter++;
      path.push(entering);
      begin.push(edges.length);
      component.push(entering);
      let keeps = passes && filter.schema(value);
      const n = gather(value, passes, filter);
      for (let i = 0; i < n; i++) {
        const s = resolve(root, reach, RAW[i]);
        const p = PASSES[i] === true;
        RAW[i] = undefined;
        if (s === null) continue;
        let leaf = true;
        for (const k in s)
          if (KEYWORDS[k] !== undefined) {
            leaf = false;
            break;
          }
        if (leaf) {
          if (p && !keeps && filter.schema(s)) keeps = true;
          continue;
        }
        const t = stateOf(reach, s, p);
        const m = mark[t];
        if (m === YES) keeps = true;
        else if (m !== NO) edges.push(t);
      }
      found[entering] = keeps;
      entering = -1;
    }
    const depth = path.length;
    if (depth === 0) break;
    const state = path[depth - 1] ?? 0;
    if (edges.length > (begin[depth - 1] ?? 0)) {
      const t = edges.pop() ?? 0;
      const m = mark[t];
      if (m === NEW) entering = t;
      else if (m === OPEN) {
        if ((index[t] ?? 0) < (low[state] ?? 0)) low[state] = index[t] ?? 0;
      } else if (m === YES) found[state] = true;
      continue;
    }
    path.pop();
    begin.pop();
    const caller = depth > 1 ? (path[depth - 2] ?? -1) : -1;
    if (low[state] === index[state]) {
      // The root of a component: every member gets the component's answer.
      let keeps = false;
      let from = component.length - 1;
      while (component[from] !== state) from--;
      for (let i = from; i < component.length; i++) if (found[component[i] ?? 0]) keeps = true;
      for (let i = from; i < component.length; i++) mark[component[i] ?? 0] = keeps ? YES : NO;
      component.length = from;
      if (caller >= 0 && keeps) found[caller] = true;
    } else if (caller >= 0) {
      if ((low[state] ?? 0) < (low[caller] ?? 0)) low[caller] = low[state] ?? 0;
      if (found[state]) found[caller] = true;
    }
  }
  return mark[first] === YES;
}
