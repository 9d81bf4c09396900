import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { sharedFixture } from '../fixtures/shared';
import { createApi, launch, newProfile, seriousViolations } from './helpers';

// Models from other tools come in through the Threat models import flow: a preview says
// what will be created, what was not understood and what Bulwark cannot carry, and only
// then is the model written. A model goes out as OTM with the not-carried report shown.

const SHOTS = '/tmp/exchange-shots';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // A toast fading in is mid-animation and fails contrast for 160 ms: let it settle first.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  expect(await seriousViolations(page), `axe-core on ${screen}`).toEqual([]);
}

async function chooseFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(file);
}

test('Threat Dragon and .tm7 models import after a preview; a model exports as OTM with its report', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { context, page, dialogs } = await launch(newProfile());
  await createApi(page, 'Orders API', 'Commerce');
  await page.getByRole('link', { name: 'Threat models' }).click();

  // A malformed Threat Dragon file is refused with its place; nothing is written.
  await chooseFile(page, sharedFixture('threat-dragon', 'v2-malformed-new-model.json'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('v2-malformed-new-model.json:3:');
  await expect(alert).toContainText('found "titled" instead');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Threat Dragon v2: the preview shows what will be created before anything is written.
  await chooseFile(page, sharedFixture('threat-dragon', 'v2-threat-model.json'));
  const preview = page.getByRole('dialog', { name: 'Import this threat model?' });
  await expect(preview).toContainText('v2-threat-model.json (Threat Dragon v2 JSON)');
  await expect(preview).toContainText('Demo Threat Model');
  await expect(preview).toContainText(
    '2 processes, 4 data stores, 1 external entity, 10 data flows, 3 trust boundaries',
  );
  await expect(preview).toContainText('14 threats');
  await expect(preview.getByRole('heading', { name: /^Not carried into Bulwark/ })).toBeVisible();
  await expect(preview).toContainText('The owner ("Mike Goodwin")');
  // The only inventory API is chosen already.
  await expect(preview.getByRole('checkbox', { name: 'Orders API' })).toBeChecked();
  await expectNoSeriousViolations(page, 'Threat Dragon import preview');
  await page.screenshot({ path: `${SHOTS}/td-preview.png` });
  await preview.getByRole('button', { name: 'Import model' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1: Scope' })).toBeVisible();
  await expect(page.getByText('Imported “Demo Threat Model”.')).toBeVisible();

  // The .tm7 model, with its 43 threat instances.
  await page.getByRole('button', { name: 'All threat models' }).click();
  await chooseFile(page, sharedFixture('tm7', 'MTMT_example.tm7'));
  const tm7 = page.getByRole('dialog', { name: 'Import this threat model?' });
  await expect(tm7).toContainText('MTMT_example.tm7 (Microsoft Threat Modeling Tool (.tm7))');
  await expect(tm7).toContainText('43 threats');
  await expect(tm7).toContainText('The embedded threat template');
  await expectNoSeriousViolations(page, '.tm7 import preview');
  await page.screenshot({ path: `${SHOTS}/tm7-preview.png` });
  // Cancel writes nothing.
  await tm7.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(1);
  await chooseFile(page, sharedFixture('tm7', 'MTMT_example.tm7'));
  await page.getByRole('dialog').getByRole('button', { name: 'Import model' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1: Scope' })).toBeVisible();
  await page.getByRole('button', { name: 'All threat models' }).click();
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'threat model list with imports');

  // Export the Threat Dragon import as OTM: the file, then the report of what OTM lacks.
  await page.getByRole('link', { name: 'Demo Threat Model' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'OTM 0.2' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('demo-threat-model.otm.json');
  const otm = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    otmVersion: string;
    project: { name: string };
    components: unknown[];
    dataflows: unknown[];
  };
  expect(otm.otmVersion).toBe('0.2.0');
  expect(otm.project.name).toBe('Demo Threat Model');
  expect(otm.components).toHaveLength(7);
  expect(otm.dataflows).toHaveLength(10);
  const report = page.getByRole('dialog', { name: 'Exported demo-threat-model.otm.json' });
  await expect(report.getByRole('heading', { name: /^Not carried to OTM tools/ })).toBeVisible();
  await expect(report).toContainText('Links to 1 inventory API');
  await expectNoSeriousViolations(page, 'OTM export report');
  await page.screenshot({ path: `${SHOTS}/otm-report.png` });
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);

  // And as Threat Dragon v2 JSON, whose cells keep the imported positions.
  await page.getByRole('button', { name: 'Export' }).click();
  const td = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Threat Dragon v2 JSON' }).click();
  const tdJson = JSON.parse(await readFile(await (await td).path(), 'utf8')) as {
    detail: { diagrams: { cells: { shape: string }[] }[] };
  };
  expect(tdJson.detail.diagrams[0]?.cells.filter((c) => c.shape === 'flow')).toHaveLength(10);
  await expect(
    page.getByRole('dialog', { name: /^Exported .*threat-dragon\.json$/ }),
  ).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/td-report-dark.png` });
  expect(dialogs).toEqual([]);
  await context.close();
});
