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
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/**
 * Follows `$ref`s from a value until a non-reference value. External, missing or circular
 * chains resolve to undefined (the scan reports them once, up front).
 */
export function deref(root: unknown, value: unknown, pointer: string): Resolved {
  let current: Resolved = { value, pointer };
  const seen = new Set<string>();
  for (;;) {
    const ref = refOf(current.value);
    if (ref === null) return current;
    const target = localTarget(ref);
    if (target === null || seen.has(target)) return { value: undefined, pointer: current.pointer };
    seen.add(target);
    current = { value: valueAt(root, target), pointer: target };
  }
}

/** Every `$ref` in the document checked once: external, missing targets, pure cycles. */
export function scanRefs(root: unknown): RefIssue[] {
  const issues: RefIssue[] = [];
  const stack: [unknown, string][] = [[root, '']];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [node, pointer] = top;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const ref = refOf(node);
    if (ref !== null) {
      const target = localTarget(ref);
      if (target === null) issues.push({ pointer, ref, kind: 'external' });
      else if (valueAt(root, target) === undefined) issues.push({ pointer, ref, kind: 'missing' });
      else if (deref(root, node, pointer).value === undefined)
        issues.push({ pointer, ref, kind: 'cycle' });
    }
    for (const [k, v] of Object.entries(node))
      if (typeof v === 'object' && v !== null && k !== 'example' && k !== 'examples')
        stack.push([v, appendPointer(pointer, k)]);
  }
  return issues.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
