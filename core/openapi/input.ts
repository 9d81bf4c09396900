import type { EscapedOrigin } from '../shared/escaped-json';
import type { InputAdapter, ThreatModel } from '../threats';
import { looksLikeModelFile } from '../threats';
import type { ParseResult } from './parse';
import { formatError, parseOpenApi } from './parse';
import type { OpenApiModelResult } from './to-model';
import { openApiToModel } from './to-model';

// The OpenAPI input for `bulwark analyze`: detected by content (an `openapi` or `swagger`
// key), or by a .yaml/.yml name, so a broken YAML file gets a YAML error rather than
// "not recognised". Threats are located at their JSON pointer in the description.

const YAML_NAME = /\.ya?ml$/i;
const HEAD_KEY = /^\s*["']?(openapi|swagger)["']?\s*:/m;
const JSON_HEAD_KEY = /"(openapi|swagger)"\s*:/;

/** Whether a file is an OpenAPI description, judged from its name and content. */
export function looksLikeOpenApi(fileName: string, text: string, json: unknown): boolean {
  // An `openapi` or `swagger` key claims the file, even without info or paths, so an
  // incomplete description is reported as one rather than as some other format. A
  // Bulwark model file (it names its own format) is never claimed.
  if (typeof json === 'object' && json !== null && !Array.isArray(json))
    return ('openapi' in json || 'swagger' in json) && !looksLikeModelFile(json);
  if (json !== undefined) return false;
  if (YAML_NAME.test(fileName)) return true;
  const head = text.slice(0, 4096);
  // Unparseable JSON that names itself an OpenAPI description (a truncated file, say).
  return HEAD_KEY.test(head) || (/^\s*\{/.test(head) && JSON_HEAD_KEY.test(head));
}

/**
 * Parses and models a description in one step (the CLI and the import screen use this).
 * `parsedJson` and `origin` as for parseOpenApi.
 */
export function importOpenApi(
  text: string,
  fileName: string,
  options: { readonly apiId: string; readonly modelId: string; readonly existing?: ThreatModel },
  parsedJson?: unknown,
  origin?: EscapedOrigin,
):
  | {
      readonly ok: true;
      readonly parsed: Extract<ParseResult, { ok: true }>;
      readonly result: OpenApiModelResult;
    }
  | { readonly ok: false; readonly error: string } {
  const parsed = parseOpenApi(text, fileName, parsedJson, origin);
  if (!parsed.ok) return { ok: false, error: formatError(parsed.error) };
  return { ok: true, parsed, result: openApiToModel(parsed.doc, options) };
}

/**
 * The `analyze` adapter for OpenAPI 2.0 / 3.0 / 3.1 descriptions. Warnings (external or
 * dangling `$ref`s), formatted as "file:line:column: message", are in the loaded input's
 * `warnings` and also go to `onWarning`.
 */
export function createOpenApiInput(
  onWarning: (message: string) => void = () => undefined,
): InputAdapter {
  // loadInput parses JSON once to ask every adapter; the tree it accepted is kept (with
  // the text it came from) so a large description is not parsed twice.
  let seen: { text: string; json: unknown } | null = null;
  return {
    name: 'OpenAPI description',
    readsEscapedJson: true,
    accepts: (fileName, text, json) => {
      const yes = looksLikeOpenApi(fileName, text, json);
      seen = yes && json !== undefined ? { text, json } : null;
      return yes;
    },
    load: (text, fileName, origin) => {
      const json = seen !== null && seen.text === text ? seen.json : undefined;
      seen = null;
      const options = { apiId: 'api', modelId: 'openapi' };
      const imported = importOpenApi(text, fileName, options, json, origin);
      if (!imported.ok) return imported;
      const { parsed, result } = imported;
      const warnings = parsed.doc.warnings.map(formatError);
      for (const w of warnings) onWarning(w);
      return {
        ok: true,
        model: result.model,
        warnings,
        locate: (row) => {
          if (row.location === null) return null;
          const at = parsed.locate(row.location);
          return at ? { line: at.line, column: at.column, offset: 0 } : null;
        },
      };
    },
  };
}

/** The adapter (warnings only in the loaded input). */
export const openApiInput: InputAdapter = createOpenApiInput();
