import { expect, test } from '@playwright/test';
import { createApi, launch, newProfile } from './helpers';

test('an API created is found by search and is still there after the browser restarts', async () => {
  const profile = newProfile();
  let { context, page } = await launch(profile);
  await expect(page.getByRole('button', { name: 'Add your first API' })).toBeVisible();
  await createApi(page, 'Payments Gateway', 'Billing');
  await createApi(page, 'Customer Profiles', 'Identity');

  const search = page.getByRole('searchbox', { name: 'Search APIs' });
  await search.fill('billing');
  const table = page.getByRole('table');
  await expect(table.getByText('Payments Gateway')).toBeVisible();
  await expect(table.getByText('Customer Profiles')).toHaveCount(0);
  await context.close();

  ({ context, page } = await launch(profile));
  await expect(page.getByRole('table').getByText('Payments Gateway')).toBeVisible();
  await expect(page.getByRole('table').getByText('Customer Profiles')).toBeVisible();
  await context.close();
});

test('a name made of markup shows as text and never runs', async () => {
  const { context, page, dialogs } = await launch(newProfile());
  const hostile = '<img src=x onerror=alert(1)>';
  await createApi(page, hostile);
  await expect(page.getByRole('table').getByText(hostile)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('a deleted API comes back with Undo', async () => {
  const { context, page } = await launch(newProfile());
  await createApi(page, 'Legacy SOAP bridge');
  await page.getByRole('table').getByText('Legacy SOAP bridge').click();
  await page.getByRole('button', { name: 'Delete API' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('table').getByText('Legacy SOAP bridge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('table').getByText('Legacy SOAP bridge')).toBeVisible();
  await context.close();
});
