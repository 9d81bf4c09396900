import type { EscapedOrigin } from '../shared/escaped-json';
import { looksLikeModelFile, parseModelFile } from './file';
import type { TextPlace } from './json-locate';
import { locateJsonPath } from './json-locate';
import type { ThreatModel } from './model';
import type { ThreatRow } from './views';

// What `bulwark analyze` can read. Each input format is an adapter: it says whether it
// reads a file and turns the text into a threat model plus a way to point at the source
// of a threat. Model files are the first adapter; OpenAPI descriptions (issue 4) and
// Threat Dragon / OTM files (issue 8) plug in as further adapters, ahead of this one.

/** A loaded input: the model, and where in the source text each threat belongs. */
export type LoadedInput = {
  readonly ok: true;
  readonly model: ThreatModel;
  /** Source position of a threat (its element in a model file, its operation in OpenAPI). */
  readonly locate: (row: ThreatRow) => TextPlace | null;
  /**
   * Problems that did not stop the load, each one line naming the file and the place
   * ("file:line:column: message"), such as an OpenAPI description's external `$ref`s.
   */
  readonly warnings?: readonly string[];
};

export type InputResult = LoadedInput | { readonly ok: false; readonly error: string };

/** One input format. */
export type InputAdapter = {
  readonly name: string;
  /**
   * Whether this adapter reads the file; `json` is the parsed text when it is JSON (the
   * text may then be an ASCII-escaped copy, see loadInput: judge the content by `json`).
   */
  readonly accepts: (fileName: string, text: string, json: unknown) => boolean;
  /**
   * Whether `load` takes an ASCII-escaped copy of JSON text, with its origin; an adapter
   * without this gets the original text instead.
   */
  readonly readsEscapedJson?: boolean;
  /**
   * `origin`: the text as decoded from the file when `text` is an ASCII-escaped copy of it
   * (core/shared/escaped-json.ts); places are computed on the original.
   */
  readonly load: (text: string, fileName: string, origin?: EscapedOrigin) => InputResult;
};

/** The `.bulwark.json` model file. */
export const modelFileInput: InputAdapter = {
  name: 'Bulwark model file',
  accepts: (fileName, _text, json) => looksLikeModelFile(json) || /\.json$/i.test(fileName),
  load: (text, fileName) => {
    const parsed = parseModelFile(text, fileName);
    if (!parsed.ok) return parsed;
    const index = new Map(parsed.model.elements.map((e, i) => [e.id as string, i]));
    const cache = new Map<number, TextPlace | null>();
    return {
      ok: true,
      model: parsed.model,
      locate: (row) => {
        const i = index.get(row.elementId);
        if (i === undefined) return null;
        // The element's id is what a reader looks for; its object start is the fallback.
        if (!cache.has(i))
          cache.set(
            i,
            locateJsonPath(text, ['model', 'elements', i, 'id']) ??
              locateJsonPath(text, ['model', 'elements', i]),
          );
        return cache.get(i) ?? null;
      },
    };
  },
};

/** The adapters `analyze` tries, in order. */
export const DEFAULT_INPUTS: readonly InputAdapter[] = [modelFileInput];

/**
 * Picks the first adapter that accepts the file and loads it. `origin`: the text as decoded
 * from the file when `text` is an ASCII-escaped copy of it (a one-byte string, which
 * JSON.parse reads to the same tree). The copy is used only when it parses and the adapter
 * that takes the file reads such copies; otherwise all is done again on the original text.
 */
export function loadInput(
  fileName: string,
  text: string,
  adapters: readonly InputAdapter[] = DEFAULT_INPUTS,
  origin?: EscapedOrigin,
): InputResult {
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON, decided on the original: its head is what adapters read, and errors in it
    // are placed on its lines and columns.
    if (origin) return loadInput(fileName, origin.original(), adapters);
    // Not JSON: adapters for YAML or XML inputs decide from the name and the text.
  }
  const adapter = adapters.find((a) => a.accepts(fileName, text, json));
  if (!adapter)
    return {
      ok: false,
      error: `${fileName}: not a recognised input (expected a .bulwark.json threat model file).`,
    };
  if (origin === undefined) return adapter.load(text, fileName);
  return adapter.readsEscapedJson === true
    ? adapter.load(text, fileName, origin)
    : adapter.load(origin.original(), fileName);
}
