import {
  FORMAT_NAMES,
  detectFormat,
  formatExchangeError,
  importExchange,
  type ExchangeNote,
} from '../../../../core/exchange';
import { looksLikeModelFile, parseModelFile, type ThreatModel } from '../../../../core/threats';

// What a chosen file will become, decided before anything is written: a Bulwark model
// file, a model converted from Threat Dragon, OTM or the Threat Modeling Tool (with its
// warnings and what could not be carried), or an error that names the file and the place.

/** The API id a converted model holds until the person links it to inventory APIs. */
export const UNLINKED_API = 'unlinked';

export type ImportCandidate =
  | { readonly kind: 'bulwark'; readonly model: ThreatModel }
  | {
      readonly kind: 'exchange';
      readonly formatName: string;
      readonly model: ThreatModel;
      readonly warnings: readonly ExchangeNote[];
      readonly notCarried: readonly ExchangeNote[];
    }
  | { readonly kind: 'error'; readonly message: string };

/** Reads a chosen file; `modelId` is the id a converted model gets. */
export function readImportFile(
  fileName: string,
  content: string,
  modelId: string,
): ImportCandidate {
  let json: unknown = undefined;
  if (/^\s*[{[]/.test(content))
    try {
      json = JSON.parse(content);
    } catch {
      // Broken JSON: the importer that claims the file reports where.
    }
  const format = looksLikeModelFile(json) ? null : detectFormat(fileName, content);
  if (format === null) {
    const r = parseModelFile(content, fileName);
    return r.ok ? { kind: 'bulwark', model: r.model } : { kind: 'error', message: r.error };
  }
  const r = importExchange(format, content, fileName, { modelId, apiIds: [UNLINKED_API] });
  if (!r.ok) return { kind: 'error', message: formatExchangeError(r.error) };
  return {
    kind: 'exchange',
    formatName: FORMAT_NAMES[r.format],
    model: r.model,
    warnings: r.warnings,
    notCarried: r.notCarried,
  };
}
