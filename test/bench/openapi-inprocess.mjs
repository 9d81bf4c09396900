// In-process comparison of Bulwark's OpenAPI analysis with Spectral + its OWASP ruleset
// (issue 4), without Node start-up and module loading on either side:
//
//   node test/bench/openapi-inprocess.mjs [--runs N] [--timeout-s S] [--bulwark-only]
//
// (--bulwark-only: Bulwark's columns only, without running Spectral, which takes minutes
// per file; for measuring Bulwark before and after a change. --cli <bulwark.mjs>: the CLI
// bundle to time, out/cli/bulwark.mjs by default, e.g. a copy of an earlier build.)
//
// (run by `node test/bench/openapi-process.mjs --spectral`, after `npm run build:cli`).
//
// Each tool runs in its own child process per description, so that a run that hangs or
// exhausts memory can be killed at the time limit without taking the other tool down:
//
// - Spectral: loaded through its JS API the way spectral-cli loads it (the cli's own
//   getRuleset on test/bench/spectral-owasp.yaml, `new Spectral()`, `new Document(text,
//   Parsers.Yaml, file)` — the cli reads JSON with the YAML parser too), warmed once on a
//   small description, then timed per run from reading the file to its results written
//   as `spectral lint -f json -o <file>` writes them (read + Document + spectral.run + the
//   cli's own formatOutput and writeOutput), as Bulwark's runs end with its JSON written.
// - Bulwark: the built CLI bundle's `run(['analyze', file, '--format', 'json', '--out', …])`,
//   the very functions `bulwark analyze` calls (read → parse → checks → model → threat
//   rules → JSON written out), with the V8 settings of the CLI's process
//   (configureOneShotProcess), warmed once on the same small description, then timed.
//
// - The floor: a child that only reads the file and runs JSON.parse on it (floorChild).
//   Beside it the table prints each file's budget for 100× (Spectral's CPU time / 100)
//   and the ceiling (Spectral's CPU time over the floor).
// - Reading and writing: a child that reads and parses the file as the floor does, then
//   writes the JSON Bulwark wrote for it (floorChild given Bulwark's report). What a tool spends on this file and
//   this report before and after any analysis.
//
// Every timed run reports wall time and process CPU time (user + system, all threads, so
// the garbage collector too) around the run only; medians are printed. A child that does
// not finish its runs within the limit is killed, and the runs it finished still count.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIRECTORY, largeRealDescriptions } from './openapi-corpus.mjs';
import { categoryTable, median, table } from './report.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const octokit = join(root, 'node_modules', '@octokit', 'openapi', 'generated');
const examples = join(root, 'node_modules', '@readme', 'oas-examples');
const WARM = join(examples, '3.1', 'json', 'train-travel.json');

// A tool that has spent this long on a file's runs starts no further run on it (Spectral
// takes minutes per run on some large descriptions; one run is then the figure).
const RUN_BUDGET_MS = 60_000;

/**
 * Times `once()` `runs` times, printing one JSON line per run (the parent reads them).
 * `once` resolves to a function giving the OWASP categories found, called after the clocks
 * stop: reading them back (for Bulwark, parsing the JSON it wrote) is not the tool's work.
 */
async function timeRuns(runs, once) {
  let spent = 0;
  for (let i = 0; i < runs && spent < RUN_BUDGET_MS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let finish = null;
    let result;
    try {
      finish = await once();
    } catch (e) {
      result = { ok: false, error: String(e instanceof Error ? e.message : e).split('\n')[0] };
    }
    const ms = performance.now() - t0;
    spent += ms;
    const c = process.cpuUsage(cpu0);
    if (finish !== null) result = { ok: true, categories: finish() };
    process.stdout.write(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, ...result }) + '\n');
    if (!result.ok) return;
  }
}

const owaspOrder = (a, b) => Number(/\d+/.exec(a)[0]) - Number(/\d+/.exec(b)[0]);
const categories = (list) => [...new Set(list.filter((c) => c !== null))].sort(owaspOrder);

async function spectralChild(file, runs, outFile) {
  // Resolved from spectral-cli so that core, parsers and ruleset loader are the ones it uses.
  const cliDir = join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
  const req = createRequire(cliDir);
  const { Spectral, Document } = req('@stoplight/spectral-core');
  const Parsers = req('@stoplight/spectral-parsers');
  const { getRuleset } = req('./services/linter/utils/getRuleset.js');
  const { formatOutput, writeOutput } = req('./services/output.js');
  const spectral = new Spectral();
  spectral.setRuleset(await getRuleset(join(root, 'test', 'bench', 'spectral-owasp.yaml')));
  const failSeverity = req('@stoplight/spectral-core').getDiagnosticSeverity('error');
  const lint = async (path) => {
    const doc = new Document(readFileSync(path, 'utf8'), Parsers.Yaml, path);
    const results = await spectral.run(doc);
    await writeOutput(formatOutput(results, 'json', { failSeverity }, spectral.ruleset), outFile);
    return () =>
      categories(
        results.map((r) => {
          const m = /^owasp:api(\d+):2023-/.exec(String(r.code));
          return m ? `API${m[1]}` : null;
        }),
      );
  };
  await lint(WARM);
  await timeRuns(runs, () => lint(file));
}

