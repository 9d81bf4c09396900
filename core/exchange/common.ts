import { ID_PATTERN, MAX_NAME, MAX_TEXT, RULE_ID_PATTERN } from '../threats/schema-elements';

// Helpers shared by the importers: JSON values read defensively, JSON pointers, clean
// text and safe ids. The severity and STRIDE words are in vocabulary.ts, geometry in
// geometry.ts, and the draft that becomes a model only once it validates in draft.ts.

export type Json = null | boolean | number | string | readonly Json[] | { [k: string]: Json };
export type JsonObject = Readonly<Record<string, Json>>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
export const asBool = (v: unknown): boolean => v === true || v === 'true';
export const asNumber = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** `/a/b~1c/0` from segments (RFC 6901). */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Segments of a pointer produced by `pointer`. */
export function segmentsOf(p: string): (string | number)[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

// Control characters other than tab and line breaks are removed: the model refuses them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text cleaned for a model field and cut to `max` characters (cut marked with …). */
export function cleanText(value: unknown, max = MAX_TEXT): string {
  const s = asString(value).replace(CONTROL, '').replace(/\r\n?/g, '\n');
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** A name (1 to 200 characters, line breaks kept as drawn), or `fallback` when there is none. */
export function cleanName(value: unknown, fallback: string): string {
  const s = cleanText(value, 100_000).trim();
  const name = s === '' ? fallback : s;
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME - 1) + '…' : name;
}

/** Allocates ids that satisfy the model's patterns, keeping the source's where it can. */
export class IdPool {
  private readonly used = new Set<string>();
  constructor(
    private readonly pattern: RegExp = ID_PATTERN,
    private readonly maxLength = 100,
  ) {}

  take(raw: unknown, prefix: string): string {
    const s = asString(raw);
    let base = s;
    if (!this.pattern.test(base)) {
      base = s
        .replace(this.pattern === RULE_ID_PATTERN ? /[^A-Za-z0-9._-]+/g : /[^A-Za-z0-9._:-]+/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .slice(0, this.maxLength - 8);
      if (base === '' || !this.pattern.test(base)) base = prefix;
    }
    let id = base;
    for (let n = 2; this.used.has(id) || !this.pattern.test(id); n++)
      id = `${base.slice(0, this.maxLength - 8)}-${n}`;
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}

export const catalogueIds = (): IdPool => new IdPool(RULE_ID_PATTERN, 60);

/** The text without a leading byte-order mark (Windows tools write one). */
export const stripBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
