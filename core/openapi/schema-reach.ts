import { deref } from './refs';

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
type State = 0 | 1;
type Frame = {
  readonly value: Schema;
  readonly state: State;
  readonly kids: readonly (readonly [Schema, State])[];
  next: number;
  readonly index: number;
  low: number;
  found: boolean;
  open: boolean;
};

const isPlainObject = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// For each document and filter, the answer per schema object and state (1: the name it
// sits under passes the filter's name test).
const ANSWERS = new WeakMap<
  object,
  WeakMap<ReachFilter, readonly [WeakMap<Schema, boolean>, WeakMap<Schema, boolean>]>
>();

function answersFor(root: object, filter: ReachFilter) {
  let byFilter = ANSWERS.get(root);
  if (!byFilter) {
    byFilter = new WeakMap();
    ANSWERS.set(root, byFilter);
  }
  let answers = byFilter.get(filter);
  if (!answers) {
    answers = [new WeakMap(), new WeakMap()];
    byFilter.set(filter, answers);
  }
  return answers;
}

/** A walk's view of a raw child: a plain object, `$ref`s followed as the walk does. */
function resolve(root: unknown, raw: unknown): Schema | null {
  if (!isPlainObject(raw)) return null;
  if (typeof raw.$ref !== 'string') return raw;
  const value = deref(root, raw, '').value;
  return isPlainObject(value) ? value : null;
}

const LISTS: Readonly<Record<string, true | undefined>> = Object.assign(
  Object.create(null) as Record<string, true>,
  { oneOf: true, anyOf: true, allOf: true },
);

/** The states a walk moves to from `value` in `state`: the same keywords walkSchema enters. */
function successors(
  root: unknown,
  value: Schema,
  state: State,
  filter: ReachFilter,
): (readonly [Schema, State])[] {
  const out: (readonly [Schema, State])[] = [];
  for (const k in value) {
    const v = value[k];
    if (LISTS[k] === true) {
      if (!Array.isArray(v)) continue;
      for (const item of v) {
        const s = resolve(root, item);
        if (s) out.push([s, state]);
      }
    } else if (k === 'items') {
      const s = isPlainObject(v) ? resolve(root, v) : null;
      if (s) out.push([s, state]);
    } else if (k === 'additionalProperties') {
      const s = isPlainObject(v) ? resolve(root, v) : null;
      if (s) out.push([s, filter.name(null) ? 1 : 0]);
    } else if (k === 'properties' && isPlainObject(v)) {
      for (const name of Object.keys(v)) {
        const s = resolve(root, v[name]);
        if (s) out.push([s, filter.name(name) ? 1 : 0]);
      }
    }
  }
  return out;
}

/**
 * Whether a walk from `top` under `topName` with this filter could keep a node. False
 * means walkSchema(root, top, topName, filter) is certainly empty. Iterative (Tarjan's
 * strongly connected components, so circular schemas get one answer for the whole
 * cycle), each state examined once per document.
 */
export function mayKeep(
  root: unknown,
  top: unknown,
  topName: string | null,
  filter: ReachFilter,
): boolean {
  if (typeof root !== 'object' || root === null) return true;
  const start = resolve(root, top);
  if (start === null) return false;
  const answers = answersFor(root, filter);
  const startState: State = filter.name(topName) ? 1 : 0;
  const known = answers[startState].get(start);
  if (known !== undefined) return known;

  const frames: [Map<Schema, Frame>, Map<Schema, Frame>] = [
    new Map<Schema, Frame>(),
    new Map<Schema, Frame>(),
  ];
  const component: Frame[] = [];
  const calls: Frame[] = [];
  let counter = 0;
  const enter = (value: Schema, state: State) => {
    const frame: Frame = {
      value,
      state,
      kids: successors(root, value, state, filter),
      next: 0,
      index: counter,
      low: counter,
      found: state === 1 && filter.schema(value),
      open: true,
    };
    counter++;
    frames[state].set(value, frame);
    component.push(frame);
    calls.push(frame);
  };
  enter(start, startState);
  for (let frame = calls.at(-1); frame !== undefined; frame = calls.at(-1)) {
    const kid = frame.kids[frame.next];
    if (kid !== undefined) {
      frame.next++;
      const [value, state] = kid;
      const answer = answers[state].get(value);
      if (answer !== undefined) {
        if (answer) frame.found = true;
        continue;
      }
      const seen = frames[state].get(value);
      if (seen === undefined) enter(value, state);
      else if (seen.open) frame.low = Math.min(frame.low, seen.index);
      continue;
    }
    calls.pop();
    const caller = calls[calls.length - 1];
    if (frame.low === frame.index) {
      // The root of a component: every member gets the component's answer.
      const members = component.splice(component.lastIndexOf(frame));
      const found = members.some((m) => m.found);
      for (const member of members) {
        member.open = false;
        answers[member.state].set(member.value, found);
      }
      if (caller && found) caller.found = true;
    } else if (caller) {
      caller.low = Math.min(caller.low, frame.low);
      if (frame.found) caller.found = true;
    }
  }
  return answers[startState].get(start) ?? true;
}
