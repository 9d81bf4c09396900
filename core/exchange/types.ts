import type { ThreatModel } from '../threats/model';

// What every importer and exporter of a foreign threat-model format returns: the model
// (or the text), what could not be carried across, and warnings, each with its place.

/** The formats Bulwark exchanges models with. */
export const EXCHANGE_FORMATS = ['threat-dragon-v1', 'threat-dragon-v2', 'otm', 'tm7'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export const FORMAT_NAMES: Readonly<Record<ExchangeFormat, string>> = {
  'threat-dragon-v1': 'Threat Dragon v1 JSON',
  'threat-dragon-v2': 'Threat Dragon v2 JSON',
  otm: 'Open Threat Model 0.2',
  tm7: 'Microsoft Threat Modeling Tool (.tm7)',
};

/** Foreign files larger than this are refused before parsing (the .tm7 sample is 1.2 MB). */
export const MAX_EXCHANGE_BYTES = 32 * 1024 * 1024;

/**
 * Where something is in a source file: a JSON pointer (`/detail/diagrams/0/cells/3`) for
 * JSON and YAML, an element path for XML, and a 1-based line and column when known.
 */
export type Place = {
  readonly pointer: string | null;
  readonly line: number | null;
  readonly column: number | null;
};

/** One remark about the conversion: a warning, or something that was not carried. */
export type ExchangeNote = Place & { readonly message: string };

/** Why a file could not be imported. Nothing is returned with it: no partial model. */
export type ExchangeError = Place & { readonly file: string; readonly message: string };

export type ImportResult =
  | {
      readonly ok: true;
      readonly format: ExchangeFormat;
      readonly model: ThreatModel;
      readonly warnings: readonly ExchangeNote[];
      readonly notCarried: readonly ExchangeNote[];
      /** Where an element came from in the source file (computed on demand). */
      readonly locateElement: (elementId: string) => Place | null;
    }
  | { readonly ok: false; readonly error: ExchangeError };

export type ExportResult = {
  readonly text: string;
  readonly warnings: readonly ExchangeNote[];
  readonly notCarried: readonly ExchangeNote[];
};

/** What the caller decides for an imported model: its id and the inventory APIs it covers. */
export type ImportOptions = {
  readonly modelId: string;
  readonly apiIds: readonly string[];
};

const NOWHERE: Place = { pointer: null, line: null, column: null };

export function note(message: string, place: Partial<Place> = {}): ExchangeNote {
  return { ...NOWHERE, ...place, message };
}

/** `file:line:column: message (at /pointer)`, leaving out the parts that are unknown. */
export function formatExchangeError(e: ExchangeError): string {
  const where = e.line === null ? '' : `:${e.line}${e.column === null ? '' : `:${e.column}`}`;
  const pointer = e.pointer === null || e.pointer === '' ? '' : ` (at ${e.pointer})`;
  return `${e.file}${where}: ${e.message}${pointer}`;
}

/** `line 12 (at /detail/...): message` for a report list. */
export function formatNote(n: ExchangeNote): string {
  const parts: string[] = [];
  if (n.line !== null) parts.push(`line ${n.line}`);
  if (n.pointer !== null && n.pointer !== '') parts.push(`at ${n.pointer}`);
  return parts.length === 0 ? n.message : `${parts.join(', ')}: ${n.message}`;
}
