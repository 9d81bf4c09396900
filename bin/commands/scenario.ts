/// <reference types="vite/client" />
import { readFileSync, statSync } from 'node:fs';
import { builtinScenarios } from '../../core/exercises/builtin';
import { validateScenario } from '../../core/exercises/validate';
import { formatError } from '../../core/playbooks/validate';
import { UsageError, type CliIo } from '../cli';

// `bulwark scenario …`: list and validate tabletop exercise scenarios. Exit codes as for
// `bulwark playbook`: 0 clean, 1 when a file has errors (one `file:line:column path
// message` line each on stdout), 2 on bad input (unreadable file, bad arguments).

const USAGE = `Usage:
  bulwark scenario list [--format json|text]
  bulwark scenario validate <file...>`;

/** Files larger than this are not read: a scenario is a few kilobytes. */
const MAX_READ = 16 * 1024 * 1024;

function split(args: readonly string[], allowed: readonly string[]) {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!allowed.includes(name))
      throw new UsageError(`unknown option '--${name}' (try bulwark scenario --help)`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '')
      throw new UsageError(`option '--${name}' needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

function list(args: readonly string[], io: CliIo): number {
  const { positional, options } = split(args, ['format']);
  if (positional.length > 0)
    throw new UsageError(`list takes no arguments (got '${positional[0] ?? ''}')`);
  const format = options.get('format') ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
  const rows = builtinScenarios().map((s) => ({
    id: s.id,
    title: s.title,
    playbook: s.playbook,
    injects: s.injects.length,
    objectives: s.objectives.length,
  }));
  if (format === 'json') io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const width = Math.max(...rows.map((r) => r.id.length));
    const pbWidth = Math.max(...rows.map((r) => r.playbook.length));
    for (const r of rows)
      io.out(
        `${r.id.padEnd(width)}  ${r.playbook.padEnd(pbWidth)}  ${String(r.injects).padStart(2)} injects  ${String(r.objectives).padStart(2)} objectives  ${r.title}\n`,
      );
  }
  return 0;
}

function validate(args: readonly string[], io: CliIo): number {
  const { positional } = split(args, []);
  if (positional.length === 0) throw new UsageError('validate needs at least one file');
  let code = 0;
  for (const file of positional) {
    let text: string;
    try {
      if (statSync(file).size > MAX_READ) throw new UsageError(`${file} is larger than 16 MB`);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason =
        e instanceof UsageError
          ? e.message
          : `cannot read ${file}${(e as { code?: string }).code ? ` (${(e as { code?: string }).code ?? ''})` : ''}`;
      io.err(`bulwark: ${reason}\n`);
      code = 2;
      continue;
    }
    const result = validateScenario(text, file);
    if (result.ok) io.out(`${file}: valid (${result.scenario.injects.length} injects)\n`);
    else {
      for (const e of result.errors) io.out(`${formatError(e)}\n`);
      if (code === 0) code = 1;
    }
  }
  return code;
}

const VERBS: Readonly<Record<string, (args: readonly string[], io: CliIo) => number>> = {
  list,
  validate,
};

/** The `scenario` command for bin/cli.ts's registry. */
export const scenarioCommand = {
  usage: USAGE,
  run: (args: readonly string[], io: CliIo): Promise<number> => {
    const [verb, ...rest] = args;
    if (verb === undefined) throw new UsageError('scenario needs a command: list or validate');
    if (verb === '--help' || verb === '-h' || verb === 'help') {
      io.out(`${USAGE}\n`);
      return Promise.resolve(0);
    }
    const run = VERBS[verb];
    if (!run)
      throw new UsageError(`unknown scenario command '${verb}' (try bulwark scenario --help)`);
    return Promise.resolve(run(rest, io));
  },
};
