import { escapeToken, isObject } from './pointer';
import type { ReachFilter } from './schema-reach';
import { mayKeep } from './schema-reach';
import { derefString, derefValue } from './schema-ref';
import type { SchemaRef } from './types';

// Walks a schema and everything it nests (properties, items, allOf/anyOf/oneOf,
// additionalProperties), following `$ref`s. Iterative, depth-limited and visiting each
// schema object once per walk, so circular schemas end and deep ones cannot overflow.

/** One schema reached by a walk: its resolved object, where it is, and under which name. */
export type SchemaNode = {
  readonly schema: Record<string, unknown>;
  readonly pointer: string;
  /** The property name it sits under (null at the top or under items/allOf). */
  readonly name: string | null;
};

const WALK_DEPTH = 32;
const WALK_NODES = 2000;

/**
 * Which nodes a walk keeps (all when absent): those whose name passes `name` and whose
 * schema passes `schema`. A walk that only needs a few nodes, such as the sensitive
 * properties of a response, makes no node for the others, and is not made at all when
 * no node it could reach passes both (schema-reach.ts). `id` names the filter in the
 * per-document cache.
 */
export type WalkFilter = ReachFilter & { readonly id: string };

const NOTHING: readonly SchemaNode[] = Object.freeze([]);

/** A walk's nodes, the objects it visited, and whether it would be the same one level down. */
type Walk = {
  readonly nodes: readonly SchemaNode[];
  readonly seen: ReadonlySet<object>;
  /** Ended with its stack empty, below both limits by one node and one level. */
  readonly shiftable: boolean;
};

const SKIPPED: Walk = { nodes: NOTHING, seen: new Set(), shiftable: true };

// A schema reached through a local `$ref` walks the same way wherever it is used (its
// pointers start at the target), so each document keeps those walks: a thousand
// operations answering with the same component walk it once.
const WALKS = new WeakMap<object, Map<string, Walk>>();

function refWalk(
  root: object,
  ref: SchemaRef,
  $ref: string,
  topName: string | null,
  filter: WalkFilter | null,
): Walk {
  let cache = WALKS.get(root);
  if (!cache) {
    cache = new Map();
    WALKS.set(root, cache);
  }
  const key = `${filter === null ? '' : `${filter.id}|`}${topName === null ? '' : `${topName.length}:${topName}`}#${$ref}`;
  let found = cache.get(key);
  if (!found) {
    found = walk(root, ref, topName, filter);
    cache.set(key, found);
  }
  return found;
}

/** A schema's `items` when it is a `$ref` and the only keyword a walk enters, else null. */
function onlyItemsRef(schema: Record<string, unknown>): { $ref: string } | null {
  let items: unknown = null;
  for (const k in schema) {
    if (KEYWORDS[k] === undefined) continue;
    if (k !== 'items') return null;
    items = schema[k];
  }
  return isPlainObject(items) && typeof items.$ref === 'string' ? { $ref: items.$ref } : null;
}

/** Every schema node under a schema (or those `filter` keeps), top first, each once. Do not modify the result. */
export function walkSchema(
  root: unknown,
  ref: SchemaRef | null,
  topName: string | null = null,
  filter: WalkFilter | null = null,
): readonly SchemaNode[] {
  if (ref === null) return [];
  if (filter !== null && !mayKeep(root, ref.schema, topName, filter)) return NOTHING;
  const top = ref.schema;
  if (!isPlainObject(top) || typeof root !== 'object' || root === null)
    return walk(root, ref, topName, filter).nodes;
  if (typeof top.$ref === 'string') return refWalk(root, ref, top.$ref, topName, filter).nodes;
  // A list of a component ({ type: array, items: { $ref } }, most list responses): the
  // top, then the component's walk, which is the same one level down (names pass through
  // items, pointers start at the target) if it reached neither limit nor the top itself.
  const items = onlyItemsRef(top);
  if (items !== null) {
    const below: SchemaRef = { schema: items, pointer: '' };
    const tail =
      filter !== null && !mayKeep(root, items, topName, filter)
        ? SKIPPED
        : refWalk(root, below, items.$ref, topName, filter);
    if (tail.shiftable && !tail.seen.has(top)) {
      if (filter !== null && !(filter.name(topName) && filter.schema(top))) return tail.nodes;
      return [{ schema: top, pointer: ref.pointer, name: topName }, ...tail.nodes];
    }
  }
  return walk(root, ref, topName, filter).nodes;
}

