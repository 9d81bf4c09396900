import { lineColumnAt, locateJsonError } from '../shared/json-errors';
import { locateJsonPath } from '../threats/json-locate';
import type {
  ElementKind,
  Layout,
  Level,
  MitigationStatus,
  Stride,
  ThreatStatus,
} from '../threats/model';
import { threatInstanceId } from '../threats/model';
import type { Severity } from '../threats/risk';
import { severity as matrixSeverity } from '../threats/risk';
import { validateThreatModel } from '../threats/schema';
import { ID_PATTERN, MAX_NAME, MAX_TEXT, RULE_ID_PATTERN } from '../threats/schema-elements';
import type {
  ExchangeError,
  ExchangeFormat,
  ExchangeNote,
  ImportOptions,
  ImportResult,
  Place,
} from './types';
import { MAX_EXCHANGE_BYTES, note } from './types';

// Helpers shared by the importers: clean text, safe ids, the severity scale, STRIDE names,
// geometry for containment, and the draft that becomes a model only once it validates.

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

/** A representative rating for each severity (likelihood × impact lands in its band). */
export const SEVERITY_RATING: Readonly<Record<Severity, { likelihood: Level; impact: Level }>> = {
  low: { likelihood: 1, impact: 1 },
  medium: { likelihood: 1, impact: 3 },
  elevated: { likelihood: 2, impact: 3 },
  high: { likelihood: 3, impact: 4 },
  critical: { likelihood: 4, impact: 4 },
};

/** Severity words used by other tools (High, Medium, Low, Critical, TBD). */
export function severityFromWord(word: unknown): Severity | null {
  const w = asString(word).trim().toLowerCase();
  if (w === 'critical' || w === 'very high') return 'critical';
  if (w === 'high') return 'high';
  if (w === 'elevated') return 'elevated';
  if (w === 'medium' || w === 'moderate') return 'medium';
  if (w === 'low' || w === 'info' || w === 'informational') return 'low';
  return null;
}

export function ratingOf(s: Severity): { likelihood: Level; impact: Level } {
  return SEVERITY_RATING[s];
}

export const levelOf = (n: number): Level => Math.min(4, Math.max(1, Math.round(n))) as Level;

/** Whether a likelihood and impact give the severity (for a check before trusting a score). */
export const fitsSeverity = (l: Level, i: Level, s: Severity): boolean =>
  matrixSeverity(l, i) === s;

const STRIDE_WORDS: Readonly<Record<string, Stride>> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  informationdisclosure: 'I',
  denialofservice: 'D',
  elevationofprivilege: 'E',
  elevationofprivileges: 'E',
};

// Other frameworks Threat Dragon offers, filed under the nearest STRIDE category.
const OTHER_WORDS: Readonly<Record<string, Stride>> = {
  confidentiality: 'I',
  integrity: 'T',
  availability: 'D',
  nonrepudiation: 'R',
  linkability: 'I',
  identifiability: 'I',
  detectability: 'I',
  disclosureofinformation: 'I',
  unawareness: 'I',
  noncompliance: 'R',
  distributed: 'D',
  immutable: 'T',
  ephemeral: 'D',
};

/** A STRIDE letter from a category word; `exact` is false when it was only approximated. */
export function strideFromWord(word: unknown): { stride: Stride; exact: boolean } | null {
  const raw = asString(word).trim();
  if (/^[STRIDE]$/.test(raw)) return { stride: raw as Stride, exact: true };
  const w = raw.toLowerCase().replace(/[^a-z]/g, '');
  const s = STRIDE_WORDS[w];
  if (s) return { stride: s, exact: true };
  const o = OTHER_WORDS[w];
  return o ? { stride: o, exact: false } : null;
}