async function bulwarkChild(file, runs, outFile, cli) {
  const { run, configureOneShotProcess } = await import(pathToFileURL(cli).href);
  // The V8 settings the CLI's own process runs with (bin/cli.ts; absent from older
  // bundles timed with --cli). Spectral's child keeps V8's defaults, as its CLI does: the
  // same setting made no difference to it (readme.json, about 0.3 to 0.5 s either way).
  configureOneShotProcess?.();
  const errors = [];
  const io = { out: () => {}, err: (t) => errors.push(t) };
  const analyze = async (path) => {
    const code = await run(['analyze', path, '--format', 'json', '--out', outFile], io);
    if (code !== 0) throw new Error(`exit ${code}: ${errors.join('').trim()}`);
    return () =>
      categories(
        JSON.parse(readFileSync(outFile, 'utf8')).threats.map((t) =>
          t.owasp ? (/^API(\d+):2023/.exec(t.owasp)?.[0].replace(/:2023$/, '') ?? null) : null,
        ),
      );
  };
  await analyze(WARM);
  await timeRuns(runs, () => analyze(file));
}

// The floor: what any tool that reads the file and parses it as JSON spends before it has
// looked at a single operation. The bytes are decoded as Latin-1, the cheapest decoding V8
// has (one byte per character, no validation): wrong for non-ASCII text, but it gives
// JSON.parse the same structure to read, so the floor is if anything low. Spectral's CPU
// time divided by it is the largest ratio any tool could reach on that file, even one that
// did nothing after parsing; Bulwark's own reading (bin/json-text.ts) costs about as much.
//
// With `report` (the "io" child, reading and writing): the floor, then Bulwark's own report
// for the file (the JSON its last run wrote, parsed before the clocks start) written to
// `outFile` with V8's JSON.stringify(…, null, 2), the layout `--format json` has. Any tool
// that reads this description and writes this report spends at least about this much,
// whatever its analysis costs.
async function floorChild(file, runs, outFile, _cli, report) {
  const output = report ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  // No categories: timeRuns' `finish` gives an empty list.
  const once = async (path) => {
    JSON.parse(readFileSync(path, 'latin1'));
    if (output !== undefined) writeFileSync(outFile, JSON.stringify(output, null, 2));
    return () => [];
  };
  await once(WARM);
  await timeRuns(runs, () => once(file));
}

/** Runs a child, collects its run lines; kills it at `timeoutMs`. */
function child(tool, file, runs, timeoutMs, outFile, extra = '') {
  return new Promise((done) => {
    const p = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', tool, file, String(runs), outFile, CLI, extra],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let killed = false;
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      done({ lines, killed, code, err: err.trim().split('\n').pop() ?? '' });
    });
  });
}

const millis = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const sec = (ms) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(3));

/** A tool's outcome on one file: completed runs, medians, categories or why it stopped. */
function outcome(r, timeoutS) {
  const done = r.lines.filter((l) => l.ok);
  const failed = r.lines.find((l) => !l.ok);
  let state = 'yes';
  if (done.length === 0)
    state = failed
      ? `no (${failed.error.slice(0, 60)})`
      : r.killed
        ? `no (killed at ${timeoutS} s)`
        : `no (exit ${r.code}: ${r.err.slice(0, 60)})`;
  return {
    state,
    runs: done.length,
    ms: done.length ? median(done.map((l) => l.ms)) : NaN,
    cpu: done.length ? median(done.map((l) => l.cpu)) : NaN,
    categories: done.length ? done[0].categories : null,
  };
}

if (args[0] === '--child') {
  const [, tool, file, runs, outFile, cli, extra] = args;
  const body = {
    spectral: spectralChild,
    bulwark: bulwarkChild,
    floor: floorChild,
    io: floorChild,
  }[tool];
  await body(file, Number(runs), outFile, cli, extra);
  process.exit(0);
}

