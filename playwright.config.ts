import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_MISSING);

export const E2E_PORT = Number(process.env.BULWARK_E2E_PORT ?? 5199);

// The end-to-end tests drive Debian's Chromium (Playwright's own browser download is not
// possible here) against the built renderer served with the shell's security headers.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `http://127.0.0.1:${E2E_PORT}/`,
    env: { BULWARK_PORT: String(E2E_PORT) },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