// The keywords whose values a walk enters, by slot: the lists first (pushed oneOf first
// so that allOf comes off the stack first), then additionalProperties, items, properties.
const LISTS = ['oneOf', 'anyOf', 'allOf'] as const;
const ADDITIONAL = 3;
const ITEMS = 4;
const PROPERTIES = 5;
const KEYWORDS: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number>,
  { oneOf: 0, anyOf: 1, allOf: 2, additionalProperties: 3, items: 4, properties: 5 },
);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A walk's nodes in visiting order, each with how its pointer is spelled: either in full
 * (the top, or a `$ref` target) or as its parent's plus one step (a keyword and a
 * property name or list index). Pointers are spelled out only for the nodes kept, most
 * filtered walks keep a handful of hundreds.
 */
type Visits = {
  readonly pointers: (string | undefined)[];
  readonly parents: number[];
  readonly slots: number[];
  readonly keys: (string | number)[];
};

function pointerOf(visits: Visits, v: number): string {
  const known = visits.pointers[v];
  if (known !== undefined) return known;
  const base = pointerOf(visits, visits.parents[v] ?? 0);
  const slot = visits.slots[v] ?? 0;
  const key = visits.keys[v] ?? '';
  const pointer =
    slot === PROPERTIES
      ? `${base}/properties/${escapeToken(String(key))}`
      : slot === ITEMS
        ? `${base}/items`
        : slot === ADDITIONAL
          ? `${base}/additionalProperties`
          : `${base}/${LISTS[slot] ?? ''}/${String(key)}`;
  visits.pointers[v] = pointer;
  return pointer;
}

/** A walk's working arrays (see walk). */
type Scratch = {
  readonly visits: Visits;
  readonly raws: unknown[];
  readonly parents: number[];
  readonly slots: number[];
  readonly keys: (string | number)[];
  readonly names: (string | null)[];
  readonly depths: number[];
  readonly kids: unknown[];
};

const newScratch = (): Scratch => ({
  visits: { pointers: [], parents: [], slots: [], keys: [] },
  raws: [],
  parents: [],
  slots: [],
  keys: [],
  names: [],
  depths: [],
  kids: [undefined, undefined, undefined, undefined, undefined, undefined],
});

// Walks do not nest (a filter's tests do not walk), so one set of working arrays serves
// them all: a walk of a few nodes, as most request bodies are, allocates little. A walk
// that finds it taken (it never is) makes its own.
let spare: Scratch | null = newScratch();

function walk(
  root: unknown,
  ref: SchemaRef,
  topName: string | null,
  filter: WalkFilter | null,
): Walk {
  const scratch = spare ?? newScratch();
  spare = null;
  try {
    return walkWith(scratch, root, ref, topName, filter);
  } finally {
    scratch.kids.fill(undefined);
    spare = scratch;
  }
}

