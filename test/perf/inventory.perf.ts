import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EMPTY_WORKSPACE, createBackup, serializeBackup } from '../../core/backup/format';
import type { IsoTimestamp } from '../../core/shared/brand';
import { launch, newProfile } from '../e2e/helpers';
import { generateApis } from '../fixtures/generate';

// Figures for the note, not assertions on wall time: each is a median of several runs,
// printed as `figure: name value unit` lines that scripts/bench.mjs collects.
const RUNS = 5;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const report = (name: string, values: number[], unit = 'ms'): void => {
  console.log(
    `figure: ${name} ${median(values).toFixed(0)} ${unit} (median of ${values.length}; all: ${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
};

async function firstRender(page: Page): Promise<number> {
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 60_000 });
  return page.evaluate(
    () => performance.getEntriesByName('bulwark:first-render')[0]?.startTime ?? NaN,
  );
}

test('start-up and the inventory at 10,000 APIs', async () => {
  test.setTimeout(300_000);
  const profile = newProfile();
  const { context, page } = await launch(profile);

  const empty: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    empty.push(await firstRender(page));
  }
  report('first render, empty workspace', empty);

  const count = 10_000;
  const backup = createBackup(
    { ...EMPTY_WORKSPACE, apis: generateApis(count) },
    '2026-11-23T00:00:00.000Z' as IsoTimestamp,
    'bench',
  );
  const file = join(profile, 'bench-backup.json');
  writeFileSync(file, serializeBackup(backup));
  await page.getByRole('link', { name: 'Workspace' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await (await chooser).setFiles(file);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(page.getByRole('link', { name: 'Inventory' })).toContainText('10,000', {
    timeout: 120_000,
  });
  report(`restore of ${count.toLocaleString('en')} APIs (one transaction)`, [Date.now() - t0]);

  const full: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    full.push(await firstRender(page));
  }
  await page.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  report(`first render, ${count.toLocaleString('en')} APIs`, full);

  // Search: from the input event to the result count changing on screen (the list
  // filters once typing pauses for 100 ms, so that pause is part of the figure).
  const search: number[] = [];
  const box = page.getByRole('searchbox', { name: 'Search APIs' });
  for (const query of ['orders', 'claims api 1', 'partner', 'tokens 9', 'webhooks']) {
    // Armed in the page before typing: time from the input event to the count changing.
    const measured = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const input = document.querySelector('input[type="search"]');
          const status = document.querySelector('.toolbar__count');
          if (!input || !status) {
            resolve(NaN);
            return;
          }
          const before = status.textContent;
          input.addEventListener(
            'input',
            () => {
              const start = performance.now();
              const poll = (): void => {
                if (status.textContent !== before || performance.now() - start > 5000)
                  requestAnimationFrame(() => {
                    resolve(performance.now() - start);
                  });
                else requestAnimationFrame(poll);
              };
              poll();
            },
            { once: true },
          );
        }),
    );
    await box.fill(query);
    search.push(await measured);
  }
  report('search over 10,000 APIs, keystroke to updated list (incl. 100 ms debounce)', search);

  // Scrolling: frames to jump from the top to the end of the virtualized list.
  await box.fill('');
  await expect(page.getByRole('status').filter({ hasText: '10,000' }).first()).toBeVisible();
  const scroll = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 300));
    const scroller = [...document.querySelectorAll<HTMLElement>('*')].find(
      (el) => el.scrollHeight > el.clientHeight * 20,
    );
    if (!scroller) return NaN;
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - start;
  });
  report('jump to the end of 10,000 rows, to painted', [scroll]);
  await context.close();
});
