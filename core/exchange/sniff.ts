import { isObject, stripBom } from './common';
import type { ExchangeFormat } from './types';

// Recognising a Threat Dragon, OTM or .tm7 file, apart from the importers: `bulwark
// analyze` asks about every file it reads, and loads the importers (with their XML
// parser) only for a file that is one of these.

/** Whether a file is a Microsoft Threat Modeling Tool model, by name or XML root. */
export function looksLikeTm7(fileName: string, text: string): boolean {
  return (
    /\.tm7$/i.test(fileName) || /^\s*(<\?xml[^>]*>\s*)?<ThreatModel[\s>]/.test(text.slice(0, 512))
  );
}

/** Whether parsed JSON looks like a Threat Dragon model (a summary and a detail object). */
export function looksLikeThreatDragon(json: unknown): boolean {
  return (
    isObject(json) &&
    (isObject(json.summary) || isObject(json.summarize)) &&
    (isObject(json.detail) || isObject(json.details)) &&
    !('otmVersion' in json)
  );
}

/** Whether a file is an Open Threat Model, by its `otmVersion` key or its name. */
export function looksLikeOtm(fileName: string, text: string, json: unknown): boolean {
  if (isObject(json)) return 'otmVersion' in json;
  if (json !== undefined) return false;
  return (
    /^\s*["']?otmVersion["']?\s*:/m.test(text.slice(0, 4096)) ||
    /\.otm(\.ya?ml|\.json)?$/i.test(fileName)
  );
}

/** detectFormat for text already parsed as JSON (`json` undefined when it is not JSON). */
export function detectParsed(
  fileName: string,
  raw: string,
  parsed: unknown,
): ExchangeFormat | null {
  const text = stripBom(raw);
  let json = parsed;
  if (json === undefined && text !== raw && /^\s*[{[]/.test(text))
    try {
      json = JSON.parse(text);
    } catch {
      // Broken JSON after a byte-order mark: decided by the head below.
    }
  if (looksLikeTm7(fileName, text)) return 'tm7';
  if (looksLikeOtm(fileName, text, json)) return 'otm';
  if (json !== undefined) {
    if (!looksLikeThreatDragon(json)) return null;
    const j = json as { version?: unknown; detail?: { diagrams?: unknown } };
    const v2 =
      (typeof j.version === 'string' && j.version.startsWith('2')) ||
      (Array.isArray(j.detail?.diagrams) &&
        j.detail.diagrams.some((d) => isObject(d) && Array.isArray(d.cells)));
    return v2 ? 'threat-dragon-v2' : 'threat-dragon-v1';
  }
  // Unparseable JSON that names itself a Threat Dragon model: let its importer say where.
  const head = text.slice(0, 4096);
  if (
    /^\s*\{/.test(head) &&
    !/"(openapi|swagger|otmVersion)"\s*:/.test(head) &&
    /"summary"\s*:\s*\{/.test(head) &&
    /"diagrams"\s*:/.test(text.slice(0, 65536))
  )
    return 'threat-dragon-v2';
  return null;
}
