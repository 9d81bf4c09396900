import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { postureBackupText } from '../fixtures/posture/backup';
import { launch, newProfile, seriousViolations, restoreBackup } from './helpers';

// The posture journey on the fixture workspace of test/fixtures/posture, whose figures are
// worked out by hand in test/unit/core/posture/compute.test.ts: restore it, open the
// Reports area on Q3 2026, check known figures, drill into one, keep a snapshot, and
// export the PDF (in a browser the print path: the report document handed to print()).

const SHOTS = process.env.POSTURE_SHOTS;

async function restoreFixture(page: Page): Promise<void> {
  await restoreBackup(page, postureBackupText(), 'posture.json');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function chooseQ3(page: Page): Promise<void> {
  const period = page.getByRole('group', { name: 'Report period' });
  await period.getByLabel('Period', { exact: true }).selectOption('custom');
  await period.getByLabel('From', { exact: true }).fill('2026-07-01');
  await period.getByLabel('To', { exact: true }).fill('2026-09-30');
}

test('the posture dashboard: known figures, a drill-down, a snapshot and the PDF', async () => {
  const { context, page, dialogs } = await launch(newProfile());
  // Record what the browser print path is given instead of opening a print dialog.
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: string[] };
    w.__printed = [];
    const frame = HTMLIFrameElement.prototype;
    const srcdoc = Object.getOwnPropertyDescriptor(frame, 'srcdoc');
    const contentWindow = Object.getOwnPropertyDescriptor(frame, 'contentWindow');
    Object.defineProperty(frame, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = contentWindow?.get?.call(this) as Window | null;
        if (win && this.title === 'Print preview')
          win.print = () => {
            w.__printed.push(srcdoc?.get?.call(this) as string);
          };
        return win;
      },
    });
  });
  await page.reload();
  await restoreFixture(page);

  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Security posture' })).toBeVisible();
  await chooseQ3(page);
  await expect(page.getByText('Q3 2026 compared with Q2 2026.')).toBeVisible();

  const cards = page.getByRole('list', { name: 'Headline figures' });
  await expect(
    cards.getByRole('button', { name: /^APIs in service\s*6\s*▲ up 1 \(was 5\)$/ }),
  ).toBeVisible();
  await expect(
    cards.getByRole('button', {
      name: /^APIs with a current threat model\s*20%\s*▼ down 30 points \(worse\) \(was 50%\)$/,
    }),
  ).toBeVisible();
  await expect(
    cards.getByRole('button', { name: /^Live incidents\s*3\s*▲ up 2 \(worse\) \(was 1\)$/ }),
  ).toBeVisible();
  await expect(
    cards.getByRole('button', {
      name: /^Regulatory notifications made on time\s*33\.3%\s*not comparable$/,
    }),
  ).toBeVisible();
  await expect(
    cards.getByRole('button', {
      name: /^Improvement items open\s*2\s*▲ up 1 \(worse\) \(was 1\)$/,
    }),
  ).toBeVisible();
  // Exercises are left out, and the dashboard says how many.
  const response = page.getByRole('region', { name: 'Incident response' });
  await expect(response.getByRole('row', { name: /Exercise incidents left out/ })).toContainText(
    '1',
  );
  await expect(
    page.getByRole('img', {
      name: /Live incidents per month by severity\. Jul 2026: 1, Aug 2026: 1, Sep 2026: 1/,
    }),
  ).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/dashboard.png` });
    for (const block of [
      'By exposure',
      'Risk matrix',
      'Live incidents',
      'Exercises',
      'Posture per regime',
    ]) {
      await page.getByRole('heading', { name: block, exact: true }).evaluate((h) => {
        h.scrollIntoView({ block: 'start' });
      });
      await page.screenshot({
        path: `${SHOTS}/block-${block.replace(/ /g, '-').toLowerCase()}.png`,
      });
    }
  }

  // Drill into one figure: the records behind it, each a link to its screen.
  await cards
    .getByRole('button', { name: /^Sensitive-data APIs without strong authentication\s*3/ })
    .click();
  const drill = page.getByRole('complementary', {
    name: /Sensitive-data APIs without strong authentication: 3/,
  });
  await expect(drill.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(drill.getByRole('link')).toHaveText(['Accounts', 'Health records', 'Legacy v1']);
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/drill.png` });
  // The risk matrix cells drill too; Escape closes the panel and gives focus back.
  await page
    .getByRole('button', {
      name: /^Open threats: likelihood frequent, impact very high:\s*1\s*critical$/,
    })
    .click();
  await expect(page.getByRole('complementary')).toContainText('Threat c1 — Payments service');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(
    page.getByRole('button', {
      name: /^Open threats: likelihood frequent, impact very high:\s*1\s*critical$/,
    }),
  ).toBeFocused();

  await cards.getByRole('button', { name: /^Unowned APIs\s*1/ }).click();
  await page.getByRole('complementary').getByRole('link', { name: 'Accounts' }).click();
  await expect(page).toHaveURL(/#\/inventory\/a2$/);
  await page.goBack();

  // Export the PDF: the print document is the board report of the same figures.
  await page.getByRole('link', { name: 'Reports' }).click();
  await chooseQ3(page);
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length),
    )
    .toBe(1);
  const printed = await page.evaluate(
    () => (window as unknown as { __printed: string[] }).__printed[0] ?? '',
  );
  expect(printed).toContain('<h1>API security posture: Q3 2026</h1>');
  expect(printed).toContain('Q3 2026 compared with Q2 2026');
  expect(printed).toMatch(/APIs with a current threat model<\/div><div class="value">20%/);
  expect(printed).not.toMatch(/<script/i);

  // Keep a snapshot, then compare with it: the comparison line names it.
  await page.getByRole('button', { name: 'Keep snapshot' }).click();
  await expect(page.getByText(/Snapshot of Q3 2026 kept/)).toBeVisible();
  const compare = page
    .getByRole('group', { name: 'Report period' })
    .getByLabel('Compare with', { exact: true });
  await compare.selectOption({ index: 1 });
  await expect(
    page.getByText(/Q3 2026 compared with the snapshot of Q3 2026 kept on/),
  ).toBeVisible();
  await expect(
    cards.getByRole('button', { name: /^APIs in service\s*6\s*= no change \(was 6\)$/ }),
  ).toBeVisible();

  if (SHOTS) {
    await page.evaluate(() => {
      document.documentElement.dataset.presentation = 'true';
    });
    await page.screenshot({ path: `${SHOTS}/presentation.png` });
    await page.evaluate(() => {
      delete document.documentElement.dataset.presentation;
      document.documentElement.dataset.theme = 'dark';
    });
    await page.screenshot({ path: `${SHOTS}/dark.png` });
    await page
      .locator('section.posture-section')
      .nth(1)
      .screenshot({ path: `${SHOTS}/dark-design.png` });
  }
  expect(dialogs).toEqual([]);
  await context.close();
});
