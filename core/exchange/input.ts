import type { InputAdapter } from '../threats/input';
import { importExchange } from './detect';
import { detectParsed } from './sniff';
import type { ExchangeNote } from './types';
import { FORMAT_NAMES, formatExchangeError } from './types';

// The `bulwark analyze` adapter for Threat Dragon, OTM and .tm7 files: detected by content
// (and by the .tm7 name), imported with the same importers as the app. Notes (warnings and
// what was not carried) go to `onNote`, already formatted as "file:line:column: message".

/** The model id and API id a file analysed from the command line is given. */
const CLI_OPTIONS = { modelId: 'imported', apiIds: ['api'] } as const;

function formatNote(fileName: string, kind: string, n: ExchangeNote): string {
  const where = n.line === null ? '' : `:${n.line}${n.column === null ? '' : `:${n.column}`}`;
  const pointer = n.pointer === null || n.pointer === '' ? '' : ` (at ${n.pointer})`;
  return `${fileName}${where}: ${kind}: ${n.message}${pointer}`;
}

export function createExchangeInput(
  onNote: (message: string) => void = () => undefined,
): InputAdapter {
  return {
    name: 'Threat Dragon, OTM or Threat Modeling Tool file',
    accepts: (fileName, text, json) => detectParsed(fileName, text, json) !== null,
    load: (text, fileName) => {
      const format = detectParsed(fileName, text, parseOrUndefined(text));
      if (format === null)
        return {
          ok: false,
          error: `${fileName}: not a ${Object.values(FORMAT_NAMES).join(', ')} file.`,
        };
      const r = importExchange(format, text, fileName, CLI_OPTIONS);
      if (!r.ok) return { ok: false, error: formatExchangeError(r.error) };
      for (const w of r.warnings) onNote(formatNote(fileName, 'warning', w));
      for (const n of r.notCarried) onNote(formatNote(fileName, 'not carried', n));
      return {
        ok: true,
        model: r.model,
        locate: (row) => {
          const at = r.locateElement(row.elementId);
          return at && at.line !== null
            ? { line: at.line, column: at.column ?? 1, offset: 0 }
            : null;
        },
      };
    },
  };
}

function parseOrUndefined(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The adapter with notes dropped. */
export const exchangeInput: InputAdapter = createExchangeInput();
