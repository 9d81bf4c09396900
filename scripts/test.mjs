// `npm test`: lint, type-check, unit tests, build, then the Chromium end-to-end tests.
// Ends with one line `N passed, N failed` counting every test and every check, which is
// what CI reads (Vitest's and Playwright's own summaries are not in that form).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_MISSING, findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(title, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(title, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('lint', step('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']));
check(
  'format',
  step('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']),
);
check(
  'type-check',
  step('type-check (tsc, one project per runtime)', 'npm', ['run', '--silent', 'typecheck']),
);

const unitOk = step('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(results, 'unit.json')}`,
]);
const unit = readJson(join(results, 'unit.json'));
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests > 0) failures.push(`${unit.numFailedTests} unit test(s)`);
  if (!unitOk && unit.numFailedTests === 0) check('unit test run (suite error)', false);
} else check('unit test run (no report)', false);

const buildOk = step('build (electron-vite: main, preload, renderer; CLI)', 'npm', [
  'run',
  '--silent',
  'build',
]);
check('build', buildOk);

const chromium = findChromium();
if (!chromium) {
  process.stdout.write(`\n=== end-to-end tests (Chromium) ===\n${CHROMIUM_MISSING}\n`);
  check('end-to-end tests: no Chromium', false);
} else if (!buildOk) {
  check('end-to-end tests: skipped because the build failed', false);
} else {
  // A free port for the test server, so another server on the default port cannot break the run.
  const port =
    process.env.BULWARK_E2E_PORT ??
    (await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(String(free)));
      });
    }));
  const e2eOk = step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], {
    CHROME_PATH: chromium,
    BULWARK_E2E_PORT: port,
  });
  const e2e = readJson(join(results, 'e2e.json'));
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    if (e2e.stats.unexpected > 0) failures.push(`${e2e.stats.unexpected} end-to-end test(s)`);
    if (!e2eOk && e2e.stats.unexpected === 0) check('end-to-end run (suite error)', false);
  } else check('end-to-end run (no report)', false);
}

process.stdout.write('\n');
if (failures.length > 0) process.stdout.write(`Failed: ${failures.join(', ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
if (!existsSync(results)) process.exitCode = 1;
