/// <reference types="vite/client" />
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinPlaybook, builtinPlaybooks } from '../../core/playbooks/builtin';
import { exportCacao } from '../../core/playbooks/cacao-export';
import { importCacao } from '../../core/playbooks/cacao-import';
import { toMermaidStateDiagram } from '../../core/playbooks/mermaid';
import { countSteps } from '../../core/playbooks/model';
import type { Playbook } from '../../core/playbooks/types';
import { formatError, playbookToYaml, validatePlaybook } from '../../core/playbooks/validate';
import { UsageError, type CliIo } from '../cli';

// `bulwark playbook …`: list, validate, export and import incident playbooks. Findings go
// to stdout, one per line as `file:line:column path message`; exit 0 when clean, 1 when
// a file has errors, 2 on bad input (unreadable file, bad arguments).

const USAGE = `Usage:
  bulwark playbook list [--format json|text]
  bulwark playbook validate <file...>
  bulwark playbook export <file|id> --to cacao|mermaid|yaml [--out file]
  bulwark playbook import <cacao.json> [--out file.yaml]`;

/** Files larger than this are not read: a playbook is a few kilobytes. */
const MAX_READ = 16 * 1024 * 1024;

type Parsed = { positional: string[]; options: Map<string, string> };

function parseArgs(args: readonly string[], allowed: readonly string[]): Parsed {
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
      throw new UsageError(`unknown option '--${name}' (try bulwark playbook --help)`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '')
      throw new UsageError(`option '--${name}' needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

function readText(file: string): string {
  try {
    if (statSync(file).size > MAX_READ) throw new UsageError(`${file} is larger than 16 MB`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    throw new UsageError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

function emit(text: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) {
    io.out(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new UsageError(`cannot write ${out} (${(e as { code?: string }).code ?? 'error'})`);
  }
}

function load(ref: string, io: CliIo): Playbook | number {
  if (existsSync(ref)) {
    const result = validatePlaybook(readText(ref), ref);
    if (result.ok) return result.playbook;
    for (const e of result.errors) io.out(`${formatError(e)}\n`);
    return 1;
  }
  const builtin = builtinPlaybook(ref);
  if (!builtin)
    throw new UsageError(`no file or built-in playbook named '${ref}' (see bulwark playbook list)`);
  return builtin;
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['format']);
  if (positional.length > 0)
    throw new UsageError(`list takes no arguments (got '${positional[0] ?? ''}')`);
  const format = options.get('format') ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text`);
  const rows = builtinPlaybooks().map((p) => ({
    id: p.id,
    title: p.title,
    version: p.version,
    owasp: [...p.appliesWhen.owasp],
    steps: countSteps(p),
  }));
  if (format === 'json') io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const width = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows)
      io.out(
        `${r.id.padEnd(width)}  ${r.version.padEnd(8)} ${String(r.steps).padStart(3)} steps  ${r.title} [${r.owasp.join(', ')}]\n`,
      );
  }
  return Promise.resolve(0);
}

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(args, []);
  if (positional.length === 0) throw new UsageError('validate needs at least one file');
  let code = 0;
  for (const file of positional) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      io.err(`bulwark: ${(e as Error).message}\n`);
      code = 2;
      continue;
    }
    const result = validatePlaybook(text, file);
    if (result.ok) io.out(`${file}: valid (${countSteps(result.playbook)} steps)\n`);
    else {
      for (const e of result.errors) io.out(`${formatError(e)}\n`);
      if (code === 0) code = 1;
    }
  }
  return Promise.resolve(code);
}

async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['to', 'out']);
  if (positional.length !== 1) throw new UsageError('export needs exactly one playbook file or id');
  const to = options.get('to');
  if (to !== 'cacao' && to !== 'mermaid' && to !== 'yaml')
    throw new UsageError('--to must be cacao, mermaid or yaml');
  const playbook = load(positional[0] ?? '', io);
  if (typeof playbook === 'number') return playbook;
  let text: string;
  if (to === 'yaml') text = playbookToYaml(playbook);
  else if (to === 'mermaid') text = toMermaidStateDiagram(playbook);
  else {
    // Export validity against the official schemas is proven by the tests, which read
    // them from ../shared; the CLI does not carry a copy.
    const document = exportCacao(playbook, { now: Date.now(), newId: randomUUID });
    text = `${JSON.stringify(document, null, 2)}\n`;
  }
  emit(text, options.get('out'), io);
  return Promise.resolve(0);
}

async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['out']);
  if (positional.length !== 1) throw new UsageError('import needs exactly one CACAO JSON file');
  const file = positional[0] ?? '';
  const result = importCacao(readText(file), file);
  for (const w of result.warnings) io.err(`${formatError(w)}\n`);
  if (!result.ok) {
    for (const e of result.errors) io.out(`${formatError(e)}\n`);
    return 1;
  }
  emit(playbookToYaml(result.playbook), options.get('out'), io);
  return Promise.resolve(0);
}

const VERBS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  list,
  validate,
  export: exportCommand,
  import: importCommand,
};

/** The `playbook` command for bin/cli.ts's registry. */
export const playbookCommand = {
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    const [verb, ...rest] = args;
    if (verb === undefined)
      throw new UsageError('playbook needs a command: list, validate, export or import');
    if (verb === '--help' || verb === '-h' || verb === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const run = VERBS[verb];
    if (!run)
      throw new UsageError(`unknown playbook command '${verb}' (try bulwark playbook --help)`);
    return run(rest, io);
  },
};
