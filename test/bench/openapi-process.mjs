// Whole-process figures for `bulwark analyze` on real OpenAPI descriptions (issue 4):
//
//   node test/bench/openapi-process.mjs [--runs N] [--spectral] [--timeout-s S]
//
// 1. GitHub's REST description (and the other @octokit/openapi files): the wall time of a
//    whole `node out/cli/bulwark.mjs analyze <file> --format json|sarif --out /dev/null`
//    process against a process that only runs JSON.parse(readFileSync(file, 'utf8')).
//    Each is run N times (default 5); the median is printed, with the ratio.
// 2. With --spectral (or BULWARK_BENCH_SPECTRAL=1): the same descriptions side by side with
//    Spectral and its OWASP ruleset (test/bench/spectral-owasp.yaml), one run per file with
//    a time limit (default 600 s), listing the OWASP API Security Top 10 2023 categories
//    each tool found; then the same in process, without Node start-up and module loading
//    (test/bench/openapi-inprocess.mjs: Spectral through its JS API, bulwark's CLI `run`).
//
// Peak memory and CPU time: every measured process is started with `--import` of a tiny
// module that, when the process exits, writes process.resourceUsage() maxRSS (the
// kernel's peak resident set size of that process, in KiB; the figure /usr/bin/time
// reports) and user + system CPU time to a file named in BULWARK_BENCH_RSS. It reads the
// same way on every platform Node runs on and does not depend on polling.
//
// The machine may be shared: wall times move with the load. The pair of processes run
// back to back, alternately, so their ratio moves less; CPU time (all of the process's
// threads, including the garbage collector's) moves least, and is printed beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { categoryTable, median, table } from './report.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const SPECTRAL = flag('--spectral') || process.env.BULWARK_BENCH_SPECTRAL === '1';
const TIMEOUT_S = option('--timeout-s', 600);

const cli = join(root, 'out', 'cli', 'bulwark.mjs');
if (!existsSync(cli)) {
  console.error('openapi-process: build the CLI first (npm run build:cli)');
  process.exit(1);
}
const octokit = join(root, 'node_modules', '@octokit', 'openapi', 'generated');
const examples = join(root, 'node_modules', '@readme', 'oas-examples');
const GITHUB = join(octokit, 'api.github.com.json');

