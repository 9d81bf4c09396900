import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks in real Chromium against the built app; they print figures and assert
// nothing about time. Run through `npm run bench`.
export default defineConfig({
  ...base,
  testDir: 'test/perf',
  testMatch: '**/*.perf.ts',
  reporter: [['list']],
  timeout: 300_000,
});
