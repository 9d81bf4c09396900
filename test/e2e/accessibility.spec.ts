import { expect, test, type Page } from '@playwright/test';
import { launch, newProfile, seriousViolations } from './helpers';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe-core on ${screen}`).toEqual([]);
}

test('every screen passes an axe-core scan in both themes and in presentation mode', async () => {
  const { context, page } = await launch(newProfile());
  await expectNoSeriousViolations(page, 'first run');

  await page.getByRole('button', { name: 'Add your first API' }).click();
  await expectNoSeriousViolations(page, 'new API form');
  await page.getByRole('button', { name: 'Save API' }).click();
  await expectNoSeriousViolations(page, 'new API form with validation errors');
  await page.getByLabel('Name', { exact: true }).fill('Claims API');
  await page.getByRole('button', { name: 'Save API' }).click();

  await page.getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('table').getByText('Claims API')).toBeVisible();
  await expectNoSeriousViolations(page, 'inventory list');
  await page.getByRole('table').getByText('Claims API').click();
  await expectNoSeriousViolations(page, 'API detail');
  await page.getByRole('button', { name: 'Delete API' }).click();
  await expectNoSeriousViolations(page, 'delete confirmation');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Workspace' }).click();
  await expectNoSeriousViolations(page, 'workspace');

  await page.getByRole('button', { name: 'Command palette' }).click();
  await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await expectNoSeriousViolations(page, 'command palette');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'keyboard shortcuts');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await page.getByRole('link', { name: 'Inventory' }).click();
  await expectNoSeriousViolations(page, 'inventory list, other theme');

  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expectNoSeriousViolations(page, 'inventory list, presentation mode');
  await context.close();
});

test('the whole inventory journey works from the keyboard alone', async () => {
  const { context, page } = await launch(newProfile());
  // New API from the keyboard shortcut, save with Ctrl+Enter.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Keyboard API');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('table').getByText('Keyboard API')).toBeVisible();
  // Saving shows the saved API; Escape closes that panel.
  await expect(page.getByRole('button', { name: 'Delete API' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Delete API' })).toHaveCount(0);

  // Search with `/`, then open the row with the arrow keys and Enter.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search APIs' })).toBeFocused();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Delete API' })).toBeVisible();

  // The command palette reaches every area.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('workspace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Back up workspace' })).toBeVisible();

  // Every visible control is in the tab order (rows of the virtualized table use one
  // roving tab stop and the arrow keys instead).
  const unreachable = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
      ),
    ]
      .filter((el) => el.offsetParent !== null && el.tabIndex < 0 && !el.closest('[role="row"]'))
      .map((el) => el.outerHTML.slice(0, 100)),
  );
  expect(unreachable).toEqual([]);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.add(await page.evaluate(() => document.activeElement?.textContent.trim() ?? ''));
  }
  expect([...seen]).toEqual(expect.arrayContaining(['Back up workspace', 'Restore from backup']));

  // Shortcuts help opens with `?` and closes with Escape.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await context.close();
});

test('the first screen marks its first render for the performance figures', async () => {
  const { context, page } = await launch(newProfile());
  const mark = await page.evaluate(
    () => performance.getEntriesByName('bulwark:first-render')[0]?.startTime ?? -1,
  );
  expect(mark).toBeGreaterThan(0);
  await context.close();
});