export function threatStatusFromWord(word: unknown): ThreatStatus | null {
  const w = asString(word)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (
    [
      'open',
      'exposed',
      'expose',
      'autogenerated',
      'notstarted',
      'needsinvestigation',
      'new',
    ].includes(w)
  )
    return 'open';
  if (['mitigated', 'partlymitigated', 'closed', 'fixed'].includes(w)) return 'mitigated';
  if (['notapplicable', 'na'].includes(w)) return 'not-applicable';
  if (['accepted', 'accept'].includes(w)) return 'accepted';
  if (['transferred', 'transfer'].includes(w)) return 'transferred';
  return null;
}

export function mitigationStatusFromWord(word: unknown): MitigationStatus | null {
  const w = asString(word)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (['proposed', 'recommended'].includes(w)) return 'proposed';
  if (['planned', 'required'].includes(w)) return 'planned';
  if (['inprogress'].includes(w)) return 'in-progress';
  if (['implemented', 'done'].includes(w)) return 'implemented';
  if (['verified'].includes(w)) return 'verified';
  return null;
}

/** Splits a mitigation text into titled mitigations: one per paragraph, title = first line. */
export function splitMitigations(
  text: string,
  status: MitigationStatus,
): { id: string; title: string; description: string; status: MitigationStatus }[] {
  const paragraphs = cleanText(text, 100_000)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return paragraphs.map((p, i) => {
    const [first = '', ...rest] = p.split('\n');
    const firstLine = first.trim();
    const fits = firstLine.length <= MAX_NAME;
    const title = fits ? firstLine : shorten(firstLine, 120);
    const description = fits ? rest.join('\n').trim() : p;
    return { id: `m${i + 1}`, title, description: cleanText(description), status };
  });
}

