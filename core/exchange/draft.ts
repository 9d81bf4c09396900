import { lineColumnAt, locateJsonError } from '../shared/json-errors';
import { locateJsonPath } from '../threats/json-locate';
import type { ElementKind } from '../threats/model';
import { threatInstanceId } from '../threats/model';
import { validateThreatModel } from '../threats/schema';
import { IdPool, catalogueIds, cleanName, cleanText, segmentsOf } from './common';
import type {
  ExchangeError,
  ExchangeFormat,
  ExchangeNote,
  ImportOptions,
  ImportResult,
  Place,
} from './types';
import { MAX_EXCHANGE_BYTES, note } from './types';

// The draft an importer builds, which becomes a model only once it validates, and the
// results and failures around it: parse errors and invalid models at their place.

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
    // Where V8 names no place it quotes the text ("Unexpected token '}', "...x"... is not
    // valid JSON"); a cut-off quote and the closing words are left out of the message.
    const reason = (m?.[3] ?? where)
      .replace(/,? ?"?\.\.\..*$/s, '')
      .replace(/ is not valid JSON$/, '');
    const at = m ? { line: Number(m[1]), column: Number(m[2]) } : {};
    return { ok: false, result: failure(file, `not valid JSON: ${reason}`, at) };
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
