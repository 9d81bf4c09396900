import { defaultLibrary, ruleListings, rulesMarkdown } from '../../core/threats';
import { parseArgs } from '../builtins';
import type { CliIo } from '../cli';
import { UsageError } from '../cli';

const USAGE = `Usage: bulwark rules [--format json|markdown]

Lists the threat rule catalogue: id, title, STRIDE category, OWASP API Security Top 10
(2023) id, CWE and CAPEC ids and the element kinds each rule applies to.

Options:
  --format json|markdown   output format (default: json)
  -h, --help               show this help
`;

/** Reads `--flag value` options strictly; an unknown option is a usage error (exit 2). */
export function readOptions(
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  command: string,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (e) {
    // Node's messages go on to explain `--`; the first sentence is the reason.
    const reason = (e instanceof Error ? e.message : String(e)).split(/\.\s|\n/)[0] ?? '';
    throw new UsageError(
      `${command}: ${reason.replace(/\.$/, '')} (try bulwark ${command} --help)`,
    );
  }
}

/** Checks that an option's value is one of the allowed words. */
export function oneOf<T extends string>(
  value: string | boolean | undefined,
  allowed: readonly T[],
  fallback: T,
  what: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
}

/** `bulwark rules`: the catalogue as JSON or Markdown. */
export const rulesCommand = {
  usage: USAGE,
  run: (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = readOptions(
      args,
      { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      'rules',
    );
    if (values.help === true) {
      io.out(USAGE);
      return Promise.resolve(0);
    }
    if (positionals.length > 0)
      throw new UsageError(`rules: unexpected argument '${positionals[0] ?? ''}'`);
    const format = oneOf(values.format, ['json', 'markdown'] as const, 'json', '--format');
    const library = defaultLibrary();
    io.out(
      format === 'json'
        ? JSON.stringify(ruleListings(library), null, 2) + '\n'
        : rulesMarkdown(library),
    );
    return Promise.resolve(0);
  },
};
