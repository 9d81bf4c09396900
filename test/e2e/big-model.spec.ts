import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { largeDescription } from '../fixtures/openapi-large';
import { launch, newProfile } from './helpers';

// A model with thousands of threats (from a 4 MB OpenAPI description) takes the paths a
// small one never does: it arrives from the threat-models worker in slices, its threat
// table is built between frames, and a change to it is validated and stored by the worker
// while the step waits. Two dismissals in a row both survive a reload and a re-import.

const detail = (page: Page) => page.getByRole('complementary', { name: 'Selected threat' });
const allThreats = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ threats$/ });

async function dismissRow(page: Page, index: number): Promise<string> {
  const row = page.locator('.threat-table__select').nth(index);
  const title = (await row.getAttribute('title')) ?? '';
  await row.click();
  await detail(page).getByRole('button', { name: 'Dismiss (false positive)' }).click();
  await expect(detail(page).getByRole('button', { name: 'Reopen' })).toBeVisible({
    timeout: 60_000,
  });
  return title;
}

test('a model of thousands of threats opens, and its changes are saved off the window', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-big-model-'));
  const file = join(dir, 'large-4mb.json');
  writeFileSync(file, largeDescription(4 * 1024 * 1024));
  const { context, page } = await launch(newProfile());
  await page.getByRole('link', { name: 'Threat models' }).click();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an OpenAPI description' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Create' }).click({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(allThreats(page)).toBeVisible({ timeout: 60_000 });
  const total = Number((await allThreats(page).textContent())?.split(' ')[0]);
  // Above the size from which saves go through the worker (SAVE_OFF_THREAD_FROM).
  expect(total).toBeGreaterThanOrEqual(5000);

  const first = await dismissRow(page, 0);
  const second = await dismissRow(page, 1);
  expect(second).not.toBe(first);

  // Both dismissals are stored: after a reload the model is read back and filtered.
  await page.reload();
  await expect(allThreats(page)).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Status').selectOption({ label: 'Not applicable' });
  await expect(page.getByRole('status').filter({ hasText: /threats$/ })).toHaveText(
    `2 of ${String(total)} threats`,
  );
  const shown = page.locator('.threat-table__select');
  await expect(shown).toHaveCount(2);
  expect(
    (await shown.evaluateAll((els) => els.map((e) => e.getAttribute('title')))).sort(),
  ).toEqual([first, second].sort());
  // The list's figures come from the summary the worker computed of the stored model.
  await page.getByRole('button', { name: 'All threat models' }).click();
  await expect(
    page.getByRole('list', { name: `${(total - 2).toLocaleString('en')} open threats` }),
  ).toBeVisible({
    timeout: 30_000,
  });

  // Re-importing the description updates the model (the import worker reads the stored
  // model and description itself) and keeps both dismissals.
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  const again = page.getByRole('dialog', { name: 'Import an OpenAPI description' });
  await again.locator('input[type="file"]').setInputFiles(file);
  await again.getByRole('button', { name: 'Update' }).click({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(allThreats(page)).toHaveText(`${String(total)} threats`, { timeout: 60_000 });
  await page.getByLabel('Status').selectOption({ label: 'Not applicable' });
  await expect(page.locator('.threat-table__select')).toHaveCount(2);
  await context.close();
});
