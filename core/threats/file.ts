import { locateJsonError } from '../shared/json-errors';
import { locateJsonPath } from './json-locate';
import type { ThreatModel } from './model';
import { formatPath, threatModelSchema } from './schema';

// The `.bulwark.json` model file: a small envelope around the model so a foreign JSON file
// is recognised, and a version so a newer file is refused with a clear message.

/** The `format` marker of a Bulwark model file. */
export const MODEL_FILE_FORMAT = 'bulwark-threat-model';
/** The file version this build writes and the newest it reads. */
export const MODEL_FILE_VERSION = 1;
/** Larger files are refused before parsing (a 10,000-element model is a few MB). */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024;

/** The envelope written to disk. */
export type ModelFile = {
  readonly format: typeof MODEL_FILE_FORMAT;
  readonly version: number;
  readonly model: ThreatModel;
};

/** Where a problem is: a path such as `model.elements[3].source`, and a line and column. */
export type FilePlace = {
  readonly path: string | null;
  readonly line: number | null;
  readonly column: number | null;
};

export type ModelFileParse =
  | { readonly ok: true; readonly model: ThreatModel }
  | { readonly ok: false; readonly error: string; readonly place: FilePlace };

/** Serialises a model as a stable, indented `.bulwark.json` text. */
export function serializeModelFile(model: ThreatModel): string {
  const file: ModelFile = { format: MODEL_FILE_FORMAT, version: MODEL_FILE_VERSION, model };
  return JSON.stringify(file, null, 2) + '\n';
}

/** True when parsed JSON carries the model-file marker (used to pick an input adapter). */
export function looksLikeModelFile(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === MODEL_FILE_FORMAT
  );
}

const nowhere: FilePlace = { path: null, line: null, column: null };

/**
 * Parses and fully validates a model file. Every error names the file and the place: a
 * line and column for broken JSON; for an invalid model the path (`model.elements[3].source`)
 * and, where it can be found, the line and column of that value.
 */
export function parseModelFile(text: string, fileName: string): ModelFileParse {
  if (text.length > MAX_MODEL_FILE_BYTES)
    return {
      ok: false,
      error: `${fileName} is larger than ${MAX_MODEL_FILE_BYTES / 1024 / 1024} MB; it is not a Bulwark model file.`,
      place: nowhere,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text, e);
    const m = /^line (\d+), column (\d+)/.exec(where);
    return {
      ok: false,
      error: `${fileName} is not valid JSON: ${where}.`,
      place: { path: null, line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null },
    };
  }
  if (!looksLikeModelFile(json))
    return {
      ok: false,
      error: `${fileName} is not a Bulwark model file (it has no "format": "${MODEL_FILE_FORMAT}" marker).`,
      place: { path: 'format', line: null, column: null },
    };
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      error: `${fileName}, at version: a Bulwark model file needs a whole version number.`,
      place: { path: 'version', ...at(text, ['version']) },
    };
  if (version > MODEL_FILE_VERSION)
    return {
      ok: false,
      error: `${fileName} was written by a newer Bulwark (model file version ${version}; this version reads up to ${MODEL_FILE_VERSION}). Update Bulwark to open it.`,
      place: { path: 'version', ...at(text, ['version']) },
    };
  const body = (json as { model?: unknown }).model;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      ok: false,
      error: `${fileName}, at model: the file holds no model object.`,
      place: { path: 'model', ...at(text, ['model']) },
    };
  const parsed = threatModelSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length - 1;
    const segments = ['model', ...(first?.path ?? [])].filter(
      (p): p is string | number => typeof p !== 'symbol',
    );
    const path = formatPath(first?.path ?? [], 'model');
    const place = at(text, segments);
    const lineCol = place.line === null ? '' : ` (line ${place.line}, column ${place.column})`;
    const message = (first?.message ?? 'invalid value').replace(/\.$/, '');
    const extra = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    return {
      ok: false,
      error: `${fileName}, at ${path}${lineCol}: ${message}${extra}.`,
      place: { path, ...place },
    };
  }
  return { ok: true, model: parsed.data as unknown as ThreatModel };
}

function at(
  text: string,
  path: readonly (string | number)[],
): { line: number | null; column: number | null } {
  // The deepest part of the path that exists: a missing field is reported at its parent.
  for (let n = path.length; n >= 0; n--) {
    const place = locateJsonPath(text, path.slice(0, n));
    if (place) return { line: place.line, column: place.column };
  }
  return { line: null, column: null };
}
