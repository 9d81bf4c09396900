import pkg from '../../package.json' with { type: 'json' };
import type { Analysis, InputAdapter, InputResult, LoadedInput } from '../../core/threats';
import {
  DEFAULT_INPUTS,
  SEVERITIES,
  analysisJsonParts,
  analyzeModel,
  defaultLibrary,
  failingThreats,
  loadInput,
  threatsCsv,
  toMarkdownReport,
  toMermaidDiagrams,
  toSarifParts,
} from '../../core/threats';
import { openApiInput } from '../../core/openapi';
import { detectParsed } from '../../core/exchange/sniff';
import { closeSync, openSync, path, pathToFileURL, readFileSync, writeSync } from '../builtins';
import type { CliIo } from '../cli';
import { UsageError } from '../cli';
import type { FileText } from '../json-text';
import { decodeText } from '../json-text';
import { loadYaml } from '../lazy-yaml';
import { oneOf, readOptions } from './rules';

const FORMATS = ['json', 'markdown', 'csv', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: bulwark analyze <model.bulwark.json | openapi.(json|yaml|yml) | threat-dragon.json | otm.(json|yaml) | model.tm7>
                       [--format json|markdown|csv|sarif]
                       [--fail-on low|medium|elevated|high|critical] [--out file]

Runs the threat rules over a model file, or over an OpenAPI 2.0 / 3.0 / 3.1 description
(detected by its openapi or swagger key), or over a Threat Dragon v1/v2, OTM 0.2 or
Microsoft Threat Modeling Tool (.tm7) model (their threats are kept; what Bulwark cannot
carry is listed on standard error), headlessly and prints the threats. For OpenAPI,
per-operation threats carry "operation" and "location" (a JSON pointer), and SARIF results
point at the line in the description.

Options:
  --format <f>     json (default), markdown (report with a Mermaid diagram), csv, sarif
  --fail-on <s>    exit 1 when an open threat of severity s or above exists; threats the
                   model marks mitigated, accepted, transferred or not applicable do not count
  --out <file>     write the output to a file instead of standard output
  -h, --help       show this help

Exit codes: 0 no failing threats, 1 threats at or above --fail-on, 2 bad input or arguments.
`;

/**
 * The input formats analyze reads, tried in order. Each adapter turns a file into a
 * threat model (and warnings, such as an OpenAPI description's external `$ref`s, which
 * go to standard error); OpenAPI descriptions and Threat Dragon / OTM files plug in here,
 * in front of the model-file adapter (which accepts any .json as a last resort).
 *
 * Threat Dragon, OTM and .tm7 files are only recognised here: their importers (with the
 * XML parser .tm7 needs) are a large module, imported once a file is one of them
 * (`importExchange` below), so that analysing anything else does not load them.
 */
function analyzeInputs(): {
  readonly adapters: readonly InputAdapter[];
  readonly exchange: () => boolean;
} {
  let claimed = false;
  const exchange: InputAdapter = {
    name: 'Threat Dragon, OTM or Threat Modeling Tool file',
    accepts: (fileName, text, json) => detectParsed(fileName, text, json) !== null,
    load: () => {
      claimed = true;
      return { ok: false, error: 'not imported yet' };
    },
  };
  return { adapters: [exchange, openApiInput, ...DEFAULT_INPUTS], exchange: () => claimed };
}

/** Imports a Threat Dragon, OTM or .tm7 file, its notes going to `warn`. */
async function importExchange(
  text: string,
  file: string,
  warn: (message: string) => void,
): Promise<InputResult> {
  const { createExchangeInput } = await import('../../core/exchange/input');
  return createExchangeInput(warn).load(text, file);
}

// Messages are printed on one line whatever the file name or content holds.
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

/** The path a SARIF result names: relative to the working directory when inside it. */
function artifactUri(file: string): string {
  const absolute = path.resolve(file);
  const rel = path.relative(process.cwd(), absolute);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel))
    return rel.split(path.sep).join('/');
  return pathToFileURL(absolute).href;
}

/**
 * The output, in parts to be written one after the other, made as they are written: the
 * JSON analysis and the SARIF log come in slices of threats (analysisJsonParts,
 * toSarifParts), so that a large one (8.8 MB for GitHub's API) is never held whole; a JSON body and its final newline stay
 * apart, because joining them would copy the whole text only to add one character.
 */
function* render(
  format: Format,
  analysis: Analysis,
  input: LoadedInput,
  file: string,
): Generator<string> {
  switch (format) {
    case 'json':
      yield* analysisJsonParts(analysis);
      yield '\n';
      return;
    case 'csv':
      yield threatsCsv(analysis.model);
      return;
    case 'markdown':
      yield toMarkdownReport(analysis.model, {
        mermaid: toMermaidDiagrams(analysis.model).overview.text,
      });
      return;
    case 'sarif':
      yield* toSarifParts(analysis.model, analysis.rows, {
        toolVersion: pkg.version,
        artifactUri: artifactUri(file),
        locate: input.locate,
      });
      yield '\n';
  }
}

/** A file-system error while writing the output (not one while making it). */
class WriteFailure extends Error {}

/**
 * Writes the parts to a file as UTF-8, each converted once into its own buffer as it comes:
 * no joined copy of the text, and no separate pass to measure its UTF-8 length first.
 */
function writeParts(out: string, parts: Iterable<string>): void {
  let fd: number;
  try {
    fd = openSync(out, 'w');
  } catch (e) {
    throw new WriteFailure(String(e));
  }
  try {
    for (const p of parts) {
      const bytes = Buffer.from(p, 'utf8');
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      } catch (e) {
        throw new WriteFailure(String(e));
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** `bulwark analyze`: rules over a model file, as JSON, Markdown, CSV or SARIF. */
export const analyzeCommand = {
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = readOptions(
      args,
      {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      'analyze',
    );
    if (values.help === true) {
      io.out(USAGE);
      return 0;
    }
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('analyze: name the model file to analyse');
    if (extra !== undefined) throw new UsageError(`analyze: unexpected argument '${extra}'`);
    const format = oneOf(values.format, FORMATS, 'json', '--format');
    const failOn =
      values['fail-on'] === undefined
        ? undefined
        : oneOf(values['fail-on'], SEVERITIES, 'critical', '--fail-on');
    const out = values.out;
    if (out !== undefined && (typeof out !== 'string' || out === ''))
      throw new UsageError('--out needs a file name');

    let read: FileText;
    try {
      read = decodeText(readFileSync(file));
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
      io.err(`bulwark: cannot read ${oneLine(file)}: ${oneLine(reason)}\n`);
      return 2;
    }
    // JSON text may come as an ASCII-escaped copy, which only the OpenAPI input reads
    // (loadInput hands the others the original).
    const { text, origin } = read;
    // readSource reads text that does not open with `{` or `[` as YAML: only then is the
    // YAML library needed (the CLI bundle leaves it out of a JSON run, see lazy-yaml.ts).
    if (!/^\s*[[{]/.test(text)) await loadYaml();
    const inputs = analyzeInputs();
    let input = loadInput(file, text, inputs.adapters, origin);
    if (inputs.exchange())
      input = await importExchange(origin?.original() ?? text, file, (w) => {
        io.err(`bulwark: warning: ${oneLine(w)}\n`);
      });
    if (!input.ok) {
      io.err(`bulwark: ${oneLine(input.error)}\n`);
      return 2;
    }
    for (const w of input.warnings ?? []) io.err(`bulwark: warning: ${oneLine(w)}\n`);
    const analysis = analyzeModel(input.model, defaultLibrary());
    const output = render(format, analysis, input, file);
    if (out === undefined) io.out([...output].join(''));
    else
      try {
        writeParts(out, output);
      } catch (e) {
        if (!(e instanceof WriteFailure)) throw e;
        io.err(`bulwark: cannot write ${oneLine(out)}: ${oneLine(e.message)}\n`);
        return 2;
      }
    if (failOn !== undefined) {
      const failing = failingThreats(analysis.rows, failOn);
      if (failing.length > 0) {
        const first = failing[0];
        io.err(
          `bulwark: ${failing.length} open threat${failing.length === 1 ? '' : 's'} at or above ${failOn}${first ? ` (first: ${oneLine(first.id)}, ${first.severity})` : ''}\n`,
        );
        return 1;
      }
    }
    return 0;
  },
};
