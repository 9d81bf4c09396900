import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, launch, newProfile, seriousViolations } from './helpers';

// A whole tabletop exercise in Chromium at 60× compression: start a scenario, injects
// arrive on simulated time, a recorded answer drives a branch, pause and resume, the
// participant view in a second window shows delivered injects only, objectives are
// evaluated and the after-action report is exported, marked EXERCISE.

const SHOTS = process.env.BULWARK_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const row = (page: Page, title: string | RegExp) =>
  page
    .locator('.msel__row')
    .filter({ has: page.getByRole('button', { name: title, exact: typeof title === 'string' }) });

test('a tabletop exercise from start to after-action report', async () => {
  test.setTimeout(180_000);
  const { context, page, dialogs } = await launch(newProfile());
  await page.goto(`${BASE_URL}#/exercises`);
  await expect(page.getByRole('heading', { name: 'Exercise scenarios' })).toBeVisible();
  await shot(page, '01-library');
  await page.getByRole('link', { name: 'Customer records scraped through a BOLA flaw' }).click();
  await page.getByLabel('Facilitator').fill('Dana Facilitator');
  await page.getByLabel(/Time compression/).fill('60');
  await expect(page.getByText('Time compression: 60×')).toBeVisible();
  await shot(page, '02-scenario');
  await page.getByRole('button', { name: 'Start exercise' }).click();

  await expect(page).toHaveURL(/#\/exercises\/run\/[^/]+\/msel$/);
  const exerciseId = decodeURIComponent(/run\/([^/]+)\//.exec(page.url())?.[1] ?? '');
  await expect(
    page.getByText('EXERCISE — simulated incident; nothing is sent anywhere'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Running · 60×' })).toBeVisible();

  // PT0M at once, PT10M ten real seconds later.
  await expect(row(page, /Gateway alert/).locator('.msel__status')).toHaveText(
    'Delivered at T+00:00:00',
  );
  await expect(
    row(page, "Sampled responses contain other customers' orders").locator('.msel__status'),
  ).toHaveText('Delivered at T+00:10:00', { timeout: 20_000 });
  const hotfix = row(page, 'The orders team proposes a hotfix in two hours');
  await expect(hotfix.locator('.msel__status')).toHaveText('Upcoming');

  // The answer drives the branch at PT25M: one path delivered, the other not taken.
  await row(page, "Sampled responses contain other customers' orders")
    .getByRole('button', { name: "Sampled responses contain other customers' orders" })
    .click();
  await page.getByRole('button', { name: 'Record answer: Block the key now' }).click();
  await expect(page.getByText('Answer recorded:')).toBeVisible();
  await shot(page, '03-console-msel');
  await expect(row(page, /Scraper switches to a second key/).locator('.msel__status')).toHaveText(
    'Delivered at T+00:25:00',
    { timeout: 30_000 },
  );
  await expect(
    row(page, 'The scraper accelerates while monitored').locator('.msel__status'),
  ).toHaveText('Branch not taken');

  // Pause freezes simulated time; resume continues from there.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  const elapsed = page.getByLabel('Elapsed exercise time');
  const frozen = await elapsed.textContent();
  await page.waitForTimeout(2_500);
  await expect(elapsed).toHaveText(frozen ?? '');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(elapsed).not.toHaveText(frozen ?? '', { timeout: 5_000 });

  // A reload resumes exactly: still running, simulated time carried on from the anchors.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Running · 60×' })).toBeVisible();
  const seconds = (t: string | null) => {
    const [h = 0, m = 0, s = 0] = (t ?? '').replace('T+', '').split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };
  expect(seconds(await elapsed.textContent())).toBeGreaterThan(seconds(frozen));
  await expect(row(page, /Scraper switches to a second key/).locator('.msel__status')).toHaveText(
    'Delivered at T+00:25:00',
  );

  // The participant view in a second window: delivered injects, nothing held back.
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open participant view' }).click();
  const projector = await opened;
  await projector.waitForLoadState();
  expect(projector.url()).toContain(`#/participant/${encodeURIComponent(exerciseId)}`);
  await expect(projector.getByRole('heading', { name: /Gateway alert/ })).toBeVisible();
  await expect(
    projector.getByRole('heading', { name: /Scraper switches to a second key/ }),
  ).toBeVisible();
  await expect(projector.getByText('EXERCISE — NOT A REAL INCIDENT')).toBeVisible();
  const text = (await projector.locator('body').innerText()).toLowerCase();
  for (const secret of [
    'facilitator notes',
    'the key is genuine but was stolen', // a facilitator note
    'open an incident, page the incident commander', // an expected action
    'the orders team proposes a hotfix', // not delivered yet
    'the scraper accelerates while monitored', // branch not taken
  ])
    expect(text).not.toContain(secret);
  await shot(projector, '05-participant');
  expect(await seriousViolations(projector)).toEqual([]);

  // Delivered by hand in the console: the projector follows through IndexedDB.
  await hotfix.getByRole('button', { name: /Deliver now/ }).click();
  await expect(
    projector.getByRole('heading', { name: 'The orders team proposes a hotfix in two hours' }),
  ).toBeVisible();

  // A decision recorded in the notes.
  await page.getByRole('tab', { name: 'Decisions and observations' }).click();
  await page
    .getByLabel('What was decided or seen')
    .fill('Block both partner keys and add an enumeration limit');
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText(/decision: Block both partner keys/)).toBeVisible();

  // The embedded room runs on the exercise's clock and is marked EXERCISE.
  await page.getByRole('tab', { name: 'Incident room' }).click();
  await expect(page.getByText(/EXERCISE/).first()).toBeVisible();
  await shot(page, '04-console-room');

  // Evaluate and export.
  await page.getByRole('button', { name: 'End exercise' }).click();
  await page.getByRole('tab', { name: 'Evaluation and report' }).click();
  const first = page.getByRole('group', { name: /Confirm the BOLA flaw/ });
  await first.getByLabel('Evaluation notes').fill('Scoped within 20 simulated minutes');
  const performed = first.getByRole('radio', { name: /^P Performed without challenges/ });
  await performed.click();
  await expect(performed).toBeChecked();
  const some = page
    .getByRole('group', { name: /Stop the scraping/ })
    .getByRole('radio', { name: /^S Performed with some challenges/ });
  await some.click();
  await expect(some).toBeChecked();
  await page.getByLabel('Observation').fill('Gateway logs were nearly lost to rotation');
  await page.getByLabel('Corrective action').fill('Suspend log rotation at declaration');
  await page.getByLabel('Owner').fill('Platform team');
  await page.getByLabel('Due date').fill('2026-12-31');
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(
    page.getByRole('cell', { name: 'Suspend log rotation at declaration' }),
  ).toBeVisible();
  await shot(page, '06-evaluation');
  expect(await seriousViolations(page)).toEqual([]);

  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
  const report = readFileSync(await (await md).path(), 'utf8');
  expect(report).toContain('> **EXERCISE**');
  expect(report).toContain(
    '# EXERCISE: after-action report: Customer records scraped through a BOLA flaw',
  );
  expect(report).toContain('P: Performed without challenges | Scoped within 20 simulated minutes');
  expect(report).toContain('S: Performed with some challenges');
  expect(report).toContain('Answer: Block the key now');
  expect(report).toContain('Block both partner keys and add an enumeration limit');
  expect(report).toContain('| Suspend log rotation at declaration | Platform team | 2026-12-31 |');

  const html = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (HTML)' }).click();
  const htmlText = readFileSync(await (await html).path(), 'utf8');
  expect(htmlText).toContain('EXERCISE — NOT A REAL INCIDENT');
  expect(htmlText).not.toContain('<script');

  expect(dialogs).toEqual([]);
  await context.close();
});
