import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { largeDescription } from '../fixtures/openapi-large';
import { createApi, launch, newProfile, seriousViolations } from './helpers';

// An OpenAPI description becomes an inventory entry and a threat model through the
// import dialog (analysed in a Web Worker with a progress bar); a changed version shows
// its diff and updates the model; a dismissed heuristic stays dismissed on re-import.

const SHOTS = '/tmp/openapi-ui-shots';
const V1 = readFileSync(new URL('../fixtures/openapi/insecure.yaml', import.meta.url), 'utf8');
// Version 2 adds an operation and asks for `bearer` instead of the API key in the query.
const V2 = V1.replace(
  /^paths:\n/m,
  "paths:\n  /v1/health:\n    get:\n      responses:\n        '200': { description: ok }\n",
).replace(/^security:\n {2}- apiKeyQuery: \[\]\n/m, 'security:\n  - bearer: []\n');

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

async function noSeriousViolations(page: Page, screen: string): Promise<void> {
  await settle(page);
  expect(await seriousViolations(page), `axe-core on ${screen}`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Threat models' }).click();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an OpenAPI description' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Drops a file on the dialog's drop zone, as a desktop file manager would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const data = await page.evaluateHandle(
    ({ n, t }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/yaml' }));
      return dt;
    },
    { n: name, t: text },
  );
  const zone = page.locator('.openapi-drop');
  await zone.dispatchEvent('dragover', { dataTransfer: data });
  await zone.dispatchEvent('drop', { dataTransfer: data });
}

const threatDetail = (page: Page) => page.getByRole('complementary', { name: 'Selected threat' });

