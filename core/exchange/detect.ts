import type { ThreatModel } from '../threats/model';
import { stripBom } from './common';
import { exportOtm } from './otm-export';
import { importOtm } from './otm-import';
import { exportThreatDragon } from './threat-dragon-export';
import { importThreatDragon } from './threat-dragon-import';
import { importTm7 } from './tm7-import';
import { detectParsed, looksLikeTm7 } from './sniff';
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
