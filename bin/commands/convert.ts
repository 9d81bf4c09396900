import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExchangeNote } from '../../core/exchange';
import {
  FORMAT_NAMES,
  MAX_EXCHANGE_BYTES,
  detectFormat,
  exportOtm,
  exportThreatDragon,
  formatExchangeError,
  importExchange,
} from '../../core/exchange';
import type { ThreatModel } from '../../core/threats';
import { looksLikeModelFile, parseModelFile, serializeModelFile } from '../../core/threats';
import type { CliIo } from '../cli';
import { UsageError } from '../cli';
import { oneOf, readOptions } from './rules';

// `bulwark convert`: a threat model from one format to another. Reads Bulwark model files,
// Threat Dragon v1/v2, OTM 0.2 (JSON or YAML) and .tm7; writes Bulwark, Threat Dragon v2
// or OTM 0.2. Warnings and what could not be carried go to standard error, one per line.

const TARGETS = ['bulwark', 'threat-dragon', 'otm'] as const;

const USAGE = `Usage: bulwark convert <file> --to bulwark|threat-dragon|otm [--out file]

Converts a threat model. Reads a Bulwark model file (.bulwark.json), Threat Dragon v1 or
v2 JSON, Open Threat Model 0.2 (JSON or YAML) or a Microsoft Threat Modeling Tool model
(.tm7); writes a Bulwark model file, Threat Dragon v2 JSON or OTM 0.2 JSON. What the
target format cannot hold, and warnings about the input, are listed on standard error.
A model converted to Bulwark is linked to the API id "api" (the app asks on import).

Options:
  --to <format>    bulwark, threat-dragon or otm (required)
  --out <file>     write to a file instead of standard output
  -h, --help       show this help

Exit codes: 0 converted, 2 bad input (with the reason and the place) or bad arguments.
`;

// Messages are printed on one line whatever the file name or content holds.
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

function noteLine(file: string, kind: string, n: ExchangeNote): string {
  const where = n.line === null ? '' : `:${n.line}${n.column === null ? '' : `:${n.column}`}`;
  const at = n.pointer === null || n.pointer === '' ? '' : ` (at ${n.pointer})`;
  return `bulwark: ${kind}: ${oneLine(`${file}${where}: ${n.message}${at}`)}\n`;
}

/** A model id from the file name: `payments.tm7` → `payments`. */
function modelIdOf(file: string): string {
  const stem = basename(file)
    .replace(/\.(bulwark\.json|json|ya?ml|tm7)$/i, '')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 90);
  return stem === '' ? 'imported' : stem;
}

export const convertCommand = {
  usage: USAGE,
  run: (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = readOptions(
      args,
      { to: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      'convert',
    );
    if (values.help === true) {
      io.out(USAGE);
      return Promise.resolve(0);
    }
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('convert: name the model file to convert');
    if (extra !== undefined) throw new UsageError(`convert: unexpected argument '${extra}'`);
    if (values.to === undefined)
      throw new UsageError(
        'convert: say which format to write with --to bulwark|threat-dragon|otm',
      );
    const to = oneOf(values.to, TARGETS, 'bulwark', '--to');
    const out = values.out;
    if (out !== undefined && (typeof out !== 'string' || out === ''))
      throw new UsageError('--out needs a file name');

    let text: string;
    try {
      if (statSync(file).size > MAX_EXCHANGE_BYTES) {
        io.err(
          `bulwark: ${oneLine(file)} is larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB; it is not read\n`,
        );
        return Promise.resolve(2);
      }
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(
        `bulwark: cannot read ${oneLine(file)}: ${code === 'ENOENT' ? 'no such file' : oneLine(String(code ?? e))}\n`,
      );
      return Promise.resolve(2);
    }

    let model: ThreatModel;
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: YAML or XML, decided by detectFormat.
    }
    const format = looksLikeModelFile(json) ? null : detectFormat(file, text);
    if (format === null) {
      if (!looksLikeModelFile(json) && !/\.json$/i.test(file)) {
        io.err(
          `bulwark: ${oneLine(file)}: not a recognised threat model (expected a Bulwark model file, ${Object.values(FORMAT_NAMES).join(', ')})\n`,
        );
        return Promise.resolve(2);
      }
      const parsed = parseModelFile(text, file);
      if (!parsed.ok) {
        io.err(`bulwark: ${oneLine(parsed.error)}\n`);
        return Promise.resolve(2);
      }
      model = parsed.model;
    } else {
      const r = importExchange(format, text, file, { modelId: modelIdOf(file), apiIds: ['api'] });
      if (!r.ok) {
        io.err(`bulwark: ${oneLine(formatExchangeError(r.error))}\n`);
        return Promise.resolve(2);
      }
      for (const w of r.warnings) io.err(noteLine(file, 'warning', w));
      for (const n of r.notCarried)
        io.err(noteLine(file, `not carried from ${FORMAT_NAMES[format]}`, n));
      model = r.model;
    }

    let output: string;
    if (to === 'bulwark') output = serializeModelFile(model);
    else {
      const r = to === 'otm' ? exportOtm(model) : exportThreatDragon(model);
      const target = to === 'otm' ? 'OTM' : 'Threat Dragon';
      for (const w of r.warnings) io.err(noteLine(out ?? 'output', 'warning', w));
      for (const n of r.notCarried)
        io.err(`bulwark: not carried to ${target}: ${oneLine(n.message)}\n`);
      output = r.text;
    }
    if (out === undefined) io.out(output);
    else
      try {
        writeFileSync(out, output);
      } catch (e) {
        io.err(
          `bulwark: cannot write ${oneLine(out)}: ${oneLine(String((e as NodeJS.ErrnoException).code ?? e))}\n`,
        );
        return Promise.resolve(2);
      }
    return Promise.resolve(0);
  },
};
