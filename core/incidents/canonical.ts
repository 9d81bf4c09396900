// Canonical JSON for hashing, after RFC 8785 (JSON Canonicalization Scheme): object keys
// sorted by UTF-16 code units, no whitespace, strings escaped as ECMAScript's
// JSON.stringify escapes them, numbers written as ECMAScript writes them (so 1.0 is `1`
// and -0 is `0`). Object members whose value is `undefined` are left out, as
// JSON.stringify leaves them out, so an absent optional field and a missing key hash the
// same. Anything that is not JSON (NaN, Infinity, undefined in an array, functions,
// bigints, symbols) is refused rather than silently changed, because a hash over a value
// that JSON cannot carry could never be verified from an export.
//
// Differences from RFC 8785: none for the values a timeline holds (JSON from JSON.parse
// and plain objects); RFC 8785 additionally requires I-JSON input (no lone surrogates),
// which this function does not check: a lone surrogate is escaped as JSON.stringify does.

/** Thrown when a value cannot be written as canonical JSON; names the path. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path || 'value'}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

/** The canonical JSON text of `value` (sorted keys, no whitespace; see the file comment). */
export function canonicalJson(value: unknown): string {
  return write(value, '', undefined);
}

/** Canonical JSON of an object without one of its top-level members (hashing `hash`-less). */
export function canonicalJsonWithout(value: object, omit: string): string {
  return write(value, '', omit);
}

function write(value: unknown, path: string, omit: string | undefined): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, 'numbers must be finite.');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined)
            throw new CanonicalJsonError(`${path}[${i}]`, 'undefined is not JSON.');
          items.push(write(item, `${path}[${i}]`, undefined));
        }
        return `[${items.join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      // A Date, Map or class instance would hash as `{}`: refuse it instead.
      if (proto !== Object.prototype && proto !== null)
        throw new CanonicalJsonError(path, 'only plain objects are JSON.');
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record).sort();
      const members: string[] = [];
      for (const key of keys) {
        const member = record[key];
        if (member === undefined || key === omit) continue;
        members.push(
          `${JSON.stringify(key)}:${write(member, path ? `${path}.${key}` : key, undefined)}`,
        );
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} is not JSON.`);
  }
}
