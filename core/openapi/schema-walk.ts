import { appendPointer, isObject } from './pointer';
import { deref } from './refs';
import type { ReachFilter } from './schema-reach';
import { mayKeep } from './schema-reach';
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

// A schema reached through a local `$ref` walks the same way wherever it is used (its
// pointers start at the target), so each document keeps those walks: a thousand
// operations answering with the same component walk it once.
const WALKS = new WeakMap<object, Map<string, readonly SchemaNode[]>>();

/** Every schema node under a schema (or those `filter` keeps), top first, each once. Do not modify the result. */
export function walkSchema(
  root: unknown,
  ref: SchemaRef | null,
  topName: string | null = null,
  filter: WalkFilter | null = null,
): readonly SchemaNode[] {
  if (ref === null) return [];
  if (filter !== null && !mayKeep(root, ref.schema, topName, filter)) return NOTHING;
  const $ref = isObject(ref.schema) ? ref.schema.$ref : undefined;
  if (typeof $ref !== 'string' || typeof root !== 'object' || root === null)
    return walk(root, ref, topName, filter);
  let cache = WALKS.get(root);
  if (!cache) {
    cache = new Map();
    WALKS.set(root, cache);
  }
  const key = `${filter === null ? '' : `${filter.id}|`}${topName === null ? '' : `${topName.length}:${topName}`}#${$ref}`;
  let nodes = cache.get(key);
  if (!nodes) {
    nodes = walk(root, ref, topName, filter);
    cache.set(key, nodes);
  }
  return nodes;
}

// The keywords whose values a walk enters, by slot: the lists first (pushed oneOf first
// so that allOf comes off the stack first), then additionalProperties, items, properties.
const LISTS = ['oneOf', 'anyOf', 'allOf'] as const;
const KEYWORDS: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number>,
  { oneOf: 0, anyOf: 1, allOf: 2, additionalProperties: 3, items: 4, properties: 5 },
);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(
  root: unknown,
  ref: SchemaRef,
  topName: string | null,
  filter: WalkFilter | null,
): SchemaNode[] {
  const out: SchemaNode[] = [];
  const seen = new Set<object>();
  let visited = 0;
  // The stack as parallel arrays with one index (no tuple or call per child: this loop
  // runs for every schema of a description, often before the JIT has optimised it).
  // Children are pushed last first so they come off in document order: properties,
  // items, additionalProperties, allOf, anyOf, oneOf.
  const raws: unknown[] = [ref.schema];
  const pointers: string[] = [ref.pointer];
  const names: (string | null)[] = [topName];
  const depths: number[] = [0];
  let top = 1;
  const push = (raw: unknown, pointer: string, name: string | null, depth: number) => {
    raws[top] = raw;
    pointers[top] = pointer;
    names[top] = name;
    depths[top] = depth;
    top++;
  };
  const pushList = (list: readonly unknown[], base: string, name: string | null, depth: number) => {
    for (let i = list.length - 1; i >= 0; i--) push(list[i], `${base}${String(i)}`, name, depth);
  };
  const kids: unknown[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  while (top > 0 && visited < WALK_NODES) {
    top--;
    const raw = raws[top];
    let pointer = pointers[top] ?? '';
    const name = names[top] ?? null;
    const depth = depths[top] ?? 0;
    raws[top] = undefined;
    if (depth > WALK_DEPTH || !isPlainObject(raw)) continue;
    let value = raw;
    if (typeof raw.$ref === 'string') {
      const resolved = deref(root, raw, pointer);
      if (!isPlainObject(resolved.value)) continue;
      value = resolved.value;
      pointer = resolved.pointer;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    visited++;
    if (filter === null || (filter.name(name) && filter.schema(value)))
      out.push({ schema: value, pointer, name });
    const next = depth + 1;
    // The keywords with children, found in one pass over the schema's keys (a schema
    // has a handful; asking for each of six keywords that are mostly absent costs more).
    kids.fill(undefined);
    for (const k in value) {
      const at = KEYWORDS[k];
      if (at !== undefined) kids[at] = value[k];
    }
    for (let c = 0; c < LISTS.length; c++) {
      const list = kids[c];
      if (Array.isArray(list)) pushList(list, `${pointer}/${LISTS[c] ?? ''}/`, name, next);
    }
    const additional = kids[3];
    if (isPlainObject(additional)) push(additional, `${pointer}/additionalProperties`, null, next);
    const items = kids[4];
    if (isPlainObject(items)) push(items, `${pointer}/items`, name, next);
    const properties = kids[5];
    if (isPlainObject(properties)) {
      const keys = Object.keys(properties);
      const base = `${pointer}/properties`;
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] ?? '';
        raws[top] = properties[k];
        pointers[top] = appendPointer(base, k);
        names[top] = k;
        depths[top] = next;
        top++;
      }
    }
  }
  return out;
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

/** Whether a schema's top (resolved) is an array or wraps a list in a common envelope. */
export function returnsList(root: unknown, ref: SchemaRef | null): boolean {
  if (ref === null) return false;
  const top = deref(root, ref.schema, ref.pointer).value;
  if (!isObject(top)) return false;
  if (hasType(top, 'array')) return true;
  const props = isObject(top.properties) ? top.properties : {};
  return ['items', 'data', 'results', 'records', 'content', 'entries', 'values'].some((k) => {
    const p = deref(root, props[k], '').value;
    return isObject(p) && hasType(p, 'array');
  });
}