const work = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
const rssFile = join(work, 'rss');
const probe = join(work, 'rss-probe.mjs');
writeFileSync(
  probe,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  try { writeFileSync(process.env.BULWARK_BENCH_RSS, JSON.stringify({ rss: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); } catch {}
});
`,
);
const parseOnly = join(work, 'parse-only.mjs');
writeFileSync(
  parseOnly,
  `import { readFileSync } from 'node:fs';\nJSON.parse(readFileSync(process.argv[2], 'utf8'));\n`,
);

/** Runs `node --import probe <args>`: wall ms, CPU ms, peak RSS in MiB, exit status, output. */
function measure(nodeArgs, timeoutMs = 0) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, ...nodeArgs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs || undefined,
    killSignal: 'SIGKILL',
    env: { ...process.env, BULWARK_BENCH_RSS: rssFile },
  });
  const ms = performance.now() - started;
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : null;
  const rss = usage ? usage.rss / 1024 : NaN;
  const cpu = usage ? usage.cpu / 1000 : NaN;
  const timedOut = r.error?.code === 'ETIMEDOUT';
  return {
    ms,
    cpu,
    rss,
    status: r.status,
    timedOut,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
  };
}

const mb = (file) => (statSync(file).size / 1e6).toFixed(1);
const sec = (ms) => (ms / 1000).toFixed(2);

// ---- 1. analyze versus JSON.parse -------------------------------------------------------

const processFiles = [
  GITHUB,
  join(octokit, 'ghes-3.17.json'),
  join(octokit, 'ghec.json'),
  join(octokit, 'api.github.com.deref.json'),
].filter(existsSync);

console.log(
  `openapi analyze process vs JSON.parse process: median of ${RUNS} runs each, Node ${process.version}`,
);
const rows = [];
for (const file of processFiles) {
  for (const format of ['json', 'sarif']) {
    const a = [];
    const p = [];
    for (let i = 0; i < RUNS; i++) {
      const run = measure([cli, 'analyze', file, '--format', format, '--out', join(work, 'out')]);
      if (run.status !== 0) {
        console.error(`analyze failed on ${file}: ${run.stderr}`);
        process.exit(1);
      }
      a.push(run);
      p.push(measure([parseOnly, file]));
    }
    const am = median(a.map((r) => r.ms));
    const pm = median(p.map((r) => r.ms));
    const ac = median(a.map((r) => r.cpu));
    const pc = median(p.map((r) => r.cpu));
    rows.push([
      `${basename(file)} (${mb(file)} MB)`,
      format,
      sec(am),
      sec(pm),
      `${(am / pm).toFixed(2)}×`,
      sec(ac),
      sec(pc),
      `${(ac / pc).toFixed(2)}×`,
      Math.max(...a.map((r) => r.rss)).toFixed(0),
      Math.max(...p.map((r) => r.rss)).toFixed(0),
    ]);
  }
}
console.log(
  table(
    [
      'description',
      'format',
      'analyze wall s',
      'JSON.parse wall s',
      'wall ratio',
      'analyze CPU s',
      'JSON.parse CPU s',
      'CPU ratio',
      'analyze peak MiB',
      'JSON.parse peak MiB',
    ],
    rows,
  ),
);
// The target is on `bulwark analyze` as run (JSON, its default format); SARIF alongside.
for (const format of ['json', 'sarif']) {
  const github = rows.find((r) => r[0].startsWith('api.github.com.json') && r[1] === format);
  if (github)
    console.log(
      `figure: GitHub REST description, analyze (${format}) / JSON.parse = ${github[7]} in CPU time, ${github[4]} in wall time (target ≤ 3×); peak ${github[8]} MiB`,
    );
}

// ---- 2. Spectral with the OWASP ruleset --------------------------------------------------

/** OWASP API Security Top 10 2023 category of a Spectral OWASP rule code. */
const spectralCategory = (code) => {
  const m = /^owasp:api(\d+):2023-/.exec(code);
  return m ? `API${m[1]}:2023` : null;
};
const categories = (list) =>
  [...new Set(list.filter((c) => c !== null))]
    .sort((a, b) => Number(/\d+/.exec(a)[0]) - Number(/\d+/.exec(b)[0]))
    .map((c) => c.replace(':2023', ''));

if (SPECTRAL) {
  const spectral = join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
  const ruleset = join(root, 'test', 'bench', 'spectral-owasp.yaml');
  const files = [
    join(examples, '3.1', 'json', 'train-travel.json'),
    join(examples, '3.0', 'json', 'readme-legacy.json'),
    join(examples, '3.0', 'json', 'star-trek.json'),
    join(examples, '3.1', 'json', 'readme.json'),
    join(octokit, 'ghes-3.17.json'),
    GITHUB,
  ].filter(existsSync);
  console.log(
    `\nSpectral ${JSON.parse(readFileSync(join(root, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8')).version} + OWASP ruleset vs bulwark analyze (one Spectral run per file, limit ${TIMEOUT_S} s; bulwark: median of ${RUNS})`,
  );
  const out = [];
  const cats = [];
  for (const file of files) {
    const b = [];
    for (let i = 0; i < RUNS; i++)
      b.push(measure([cli, 'analyze', file, '--format', 'json', '--out', join(work, 'b.json')]));
    const bMs = median(b.map((r) => r.ms));
    const bCats = categories(
      JSON.parse(readFileSync(join(work, 'b.json'), 'utf8')).threats.map((t) =>
        t.owasp ? (/^API\d+:2023/.exec(t.owasp)?.[0] ?? null) : null,
      ),
    );
    const sOut = join(work, 's.json');
    rmSync(sOut, { force: true });
    const s = measure(
      [spectral, 'lint', '-r', ruleset, '-f', 'json', '-q', file, '-o', sOut],
      TIMEOUT_S * 1000,
    );
    let sCats = null;
    let sState;
    if (s.timedOut) sState = `no (killed at ${TIMEOUT_S} s)`;
    else if (existsSync(sOut)) {
      try {
        sCats = categories(
          JSON.parse(readFileSync(sOut, 'utf8')).map((r) => spectralCategory(r.code)),
        );
        sState = 'yes';
      } catch {
        sState = `no (exit ${s.status}, unreadable output)`;
      }
    } else
      sState = `no (exit ${s.status}: ${(s.stderr.trim().split('\n').pop() ?? '').slice(0, 60)})`;
    const missing = sCats ? sCats.filter((c) => !bCats.includes(c)) : [];
    out.push([
      `${basename(file)} (${mb(file)} MB)`,
      b.every((r) => r.status <= 1) ? 'yes' : 'no',
      sec(bMs),
      Number.isNaN(b[0].rss) ? '?' : Math.max(...b.map((r) => r.rss)).toFixed(0),
      sState,
      s.timedOut ? `>${TIMEOUT_S}` : sec(s.ms),
      Number.isNaN(s.rss) ? '?' : s.rss.toFixed(0),
      sCats ? `${(s.ms / bMs).toFixed(0)}×` : '-',
    ]);
    cats.push([
      basename(file),
      bCats.join(' ') || '-',
      sCats ? sCats.join(' ') || '-' : '-',
      sCats ? (missing.length ? `misses ${missing.join(' ')}` : 'none') : '-',
    ]);
  }
  console.log(
    table(
      [
        'description',
        'bulwark done',
        'bulwark s',
        'bulwark MiB',
        'spectral done',
        'spectral s',
        'spectral MiB',
        'speed-up',
      ],
      out,
    ),
  );
  console.log('\n' + categoryTable(cats));
  // The same tools without Node start-up and module loading (openapi-inprocess.mjs).
  spawnSync(
    process.execPath,
    [
      join(root, 'test', 'bench', 'openapi-inprocess.mjs'),
      '--runs',
      String(RUNS),
      '--timeout-s',
      String(TIMEOUT_S),
    ],
    { cwd: root, stdio: 'inherit' },
  );
} else console.log('\n(Spectral comparison skipped: pass --spectral or BULWARK_BENCH_SPECTRAL=1)');

rmSync(work, { recursive: true, force: true });
