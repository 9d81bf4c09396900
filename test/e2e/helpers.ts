import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from '../../scripts/chromium.mjs';

export const BASE_URL = `http://127.0.0.1:${process.env.BULWARK_E2E_PORT ?? '5199'}/`;

/** A fresh profile folder: each journey starts as a new user. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
}

/** Launches Chromium on a profile folder; reusing the folder proves persistence. */
export async function launch(
  profile: string,
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1366, height: 860 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  // A script-injection attempt that worked would open an alert: record any.
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(BASE_URL);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  return { context, page, dialogs };
}

/** Creates an API through the form with just a name and a team. */
export async function createApi(page: Page, name: string, team = 'Platform'): Promise<void> {
  const first = page.getByRole('button', { name: 'Add your first API' });
  if (await first.isVisible()) await first.click();
  else await page.getByRole('button', { name: 'Add API' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Team', { exact: true }).fill(team);
  await page.getByRole('button', { name: 'Save API' }).click();
}

/**
 * Restores a backup's text through Workspace › Restore from backup › Replace workspace.
 * The caller waits for whatever tells it the restore is done.
 */
export async function restoreBackup(page: Page, text: string, name = 'seed.json'): Promise<void> {
  await page.getByRole('link', { name: 'Workspace' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Replace workspace' }).click();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

/** Runs axe-core in the page and returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP is left as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // What is still fading in (a toast's 160 ms entrance) is judged as it will stay: axe
    // computes contrast from the opacity at the moment it runs. Finite animations only.
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact ?? ''} ${v.id}: ${v.help} @ ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
