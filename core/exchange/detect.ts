import type { ThreatModel } from '../threats/model';
import { isObject, stripBom } from './common';
import { exportOtm } from './otm-export';
import { importOtm, looksLikeOtm } from './otm-import';
import { exportThreatDragon } from './threat-dragon-export';
import { importThreatDragon, looksLikeThreatDragon } from './threat-dragon-import';
import { importTm7, looksLikeTm7 } from './tm7-import';
import type { ExchangeFormat, ExportResult, ImportOptions, ImportResult } from './types';
import { MAX_EXCHANGE_BYTES } from './types';

// Which foreign format a file is, judged from its content first and its name second.

/** The exchange format of a file, or null when it is none of them (a Bulwark file, say). */
export function detectFormat(fileName: string, raw: string): ExchangeFormat | null {
  const text = stripBom(raw);
  if (text.length > MAX_EXCHANGE_BYTES) return /\.tm7$/i.test(fileName) ? 'tm7' : null;
  if (looksLikeTm7(fileName, text)) return 'tm7';
  let json: unknown = undefined;
  if (/^\s*[{[]/.test(text))
    try {
      json = JSON.parse(text);
    } catch {
      // Broken JSON: decided by name and head below.
    }
  return detectParsed(fileName, text, json);
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

/** Imports a file of a known exchange format. */
export function importExchange(
  format: ExchangeFormat,
  text: string,
  fileName: string,
  options: ImportOptions,
): ImportResult {
  switch (format) {
    case 'threat-dragon-v1':
    case 'threat-dragon-v2':
      return importThreatDragon(text, fileName, options);
    case 'otm':
      return importOtm(text, fileName, options);
    case 'tm7':
      return importTm7(text, fileName, options);
  }
}

/** The formats a model can be written as. */
export const EXPORT_FORMATS = ['threat-dragon', 'otm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportExchange(format: ExportFormat, model: ThreatModel): ExportResult {
  return format === 'otm' ? exportOtm(model) : exportThreatDragon(model);
}
