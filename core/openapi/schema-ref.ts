import { isObject } from './pointer';
import type { Resolved } from './refs';
import { deref } from './refs';

// What a schema's `$ref` leads to, per document and `$ref` string. deref follows a chain
// from a value's `$ref` alone, so the answer for one string holds wherever it is written;
// a schema walk meets the same few hundred strings thousands of times.

const RESOLVED = new WeakMap<object, Map<string, Resolved>>();

/** deref(root, { $ref }, ''), looked up once per document and `$ref` string. */
export function derefString(root: unknown, $ref: string): Resolved {
  if (typeof root !== 'object' || root === null) return deref(root, { $ref }, '');
  let cache = RESOLVED.get(root);
  if (!cache) {
    cache = new Map();
    RESOLVED.set(root, cache);
  }
  let resolved = cache.get($ref);
  if (!resolved) {
    resolved = deref(root, { $ref }, '');
    cache.set($ref, resolved);
  }
  return resolved;
}

/** deref(root, value, pointer).value, a `$ref` looked up once per document and string. */
export function derefValue(root: unknown, value: unknown): unknown {
  if (!isObject(value)) return value;
  const $ref = value.$ref;
  return typeof $ref === 'string' ? derefString(root, $ref).value : value;
}
