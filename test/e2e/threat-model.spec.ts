import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PAYMENTS_FILE } from '../fixtures/threats/models';
import { createApi, launch, newProfile, seriousViolations } from './helpers';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // A toast fading in is mid-animation and fails contrast for 160 ms: let it settle first.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  expect(await seriousViolations(page), `axe-core on ${screen}`).toEqual([]);
}

const step = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name });

/** Adds an element through step 2's editor: Add <kind>, a name, then Save element. */
async function addElement(page: Page, kind: string, name: string, extra?: () => Promise<void>) {
  await page.getByRole('button', { name: `Add ${kind}` }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (extra) await extra();
  await page.getByRole('button', { name: 'Save element' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Elements' }).getByRole('button', { name }),
  ).toBeVisible();
}

test('a threat model goes through the six workshop steps and ends with a Markdown report', async () => {
  const { context, page, dialogs } = await launch(newProfile());
  await createApi(page, 'Orders API', 'Commerce');
  await page.getByRole('button', { name: 'Start a threat model' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Orders API threat model');
  await page.getByRole('button', { name: 'Create threat model' }).click();

  // 1 Scope
  await expect(page.getByRole('heading', { name: 'Step 1: Scope' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Scope' })
    .fill('The public ordering API and its database.');
  await page.getByLabel('New asset name').fill('Card numbers');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await page.getByRole('button', { name: 'Save scope' }).click();
  await expect(step(page, 'Scope')).toHaveAccessibleDescription('3 of 3 parts written');
  await expectNoSeriousViolations(page, 'step 1');

  // 2 Describe, reached with the keyboard
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { name: 'Step 2: Describe the system' })).toBeVisible();
  await addElement(page, 'external entity', 'Customer');
  await addElement(page, 'process', 'Orders service', async () => {
    await page.getByRole('checkbox', { name: 'Validates input' }).check();
  });
  await addElement(page, 'data store', 'Orders DB');
  const hostile = '"]; click A call x() <img src=x onerror=alert(1)>';
  await addElement(page, 'external entity', hostile);
  await addElement(page, 'trust boundary', 'Internal network', async () => {
    await page.getByRole('checkbox', { name: 'Orders service' }).check();
    await page.getByRole('checkbox', { name: 'Orders DB' }).check();
  });
  await addElement(page, 'data flow', 'Place order', async () => {
    await page
      .getByRole('combobox', { name: 'From', exact: true })
      .selectOption({ label: 'Customer' });
    await page
      .getByRole('combobox', { name: 'To', exact: true })
      .selectOption({ label: 'Orders service' });
  });
  await addElement(page, 'data flow', 'Store order', async () => {
    await page
      .getByRole('combobox', { name: 'From', exact: true })
      .selectOption({ label: 'Orders service' });
    await page
      .getByRole('combobox', { name: 'To', exact: true })
      .selectOption({ label: 'Orders DB' });
  });
  const diagram = page.getByRole('group', { name: 'Data flow diagram of Orders API threat model' });
  await expect(diagram.getByRole('button', { name: 'Orders service' })).toBeVisible();
  await expect(diagram.locator('img[src="x"]')).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Elements' }).getByRole('button', { name: hostile }),
  ).toBeVisible();
  await expect(diagram).toContainText('click A call x()');
  await diagram.getByRole('button', { name: 'Orders DB' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Orders DB');
  await expectNoSeriousViolations(page, 'step 2');

  // 3 Identify
  await step(page, 'Identify threats').click();
  await page.getByRole('button', { name: 'Generate threats' }).click();
  await expect(page.getByText(/^Generated: \d+ added, 0 newly stale/)).toBeVisible();
  const threats = page.getByRole('table', { name: 'Threats', exact: true });
  await expect(threats.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Prompts for element').selectOption({ label: 'Orders service' });
  await expect(
    page.getByText('How could someone pretend to be “Orders service”', { exact: false }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'step 3');

  // 4 Rate
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { name: 'Step 4: Rate' })).toBeVisible();
  await page.getByLabel('Element', { exact: true }).selectOption({ label: 'Orders DB' });
  await threats.getByRole('row').nth(1).getByRole('button').click();
  await page.getByRole('group', { name: 'Likelihood' }).getByRole('radio').nth(3).check();
  await page.getByRole('group', { name: 'Impact' }).getByRole('radio').nth(3).check();
  await expect(page.getByText('Likelihood 4 × impact 4 gives')).toBeVisible();
  await page.getByRole('button', { name: 'Save rating' }).click();
  await expect(
    page.getByRole('button', { name: /^1 threat, likelihood 4, impact 4/ }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'step 4');

  // 5 Mitigate
  await step(page, 'Mitigate').click();
  await page.getByLabel('Severity').selectOption({ label: 'Critical' });
  await threats.getByRole('row').nth(1).getByRole('button').click();
  await page.getByLabel('New mitigation').fill('Encrypt the orders table at rest');
  await page.getByRole('button', { name: 'Add mitigation' }).click();
  await expect(
    page.getByRole('listitem', { name: 'Encrypt the orders table at rest' }),
  ).toBeVisible();
  await page.getByLabel('Owner of Encrypt the orders table at rest').fill('Dana');
  await page.getByRole('button', { name: 'Save Encrypt the orders table at rest' }).click();
  await expect(page.getByText('Mitigation saved.')).toBeVisible();
  await expectNoSeriousViolations(page, 'step 5');

  // 6 Review and sign off
  await step(page, 'Review and sign off').click();
  await page.getByLabel('Signed off by').fill('Ada Lovelace');
  await page.getByLabel('Note').fill('First review.');
  await page.getByRole('button', { name: 'Sign off this version' }).click();
  await expect(page.getByRole('region', { name: 'Versions', exact: true })).toContainText(
    'Version 1',
  );
  await expect(step(page, 'Review and sign off')).toHaveAccessibleDescription(
    'Version 1 signed off',
  );
  await expectNoSeriousViolations(page, 'step 6');

  // Report
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report as Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('orders-api-threat-model-report.md');
  const report = await readFile(await download.path(), 'utf8');
  expect(report).toContain('Orders API threat model');
  expect(report).toContain('Encrypt the orders table at rest');
  expect(report).toContain('Ada Lovelace');
  expect(report).toContain('flowchart');

  // HTML with the drawn diagram as an image, and the threats as CSV
  await page.getByRole('button', { name: 'Export' }).click();
  const html = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report as HTML' }).click();
  const htmlText = await readFile(await (await html).path(), 'utf8');
  expect(htmlText).toContain('data:image/svg+xml');
  expect(htmlText).not.toContain('<script');
  expect(htmlText).not.toContain('<img src=x');
  await page.getByRole('button', { name: 'Export' }).click();
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Threats as CSV' }).click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe('orders-api-threat-model-threats.csv');
  expect(await readFile(await csvFile.path(), 'utf8')).toContain('Orders DB');

  // The review step in the dark theme and in presentation mode (timer still there)
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expectNoSeriousViolations(page, 'step 6, dark');
  await page.keyboard.press('F5');
  await expect(page.getByRole('group', { name: 'Facilitator timer' })).toBeVisible();
  await expectNoSeriousViolations(page, 'step 6, presentation mode');
  await step(page, 'Describe the system').click();
  await expect(diagram.getByRole('button', { name: 'Orders DB' })).toBeVisible();
  await expectNoSeriousViolations(page, 'step 2, dark presentation mode');

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('a model file imports after a preview; a broken one is refused with its place named', async () => {
  const { context, page } = await launch(newProfile());
  await page.getByRole('link', { name: 'Threat models' }).click();
  await expectNoSeriousViolations(page, 'threat model list, empty');

  const broken = join(mkdtempSync(join(tmpdir(), 'bulwark-import-')), 'broken.bulwark.json');
  const text = await readFile(PAYMENTS_FILE, 'utf8');
  writeFileSync(broken, text.replace('"kind": "data-flow"', '"kind": "wormhole"'));
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(broken);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.bulwark.json');
  await expect(alert).toContainText('model.elements[');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(PAYMENTS_FILE);
  const dialog = page.getByRole('dialog', { name: 'Import this threat model?' });
  await expect(dialog).toContainText('payments.bulwark.json');
  await expectNoSeriousViolations(page, 'import preview');
  await dialog.getByRole('button', { name: 'Import model' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1: Scope' })).toBeVisible();

  await page.getByRole('button', { name: 'All threat models' }).click();
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'threat model list');
  await page.getByRole('button', { name: 'Delete threat model Payments API' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('No threat models yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Payments API' })).toBeVisible();
  await page.getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByRole('checkbox', { name: 'Enable BW-D-001' })).toBeDisabled();
  await expectNoSeriousViolations(page, 'rule library');
  // Controlled by the stored settings: the box changes once the write lands.
  await page.getByRole('checkbox', { name: 'Enable BW-D-010' }).click();
  await expect(page.getByText('Disabled BW-D-010.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Enable BW-D-010' })).not.toBeChecked();
  await page.getByRole('textbox', { name: 'Custom rules JSON' }).fill('[{ "id": "X" }]');
  await page.getByRole('button', { name: 'Save custom rules' }).click();
  await expect(page.getByRole('alert')).toContainText('The rules were not saved');
  await context.close();
});