/** The inverse of splitMitigations: one paragraph per mitigation. */
export function joinMitigations(
  mitigations: readonly { readonly title: string; readonly description: string }[],
): string {
  return mitigations
    .map((m) => {
      const d = m.description.replace(/\n\s*\n/g, '\n').trim();
      return d === '' ? m.title : `${m.title}\n${d}`;
    })
    .join('\n\n');
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

// ---- geometry ----

export type Point = { readonly x: number; readonly y: number };

export const centre = (l: Layout): Point => ({ x: l.x + l.width / 2, y: l.y + l.height / 2 });

export const inside = (p: Point, box: Layout): boolean =>
  p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Whether segments ab and cd cross (touching counts). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Whether the segment ab crosses the polyline. */
export function crossesPolyline(a: Point, b: Point, line: readonly Point[]): boolean {
  for (let i = 1; i < line.length; i++) {
    const p = line[i - 1];
    const q = line[i];
    if (p && q && segmentsCross(a, b, p, q)) return true;
  }
  return false;
}

export function pointOf(v: unknown): Point | null {
  if (!isObject(v)) return null;
  const x = asNumber(v.x);
  const y = asNumber(v.y);
  return x === null || y === null ? null : { x, y };
}

export function layoutOf(position: unknown, size: unknown): Layout | undefined {
  const p = pointOf(position);
  if (!p || !isObject(size)) return undefined;
  const width = asNumber(size.width);
  const height = asNumber(size.height);
  if (width === null || height === null || width < 0 || height < 0) return undefined;
  if (![p.x, p.y, width, height].every((n) => Math.abs(n) < 1e9)) return undefined;
  return { x: p.x, y: p.y, width, height };
}

// ---- the draft model ----

type DraftElement = Record<string, unknown> & { kind: ElementKind; id: string; name: string };

/** What an importer builds; `finish` turns it into a validated model or an error. */
export class Draft {
  readonly elements: DraftElement[] = [];
  readonly elementPlaces: string[] = [];
  readonly catalogue: Record<string, unknown>[] = [];
  readonly instances: Record<string, unknown>[] = [];
  readonly instancePlaces: string[] = [];
  readonly assets: Record<string, unknown>[] = [];
  readonly warnings: ExchangeNote[] = [];
  readonly notCarried: ExchangeNote[] = [];
  readonly ids = new IdPool();
  readonly threatIds = catalogueIds();
  private readonly instanceIds = new Set<string>();
  title = '';
  scope = '';
  assumptions: string[] = [];

  constructor(
    private readonly locate: (pointer: string) => Place = (p) => ({
      pointer: p,
      line: null,
      column: null,
    }),
  ) {}

  warn(at: string, message: string): void {
    this.warnings.push(note(message, this.locate(at)));
  }

  drop(at: string, message: string): void {
    this.notCarried.push(note(message, this.locate(at)));
  }

  private readonly byId = new Map<string, DraftElement>();

  addElement(e: DraftElement, at: string): void {
    this.elements.push(e);
    this.elementPlaces.push(at);
    if (!this.byId.has(e.id)) this.byId.set(e.id, e);
  }

  element(id: string): DraftElement | undefined {
    return this.byId.get(id);
  }

  /** Adds a threat instance; a second instance of one threat on one element gets its own entry. */
  addInstance(
    catalogueId: string,
    elementId: string,
    fields: Record<string, unknown>,
    at: string,
    catalogueEntry: () => Record<string, unknown>,
  ): void {
    let threatId = catalogueId;
    if (this.instanceIds.has(threatInstanceId(threatId, elementId))) {
      threatId = this.threatIds.take(`${catalogueId}-2`, 'threat');
      this.catalogue.push({ ...catalogueEntry(), id: threatId });
    }
    const id = threatInstanceId(threatId, elementId);
    this.instanceIds.add(id);
    this.instances.push({
      id,
      threatId,
      elementId,
      source: 'import',
      notes: '',
      evidence: '',
      stale: false,
      ...fields,
    });
    this.instancePlaces.push(at);
  }

  /** Validates the draft as a whole model; any problem is an error, never a partial model. */
  finish(format: ExchangeFormat, file: string, options: ImportOptions): ImportResult {
    const candidate = {
      id: options.modelId,
      title: cleanName(this.title, 'Imported threat model'),
      apiIds: options.apiIds,
      scope: cleanText(this.scope),
      assumptions: this.assumptions.map((a) => cleanText(a)).filter((a) => a.trim() !== ''),
      assets: this.assets,
      elements: this.elements,
      threats: { catalogue: this.catalogue, instances: this.instances },
      versions: [],
    };
    const checked = validateThreatModel(candidate);
    if (checked.ok) {
      const index = new Map(this.elements.map((e, i) => [e.id, this.elementPlaces[i] ?? '']));
      return {
        ok: true,
        format,
        model: checked.model,
        warnings: this.warnings,
        notCarried: this.notCarried,
        locateElement: (id) => {
          const at = index.get(id);
          return at === undefined ? null : this.locate(at);
        },
      };
    }
    const first = checked.errors[0];
    const m = first ? /^elements\[(\d+)\]/.exec(first.path) : null;
    const t = first ? /^threats\.instances\[(\d+)\]/.exec(first.path) : null;
    const at = m
      ? (this.elementPlaces[Number(m[1])] ?? '')
      : t
        ? (this.instancePlaces[Number(t[1])] ?? '')
        : '';
    return failure(
      file,
      `the file converts to an invalid model: ${first?.path ?? ''}: ${first?.message ?? 'invalid'}`,
      this.locate(at),
    );
  }
}

export function failure(file: string, message: string, place: Partial<Place> = {}): ImportResult {
  const error: ExchangeError = {
    file,
    message,
    pointer: place.pointer ?? null,
    line: place.line ?? null,
    column: place.column ?? null,
  };
  return { ok: false, error };
}

/** Refuses files over the size limit before any parsing. */
export function tooLarge(text: string, file: string): ImportResult | null {
  if (text.length <= MAX_EXCHANGE_BYTES) return null;
  return failure(
    file,
    `the file is larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB; it is not imported.`,
  );
}

/** The text without a leading byte-order mark (Windows tools write one). */
export const stripBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/** JSON.parse with the error at its line and column. */
export function parseJson(
  text: string,
  file: string,
): { ok: true; json: unknown } | { ok: false; result: ImportResult } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    const where = locateJsonError(text, e);
    const m = /^line (\d+), column (\d+): (.*)$/s.exec(where);
    if (m)
      return {
        ok: false,
        result: failure(file, `not valid JSON: ${m[3] ?? where}`, {
          line: Number(m[1]),
          column: Number(m[2]),
        }),
      };
    // Some engines name no position ("Unexpected token '}', ..."): find it ourselves.
    const offset = jsonErrorOffset(text);
    const at = lineColumnAt(text, offset);
    const reason = where.replace(/,? ?"?\.\.\..*$/s, '').replace(/ is not valid JSON$/, '');
    return { ok: false, result: failure(file, `not valid JSON: ${reason}`, at) };
  }
}