const CLI = resolve(option('--cli', join(root, 'out', 'cli', 'bulwark.mjs')));
const RUNS = Number(option('--runs', 5));
// Bulwark's runs and the floor's take well under a second each, and on a shared host a
// median of 3 moved by half between runs of one build (compute.json: 0.21 and 0.35 s):
// they get at least 7.
const CHEAP_RUNS = Math.max(RUNS, 7);
const BULWARK_ONLY = args.includes('--bulwark-only');
const TIMEOUT_S = Number(option('--timeout-s', 600));
if (!existsSync(CLI)) {
  console.error('openapi-inprocess: build the CLI first (npm run build:cli)');
  process.exit(1);
}
const files = [
  join(examples, '3.1', 'json', 'train-travel.json'),
  join(examples, '3.0', 'json', 'readme-legacy.json'),
  join(examples, '3.0', 'json', 'star-trek.json'),
  join(examples, '3.1', 'json', 'readme.json'),
  join(octokit, 'ghes-3.17.json'),
  join(octokit, 'api.github.com.json'),
].filter(existsSync);
const large = largeRealDescriptions(root);
if (large.problem) console.log(`\nLarge real descriptions left out: ${large.problem}`);
files.push(...large.paths);
const work = mkdtempSync(join(tmpdir(), 'bulwark-inprocess-'));
const spectralVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8'),
).version;
console.log(
  `\nIn process (no Node start-up, no module loading; ${BULWARK_ONLY ? 'warmed once on train-travel.json): bulwark analyze --format json only (--bulwark-only: Spectral not run)' : `both warmed once on train-travel.json): Spectral ${spectralVersion} + OWASP ruleset vs bulwark analyze --format json`}; median of ${BULWARK_ONLY ? CHEAP_RUNS : `${RUNS} runs for Spectral,`} ${BULWARK_ONLY ? 'runs' : `${CHEAP_RUNS} for Bulwark and the floor`} (no new run once a tool has spent ${RUN_BUDGET_MS / 1000} s on a file), limit ${TIMEOUT_S} s per tool and file; large real descriptions from ${DIRECTORY.name}@${DIRECTORY.version} (APIs.guru)`,
);
const rows = [];
const cats = [];
for (const file of files) {
  const b = outcome(
    await child('bulwark', file, CHEAP_RUNS, TIMEOUT_S * 1000, join(work, 'b.json')),
    TIMEOUT_S,
  );
  const s = BULWARK_ONLY
    ? { state: 'not run', runs: 0, ms: NaN, cpu: NaN, categories: null }
    : outcome(
        await child('spectral', file, RUNS, TIMEOUT_S * 1000, join(work, 's.json')),
        TIMEOUT_S,
      );
  const f = outcome(
    await child('floor', file, CHEAP_RUNS, TIMEOUT_S * 1000, join(work, 'f.json')),
    TIMEOUT_S,
  );
  // After Bulwark's child, b.json holds its report on this file.
  const io =
    b.runs > 0
      ? outcome(
          await child(
            'io',
            file,
            CHEAP_RUNS,
            TIMEOUT_S * 1000,
            join(work, 'io.json'),
            join(work, 'b.json'),
          ),
          TIMEOUT_S,
        )
      : { runs: 0, cpu: NaN };
  const both = b.runs > 0 && s.runs > 0;
  const name = `${basename(file)} (${(statSync(file).size / 1e6).toFixed(1)} MB)`;
  rows.push([
    name,
    b.state,
    sec(b.ms),
    sec(b.cpu),
    s.state,
    s.runs > 0 ? `${s.runs}` : '-',
    s.runs > 0 ? sec(s.ms) : '-',
    s.runs > 0 ? sec(s.cpu) : '-',
    both ? `${(s.ms / b.ms).toFixed(0)}×` : '-',
    both ? `${(s.cpu / b.cpu).toFixed(0)}×` : '-',
    s.runs > 0 ? millis(s.cpu / 100) : '-',
    f.runs > 0 ? millis(f.cpu) : '-',
    s.runs > 0 && f.runs > 0 ? `${(s.cpu / f.cpu).toFixed(0)}×` : '-',
    io.runs > 0 ? millis(io.cpu) : '-',
  ]);
  const missing = s.categories ? s.categories.filter((c) => !b.categories?.includes(c)) : [];
  cats.push([
    basename(file),
    b.categories?.join(' ') || '-',
    s.categories ? s.categories.join(' ') || '-' : '-',
    s.categories ? (missing.length ? `misses ${missing.join(' ')}` : 'none') : '-',
  ]);
}
const header = [
  'description',
  'bulwark done',
  'bulwark wall s',
  'bulwark CPU s',
  'spectral done',
  'spectral runs',
  'spectral wall s',
  'spectral CPU s',
  'wall ratio',
  'CPU ratio',
  'spectral CPU / 100, ms',
  'read + JSON.parse CPU ms',
  'ceiling: spectral / read + parse',
  "read + parse + bulwark's JSON written, CPU ms",
];
// Without Spectral, its columns (and the ratios) would be dashes: they are left out.
const shown = BULWARK_ONLY ? [0, 1, 2, 3, 11, 13] : header.map((_, i) => i);
console.log(
  table(
    shown.map((i) => header[i]),
    rows.map((r) => shown.map((i) => r[i])),
  ),
);
console.log('\n' + categoryTable(cats));
rmSync(work, { recursive: true, force: true });
