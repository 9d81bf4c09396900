import pkg from '../package.json' with { type: 'json' };
import { fileURLToPath, realpathSync, setFlagsFromString } from './builtins';

// The command line over core: the same domain as the window, for CI pipelines and
// scripts. Verbs register in COMMANDS; later areas (rules, analyze, playbook, ...) add theirs.

/** Where a command writes; tests pass buffers instead of the process streams. */
export type CliIo = { readonly out: (text: string) => void; readonly err: (text: string) => void };

/** A usage error: reported on one line with exit code 2. */
export class UsageError extends Error {}

type Command = {
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};

/**
 * A verb: its one-line summary for the help text, and its module, imported only when the
 * verb runs (so `bulwark analyze` does not load and evaluate the playbook or YAML code).
 */
type Registered = { readonly summary: string; readonly load: () => Promise<Command> };

const COMMANDS: Readonly<Record<string, Registered>> = {
  playbook: {
    summary: 'list, validate, export (CACAO, Mermaid, YAML) and import (CACAO) incident playbooks',
    load: () => import('./commands/playbook').then((m) => m.playbookCommand),
  },
  rules: {
    summary: 'list the threat rule catalogue (STRIDE, OWASP API 2023, CWE, CAPEC)',
    load: () => import('./commands/rules').then((m) => m.rulesCommand),
  },
  analyze: {
    summary:
      'run the threat rules over a model file, OpenAPI description or Threat Dragon/OTM/.tm7 model',
    load: () => import('./commands/analyze').then((m) => m.analyzeCommand),
  },
  convert: {
    summary: 'convert a threat model between Bulwark, Threat Dragon, OTM (and read .tm7)',
    load: () => import('./commands/convert').then((m) => m.convertCommand),
  },
  verify: {
    summary: 'verify the hash chain of an incident bundle (exit 1 when tampered)',
    load: () => import('./commands/verify').then((m) => m.verifyCommand),
  },
  scenario: {
    summary: 'list and validate tabletop exercise scenarios',
    load: () => import('./commands/scenario').then((m) => m.scenarioCommand),
  },
  report: {
    summary: 'compute the security posture report from a workspace backup',
    load: () => import('./commands/report').then((m) => m.reportCommand),
  },
};

function helpText(): string {
  const verbs = Object.entries(COMMANDS);
  const lines = [
    `Bulwark ${pkg.version}: API security workbench (inventory, STRIDE threat models, incident playbooks, exercises).`,
    '',
    'Usage: bulwark [--help] [--version] <command> [options]',
    '',
    'Options:',
    '  -h, --help       show this help and exit',
    '  -v, --version    print the version and exit',
  ];
  if (verbs.length > 0) {
    lines.push('', 'Commands:');
    for (const [name, c] of verbs) lines.push(`  ${name.padEnd(16)} ${c.summary}`);
  }
  lines.push(
    '',
    'Exit codes: 0 success, 1 findings or validation errors, 2 bad input or bad arguments.',
  );
  lines.push('The desktop app: npm start (see README.md).');
  return lines.join('\n') + '\n';
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      io.out(helpText());
      return 0;
    }
    if (first === '-v' || first === '--version') {
      io.out(`${pkg.version}\n`);
      return 0;
    }
    if (first.startsWith('-'))
      throw new UsageError(`unknown option '${first}' (try bulwark --help)`);
    const command = COMMANDS[first];
    if (!command) throw new UsageError(`unknown command '${first}' (try bulwark --help)`);
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`bulwark: ${e.message}\n`);
      return 2;
    }
    // Never a stack trace for the user: one line, exit 2.
    io.err(`bulwark: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** The V8 flags configureOneShotProcess sets (V8's default budget is 67,584). */
export const ONE_SHOT_V8_FLAGS: readonly string[] = ['--interrupt-budget=3000000'];

/**
 * Sets V8 up for a process that runs one command and exits; called by the two entry points
 * (this module run as a script, and bin/bulwark.mjs) before the command's modules load,
 * never when the CLI is imported as a library.
 *
 * V8 recompiles a function with its optimising compiler (TurboFan, on a background thread)
 * once it has run a set amount of bytecode, the interrupt budget. A command lives for well
 * under a second to a few seconds, and most of its code is warm only briefly (each phase
 * walks the description once): with the default budget hundreds of functions are
 * recompiled, costing more CPU than the faster code wins back. A budget 44 times larger
 * keeps the optimising compiler for code that runs very hot, such as the loops over a
 * whole description's text. Measured on this project's benchmark descriptions (0.6 to
 * 73 MB), `bulwark analyze` then uses up to 30% less CPU and no more wall time on any of
 * them, JSON or SARIF: GitHub's 13 MB description 520 → 400 ms of CPU (JSON) and 710 → 570
 * ms (SARIF), EC2's 750 → 545 ms (test/bench/RESULTS-openapi.md). Turning the optimising
 * compiler off altogether does as well on JSON but makes SARIF of the 73 MB description
 * 1.7 times slower. Results are the same either way.
 */
export function configureOneShotProcess(): void {
  for (const flag of ONE_SHOT_V8_FLAGS) setFlagsFromString(flag);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// No top-level await here: the lazily loaded command modules import UsageError from this
// module, which must therefore finish evaluating before they load.
if (isEntryPoint()) {
  configureOneShotProcess();
  void run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