/**
 * The offset of the first syntax error in JSON text (text.length when it ends too early).
 * Iterative, so deep nesting cannot overflow it; used only after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const digits = (): number => {
    const from = i;
    while (i < text.length && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    return i - from;
  };
  // Each returns true when it read its value, false with `i` at the error when it failed,
  // and null when the text at `i` is not that kind of value at all.
  const literal = (): boolean | null => {
    const c = text.charAt(i);
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
    if (word !== '') {
      for (let k = 0; k < word.length; k++, i++)
        if (text.charAt(i) !== word.charAt(k)) return false;
      return true;
    }
    if (c !== '-' && !(c >= '0' && c <= '9')) return null;
    if (c === '-') i++;
    if (text.charAt(i) === '0') {
      i++;
      if (text.charAt(i) >= '0' && text.charAt(i) <= '9') return false;
    } else if (digits() === 0) return false;
    if (text.charAt(i) === '.') {
      i++;
      if (digits() === 0) return false;
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i++;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
      if (digits() === 0) return false;
    }
    return true;
  };
  const string = (): boolean | null => {
    if (text.charAt(i) !== '"') return null;
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const n = text.charAt(i + 1);
        if (n === 'u') {
          i += 2;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text.charAt(i))) return false;
          continue;
        }
        if (n === '' || !'"\\/bfnrt'.includes(n)) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      if (c < ' ') return false;
      i++;
    }
    return false;
  };
  // expect: 'value' | 'key' | 'colon' | 'after'
  let expect = 'value';
  for (;;) {
    ws();
    if (i >= text.length) return expect === 'after' && stack.length === 0 ? i : text.length;
    const c = text.charAt(i);
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text.charAt(i) === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      const read = string() ?? literal();
      if (read === true) {
        expect = 'after';
        continue;
      }
      return i;
    }
    if (expect === 'key') {
      if (string() !== true) return i;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (c === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}

/** A locator for JSON text: the pointer, and the line and column of the deepest existing part. */
export function jsonLocator(text: string): (p: string) => Place {
  return (p) => {
    const segments = segmentsOf(p);
    for (let n = segments.length; n >= 0; n--) {
      const at = locateJsonPath(text, segments.slice(0, n));
      if (at) return { pointer: p, line: at.line, column: at.column };
    }
    return { pointer: p, line: null, column: null };
  };
}

/** A locator for XML text: the line where `needle` (a guid, say) first occurs. */
export function textLocator(text: string): (needle: string) => Place {
  return (needle) => {
    const i = needle === '' ? -1 : text.indexOf(needle);
    if (i < 0) return { pointer: needle === '' ? null : needle, line: null, column: null };
    const { line, column } = lineColumnAt(text, i);
    return { pointer: needle, line, column };
  };
}

/** Runs an importer; an unexpected exception becomes an error result, marked internal. */
export function guarded(file: string, run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (e) {
    return failure(file, `${INTERNAL_PREFIX}${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Messages of errors that are Bulwark's fault rather than the file's start with this. */
export const INTERNAL_PREFIX = 'internal error while importing: ';