test('an OpenAPI description is imported, re-imported with a diff, and a dismissal survives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-openapi-'));
  const large = join(dir, 'large.json');
  writeFileSync(large, largeDescription(1.5 * 1024 * 1024));
  const v1 = join(dir, 'shop-v1.yaml');
  writeFileSync(v1, V1);
  const { context, page, dialogs } = await launch(newProfile());

  const dialog = await openImport(page);
  await noSeriousViolations(page, 'the import dialog');
  await shot(page, '01-import-dialog');

  // Bad input: a clear message naming the source and the place; nothing written.
  await dialog.getByLabel('Or paste the description').fill('{\n  "openapi": "3.0.3",\n  "info": {');
  await dialog.getByRole('button', { name: 'Analyse pasted text' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/pasted description:3:\d+: invalid JSON/);
  await expect(dialog.getByRole('alert')).toContainText('Nothing was written.');
  await shot(page, '02-bad-input');

  // A large description: the bar moves through the phases while the window keeps
  // painting frames (the work is in the worker). Every value the bar takes is recorded as
  // it changes, so the check does not depend on how fast this machine is.
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; progress_: number[] };
    w.frames_ = 0;
    w.progress_ = [];
    const tick = () => {
      w.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const record = () => {
      const bar = document.querySelector('progress[aria-label="Import progress"]');
      if (!(bar instanceof HTMLProgressElement)) return;
      if (w.progress_.at(-1) !== bar.value) w.progress_.push(bar.value);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    });
  });
  await dialog.locator('input[type="file"]').setInputFiles(large);
  const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  const framesBefore = await page.evaluate(
    () => (window as unknown as { frames_: number }).frames_,
  );
  await shot(page, '03-progress');
  await expect(dialog.getByRole('heading', { name: /Large API/ })).toBeVisible({
    timeout: 90_000,
  });
  const seen = await page.evaluate(() => (window as unknown as { progress_: number[] }).progress_);
  const between = seen.filter((v) => v > 0 && v < 100);
  expect(between.length, `progress values ${seen.join(', ')}`).toBeGreaterThan(1);
  expect(seen, 'the bar never goes back').toEqual([...seen].sort((a, b) => a - b));
  const framesAfter = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
  expect(framesAfter).toBeGreaterThan(framesBefore);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();

  // A much larger one is cancelled while it runs: nothing is written.
  writeFileSync(large, largeDescription(16 * 1024 * 1024));
  const cancelled = await openImport(page);
  await cancelled.locator('input[type="file"]').setInputFiles(large);
  await cancelled.getByRole('button', { name: 'Cancel import' }).click();
  await expect(
    cancelled.getByText('Import of large.json cancelled. Nothing was written.'),
  ).toBeVisible();

  // Neither the refused paste nor the cancelled import wrote anything.
  await expect(page.getByText(/^No threat models yet\./)).toBeAttached();
  await expect(page.getByRole('link', { name: 'Inventory' })).toContainText('0');

  // The first import, from a file: preview, then Create.
  await dialog.locator('input[type="file"]').setInputFiles(v1);
  await expect(dialog.getByRole('heading', { name: /Shop API/ })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByLabel('Import into')).toHaveValue('new');
  await expect(dialog).toContainText('staging: https://staging.shop.example/v2');
  await expect(dialog).toContainText('production: http://api.shop.example/v1');
  await expect(dialog).toContainText('API key');
  // The operations' threats and the element rules' threats, as bulwark analyze finds them.
  const counts =
    /\d+ elements, (\d+) threats \([^)]*\): (\d+) found in the operations, (\d+) by the STRIDE rules per element\./;
  await expect(dialog).toContainText(counts);
  const [, all, inOperations, perElement] = counts.exec(await dialog.innerText()) ?? [];
  expect(Number(inOperations) + Number(perElement)).toBe(Number(all));
  expect(Number(perElement)).toBeGreaterThan(0);
  await noSeriousViolations(page, 'the import preview');
  await shot(page, '04-preview');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible();
  // The model arrived with all of them: generating again adds none.
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`^${String(all)} threats$`) }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Generate threats' }).click();
  await expect(
    page.getByText(`Generated: 0 added, 0 newly stale, ${String(all)} threats in all.`),
  ).toBeVisible();

  // The inventory has the entry.
  await page.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByText('Shop API').first()).toBeVisible();

  // Re-import a changed version by dropping it: matched by title, the diff, then Update.
  const again = await openImport(page);
  await dropFile(page, 'shop-v2.yaml', V2);
  await expect(again.getByRole('heading', { name: 'Changes since shop-v1.yaml' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(again.getByLabel('Import into')).toHaveValue(/.+/);
  await expect(again.getByLabel('Import into')).not.toHaveValue('new');
  await expect(again).toContainText('Operations added (1)');
  await expect(again).toContainText('GET /v1/health');
  await expect(again).toContainText('Global security: apiKeyQuery → bearer.');
  await noSeriousViolations(page, 'the diff view');
  await shot(page, '05-diff');
  await again.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible();

  // A per-operation threat shows its operation, its place in the description and why.
  await page.getByLabel('Search threats').fill('PUT /v1/users/{userId}');
  const table = page.getByRole('table', { name: 'Threats', exact: true });
  const first = table.getByRole('row').nth(1).getByRole('button');
  await expect(first).toContainText('PUT /v1/users/{userId}');
  const title = (await first.getAttribute('title')) ?? '';
  await first.click();
  const detail = threatDetail(page);
  await expect(
    detail.getByRole('definition').filter({ hasText: 'PUT /v1/users/{userId}' }),
  ).toBeVisible();
  await expect(detail).toContainText('/paths/~1v1~1users~1{userId}/put');
  await expect(detail.getByText('Why')).toBeVisible();
  await noSeriousViolations(page, 'the threat detail');

  // Dismiss it in one action, with a reason.
  await detail.getByLabel('Reason (optional)').fill('The id is a public handle.');
  await detail.getByRole('button', { name: 'Dismiss (false positive)' }).click();
  await expect(detail).toContainText('The id is a public handle.');
  await expect(detail.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await shot(page, '06-dismissed');

  // The diagram of the resulting model.
  await page
    .getByRole('navigation', { name: 'Workshop steps' })
    .getByRole('button', { name: 'Describe the system' })
    .click();
  const diagram = page.getByRole('group', {
    name: /^Data flow diagram of Shop API \(from OpenAPI\)/,
  });
  await expect(diagram.getByRole('button', { name: /^Shop API \(\d+ open\)/ })).toBeVisible({
    timeout: 30_000,
  });
  await shot(page, '07-diagram');

  // Re-import the same version again: still dismissed.
  const third = await openImport(page);
  await third.getByLabel('Or paste the description').fill(V2);
  await third.getByRole('button', { name: 'Analyse pasted text' }).click();
  await expect(third.getByText('No operation or security change.')).toBeVisible({
    timeout: 30_000,
  });
  await third.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible();
  await page.getByLabel('Search threats').fill('PUT /v1/users/{userId}');
  await table.getByRole('row').nth(1).getByRole('button', { name: title }).click();
  await expect(threatDetail(page)).toContainText('Dismissed by A reviewer');
  await expect(threatDetail(page)).toContainText('The id is a public handle.');

  expect(dialogs).toEqual([]);
  await context.close();
});

test('an inventory entry imports its description into a new model without a duplicate entry', async () => {
  const { context, page } = await launch(newProfile());
  await createApi(page, 'Payments API', 'Payments');
  await page.getByRole('button', { name: 'Import OpenAPI description' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an OpenAPI description' });
  // With an operation whose path is longer than the threat table's column.
  const long =
    '/v1/organisations/{organisationId}/members/{memberId}/roles/{roleId}/grants/{grantId}';
  const described = V1.replace(
    /^paths:\n/m,
    `paths:\n  ${long}:\n    get:\n      responses:\n        '200': { description: ok }\n`,
  );
  await dialog.getByLabel('Or paste the description').fill(described);
  await dialog.getByRole('button', { name: 'Analyse pasted text' }).click();
  await expect(dialog.getByLabel('Import into')).toHaveValue('new', { timeout: 30_000 });
  await expect(dialog.getByRole('option', { selected: true })).toHaveText(
    'A new threat model for Payments API',
  );
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Identify threats' })).toBeVisible();

  // The table shows the end of a long path, where one API's paths differ: the path runs
  // out of its line at the start, and its last character is inside the visible line.
  await page.getByLabel('Search threats').fill('{grantId}');
  const row = page.getByRole('table', { name: 'Threats', exact: true }).getByRole('row').nth(1);
  await expect(row).toContainText(`GET ${long}`);
  const path = row.locator('.threat-table__path');
  const [text, line] = await Promise.all([
    path.locator('bdi').evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
    path.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  expect(text.width, 'the path is longer than its line').toBeGreaterThan(line.width);
  expect(text.right, 'its end is visible').toBeLessThanOrEqual(line.right + 1);
  expect(text.left, 'its start runs out of the line').toBeLessThan(line.left);

  // Presentation mode, switched on over the table, scales the rows with the text: the
  // title and its operation stay inside their row.
  await page.keyboard.press('F5');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  await expect
    .poll(() =>
      row.evaluate((e) => {
        const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const box = e.getBoundingClientRect();
        const button = e.querySelector('button')?.getBoundingClientRect();
        return {
          rowInRem: Math.round((box.height / root) * 100) / 100,
          titleInside: button !== undefined && button.bottom <= box.bottom,
        };
      }),
    )
    .toEqual({ rowInRem: 2.75, titleInside: true });
  await page.keyboard.press('F5');

  await page.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('link', { name: 'Inventory' })).toContainText('1');
  await page.getByRole('link', { name: 'Threat models' }).click();
  await expect(
    page.getByRole('row', { name: /Shop API \(from OpenAPI\).*Payments API/ }),
  ).toBeVisible();
  await context.close();
});