function walkWith(
  scratch: Scratch,
  root: unknown,
  ref: SchemaRef,
  topName: string | null,
  filter: WalkFilter | null,
): Walk {
  const out: SchemaNode[] = [];
  const seen = new Set<object>();
  const { visits, raws, parents, slots, keys, names, depths, kids } = scratch;
  visits.pointers.length = 0;
  visits.parents.length = 0;
  visits.slots.length = 0;
  visits.keys.length = 0;
  let visited = 0;
  let deep = false;
  // The stack as parallel arrays with one index (no tuple or call per child: this loop
  // runs for every schema of a description, often before the JIT has optimised it): a
  // child's raw schema, the visit it hangs under, its slot (keyword) and key there, its
  // name and depth. Children are pushed last first so they come off in document order:
  // properties, items, additionalProperties, allOf, anyOf, oneOf.
  raws[0] = ref.schema;
  parents[0] = -1;
  slots[0] = -1;
  keys[0] = 0;
  names[0] = topName;
  depths[0] = 0;
  let top = 1;
  while (top > 0 && visited < WALK_NODES) {
    top--;
    const raw = raws[top];
    const name = names[top] ?? null;
    const depth = depths[top] ?? 0;
    raws[top] = undefined;
    if (depth >= WALK_DEPTH) {
      deep = true;
      if (depth > WALK_DEPTH) continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    let value = raw as Record<string, unknown>;
    let pointer: string | undefined;
    const $ref = value.$ref;
    if (typeof $ref === 'string') {
      const resolved = derefString(root, $ref);
      if (!isPlainObject(resolved.value)) continue;
      value = resolved.value;
      pointer = resolved.pointer;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    const v = visited++;
    const parent = parents[top] ?? -1;
    if (pointer === undefined && parent < 0) pointer = ref.pointer;
    visits.pointers.push(pointer);
    visits.parents.push(parent);
    visits.slots.push(slots[top] ?? 0);
    visits.keys.push(keys[top] ?? 0);
    if (filter === null || (filter.name(name) && filter.schema(value)))
      out.push({ schema: value, pointer: pointerOf(visits, v), name });
    const next = depth + 1;
    // The keywords with children, found in one pass over the schema's keys (a schema
    // has a handful; asking for each of six keywords that are mostly absent costs more).
    let any = false;
    for (const k in value) {
      const at = KEYWORDS[k];
      if (at !== undefined) {
        kids[at] = value[k];
        any = true;
      }
    }
    if (!any) continue;
    for (let c = 0; c < LISTS.length; c++) {
      const list = kids[c];
      kids[c] = undefined;
      if (!Array.isArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        raws[top] = list[i];
        parents[top] = v;
        slots[top] = c;
        keys[top] = i;
        names[top] = name;
        depths[top] = next;
        top++;
      }
    }
    const additional = kids[ADDITIONAL];
    kids[ADDITIONAL] = undefined;
    if (isPlainObject(additional)) {
      raws[top] = additional;
      parents[top] = v;
      slots[top] = ADDITIONAL;
      names[top] = null;
      depths[top] = next;
      top++;
    }
    const items = kids[ITEMS];
    kids[ITEMS] = undefined;
    if (isPlainObject(items)) {
      raws[top] = items;
      parents[top] = v;
      slots[top] = ITEMS;
      names[top] = name;
      depths[top] = next;
      top++;
    }
    const properties = kids[PROPERTIES];
    kids[PROPERTIES] = undefined;
    if (isPlainObject(properties)) {
      const keyList = Object.keys(properties);
      for (let i = keyList.length - 1; i >= 0; i--) {
        const k = keyList[i] ?? '';
        raws[top] = properties[k];
        parents[top] = v;
        slots[top] = PROPERTIES;
        keys[top] = k;
        names[top] = k;
        depths[top] = next;
        top++;
      }
    }
  }
  // Let go of the schemas left on the stack (a walk stopped at the node limit).
  for (let i = 0; i < top; i++) raws[i] = undefined;
  return { nodes: out, seen, shiftable: !deep && top === 0 && visited < WALK_NODES };
}

/** The schema's type(s): `type` as a string or a 3.1 array, or implied by its keywords. */
export function typesOf(schema: Record<string, unknown>): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if (isObject(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

/** Whether typesOf(schema) includes `type`, without building the list. */
export function hasType(schema: Record<string, unknown>, type: string): boolean {
  const t = schema.type;
  if (typeof t === 'string') return t === type;
  if (Array.isArray(t)) return t.includes(type);
  if (isObject(schema.properties)) return type === 'object';
  if (schema.items !== undefined) return type === 'array';
  return false;
}

const ENVELOPES = ['items', 'data', 'results', 'records', 'content', 'entries', 'values'];

/** Whether a schema's top (resolved) is an array or wraps a list in a common envelope. */
export function returnsList(root: unknown, ref: SchemaRef | null): boolean {
  if (ref === null) return false;
  const top = derefValue(root, ref.schema);
  if (!isObject(top)) return false;
  if (hasType(top, 'array')) return true;
  const props = top.properties;
  if (!isObject(props)) return false;
  for (const k of ENVELOPES) {
    const raw = props[k];
    if (raw === undefined) continue;
    const p = derefValue(root, raw);
    if (isObject(p) && hasType(p, 'array')) return true;
  }
  return false;
}
