import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createApi, launch, newProfile } from './helpers';

async function restore(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByRole('link', { name: 'Workspace' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('restoring a malformed backup shows where it is wrong and leaves the inventory untouched', async () => {
  const { context, page } = await launch(newProfile());
  await createApi(page, 'Orders API');

  await restore(
    page,
    'broken-backup.json',
    '{ "format": "bulwark-workspace-backup", "version": 1, ',
  );
  await expect(page.getByRole('alert')).toContainText(
    'broken-backup.json is not valid JSON: line 1',
  );
  await expect(page.getByRole('button', { name: 'Replace workspace' })).toHaveCount(0);

  await restore(
    page,
    'threat-dragon.json',
    JSON.stringify({ summary: { title: 'x' }, detail: {} }),
  );
  await expect(page.getByRole('alert')).toContainText('threat-dragon.json is not a Bulwark backup');

  await page.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('table').getByText('Orders API')).toBeVisible();
  await context.close();
});

test('a workspace backed up in one profile restores into another after a preview', async () => {
  const first = await launch(newProfile());
  await createApi(first.page, 'Partner Webhooks', 'Integrations');
  await first.page.getByRole('link', { name: 'Workspace' }).click();
  const download = first.page.waitForEvent('download');
  await first.page.getByRole('button', { name: 'Back up workspace' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'bulwark-workspace-backup', version: 3 });
  await first.context.close();

  const second = await launch(newProfile());
  await createApi(second.page, 'To be replaced');
  await restore(second.page, 'bulwark-backup.json', text);
  const confirm = second.page.getByRole('dialog');
  await expect(confirm).toContainText('1');
  await confirm.getByRole('button', { name: 'Replace workspace' }).click();
  await second.page.getByRole('link', { name: 'Inventory' }).click();
  await expect(second.page.getByRole('table').getByText('Partner Webhooks')).toBeVisible();
  await expect(second.page.getByRole('table').getByText('To be replaced')).toHaveCount(0);
  await second.context.close();
});
