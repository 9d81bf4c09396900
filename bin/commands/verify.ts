import { readFileSync, statSync } from 'node:fs';
import { parseBundle, verifyBundle } from '../../core/incidents/bundle';
import type { CliIo } from '../cli';
import { UsageError } from '../cli';
import { oneOf, readOptions } from './rules';

const USAGE = `Usage: bulwark verify <bundle.json> [--format text|json]

Checks the hash chain of an incident bundle exported by Bulwark: every timeline entry
must match its SHA-256 hash and link to the entry before it, and the timeline must end
at the head recorded in the bundle.

Exit codes: 0 the chain is intact; 1 an entry was altered, removed, inserted or
reordered (the first bad entry is named); 2 bad input (the reason and its place).

Options:
  --format text|json   output format (default: text)
  -h, --help           show this help
`;

/** Bundles of 100,000 entries are about 50 MB; larger files are refused before reading. */
const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** `bulwark verify`: the chain of an incident bundle. */
export const verifyCommand = {
  usage: USAGE,
  run: (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = readOptions(
      args,
      { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      'verify',
    );
    if (values.help === true) {
      io.out(USAGE);
      return Promise.resolve(0);
    }
    const format = oneOf(values.format, ['text', 'json'] as const, 'text', '--format');
    if (positionals.length !== 1)
      throw new UsageError('verify: give exactly one bundle file (try bulwark verify --help)');
    const file = positionals[0] ?? '';
    let text: string;
    try {
      if (statSync(file).size > MAX_BUNDLE_BYTES)
        throw new UsageError(`${oneLine(file)} is larger than 512 MB`);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as { code?: string }).code;
      const reason = code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable');
      io.err(`bulwark: cannot read ${oneLine(file)}: ${reason}\n`);
      return Promise.resolve(2);
    }
    const parsed = parseBundle(text);
    if (!parsed.ok) {
      const [first = 'not a bundle', ...rest] = parsed.errors;
      const more = rest.length
        ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`
        : '';
      io.err(`bulwark: ${oneLine(file)}: ${oneLine(first)}${more}\n`);
      return Promise.resolve(2);
    }
    const verdict = verifyBundle(parsed.bundle);
    if (format === 'json')
      io.out(`${JSON.stringify({ file, incidentId: parsed.bundle.incident.id, ...verdict })}\n`);
    else if (verdict.ok)
      io.out(
        `${oneLine(file)}: intact — ${verdict.length} timeline entries, head ${verdict.head}\n`,
      );
    else
      io.out(
        `${oneLine(file)}: ${verdict.kind} — first bad entry ${verdict.firstBad} (position ${verdict.index}): ${oneLine(verdict.message)}\n`,
      );
    return Promise.resolve(verdict.ok ? 0 : 1);
  },
};
