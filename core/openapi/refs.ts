import { appendPointer, isObject, valueAt } from './pointer';

// `$ref` handling. References are followed lazily, one chain at a time, with a set of the
// pointers already visited, so circular schemas are fine and a loop of `$ref`s that never
// reaches a value is reported instead of followed. External references are never fetched.

/** A resolved value and the pointer it was found at. */
export type Resolved = { readonly value: unknown; readonly pointer: string };

/** A `$ref` problem found by the up-front scan. */
export type RefIssue = {
  readonly pointer: string;
  readonly ref: string;
  readonly kind: 'external' | 'missing' | 'cycle';
};

const refOf = (value: unknown): string | null =>
  isObject(value) && typeof value.$ref === 'string' ? value.$ref : null;

/** The pointer a local `$ref` names, or null for an external one. */
export function localTarget(ref: string): string | null {
  if (!ref.startsWith('#')) return null;
  const fragment = ref.slice(1);
  if (!fragment.includes('%')) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

// Reference targets are looked up many times (every operation's schemas meet the same
// components): each root keeps the value found at each target pointer.
const TARGETS = new WeakMap<object, Map<string, unknown>>();

/** The value at a local pointer of a document, looked up once per document. */
export function targetValue(root: unknown, target: string): unknown {
  if (typeof root !== 'object' || root === null) return valueAt(root, target);
  let cache = TARGETS.get(root);
  if (!cache) {
    cache = new Map();
    TARGETS.set(root, cache);
  }
  if (cache.has(target)) return cache.get(target);
  const value = valueAt(root, target);
  cache.set(target, value);
  return value;
}

/** Follows a chain of `$ref`s from the first, with a set of the pointers visited. */
function follow(root: unknown, first: string, pointer: string): Resolved {
  const seen = new Set<string>();
  let current: Resolved = { value: { $ref: first }, pointer };
  for (;;) {
    const ref = refOf(current.value);
    if (ref === null) return current;
    const target = localTarget(ref);
    if (target === null || seen.has(target)) return { value: undefined, pointer: current.pointer };
    seen.add(target);
    current = { value: targetValue(root, target), pointer: target };
  }
}

// Where each `$ref` string of a document leads, worked out once: the same references are
// followed for every operation and every schema walk. null: the reference is external,
// and the result keeps the pointer it was met at.
const CHAINS = new WeakMap<object, Map<string, Resolved | null>>();

/**
 * Follows `$ref`s from a value until a non-reference value. External, missing or circular
 * chains resolve to undefined (the scan reports them once, up front). The result may be
 * shared with other calls: it is read-only.
 */
export function deref(root: unknown, value: unknown, pointer: string): Resolved {
  const ref = refOf(value);
  // Most values are not references: no bookkeeping for them.
  if (ref === null) return { value, pointer };
  if (typeof root !== 'object' || root === null) return follow(root, ref, pointer);
  let chains = CHAINS.get(root);
  if (!chains) {
    chains = new Map();
    CHAINS.set(root, chains);
  }
  let chain = chains.get(ref);
  if (chain === undefined) {
    chain = localTarget(ref) === null ? null : follow(root, ref, '');
    chains.set(ref, chain);
  }
  return chain ?? { value: undefined, pointer };
}

/** The value a `$ref` chain from `value` ends at (deref's value, without its pointer). */
export function derefValue(root: unknown, value: unknown): unknown {
  return refOf(value) === null ? value : deref(root, value, '').value;
}

/**
 * Every `$ref` in the document checked once: external, missing targets, pure cycles.
 * `refs`: for a tree from JSON.parse, every distinct `$ref` string outside examples
 * (readSource gathers them in its depth walk). Most descriptions have no problem: then
 * checking those strings is all, and the tree is walked to place problems only if one
 * has one. Such a tree never shares objects, so nodes need not be remembered; without
 * `refs` (YAML, whose aliases can share them) they are.
 */
export function scanRefs(root: unknown, refs?: ReadonlySet<string>): RefIssue[] {
  const issues: RefIssue[] = [];
  // What each distinct `$ref` string leads to, worked out once (null: a value).
  const verdicts = new Map<string, RefIssue['kind'] | null>();
  const verdict = (ref: string): RefIssue['kind'] | null => {
    let kind = verdicts.get(ref);
    if (kind !== undefined) return kind;
    const target = localTarget(ref);
    if (target === null) kind = 'external';
    else if (targetValue(root, target) === undefined) kind = 'missing';
    else if (deref(root, { $ref: ref }, '').value === undefined) kind = 'cycle';
    else kind = null;
    verdicts.set(ref, kind);
    return kind;
  };
  if (typeof root !== 'object' || root === null) return issues;
  if (refs !== undefined && [...refs].every((ref) => verdict(ref) === null)) return issues;
  // Every object reached, with its parent's index and its key there: a pointer is only
  // spelled out for the few nodes that have a problem.
  const parents: number[] = [-1];
  const keys: string[] = [''];
  const objects: object[] = [];
  const pointerOf = (index: number): string => {
    const tokens: string[] = [];
    for (let i = index; i > 0; i = parents[i] ?? 0) tokens.push(keys[i] ?? '');
    return tokens.reduceRight((p, k) => appendPointer(p, k), '');
  };
  objects.push(root);
  const stack: number[] = [0];
  const seen = refs !== undefined ? null : new Set<object>();
  for (let index = stack.pop(); index !== undefined; index = stack.pop()) {
    const record = objects[index] as Record<string, unknown>;
    if (seen) {
      if (seen.has(record)) continue;
      seen.add(record);
    }
    const ref = refOf(record);
    if (ref !== null) {
      const kind = verdict(ref);
      if (kind !== null) issues.push({ pointer: pointerOf(index), ref, kind });
    }
    for (const k in record) {
      const v = record[k];
      if (typeof v !== 'object' || v === null || k === 'example' || k === 'examples') continue;
      stack.push(objects.length);
      objects.push(v);
      parents.push(index);
      keys.push(k);
    }
  }
  return issues.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
