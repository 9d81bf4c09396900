import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { launch, newProfile, seriousViolations } from './helpers';

const LEAKED = 'Compromised or leaked API tokens or keys';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // A toast fading in is mid-animation and fails contrast for a moment: let it settle.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  expect(await seriousViolations(page), `axe-core on ${screen}`).toEqual([]);
}

const diagramSvg = (page: Page) =>
  page.getByRole('figure', { name: 'State diagram' }).locator('svg').first();

test('a built-in playbook is read, duplicated, edited with live validation, saved and exported', async () => {
  const profile = newProfile();
  const first = await launch(profile);
  let page = first.page;

  // The catalogue
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Playbooks' })
    .click();
  await expect(page.getByRole('heading', { name: 'Playbooks', level: 2 })).toBeVisible();
  const leakedRow = page.getByRole('row').filter({ hasText: LEAKED });
  await expect(leakedRow).toContainText('Built in');
  await expect(leakedRow).toContainText('API2:2023');
  await expectNoSeriousViolations(page, 'the playbook list');

  await page.getByRole('searchbox', { name: 'Search playbooks' }).fill('zombie');
  await expect(page.getByRole('link', { name: LEAKED })).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search playbooks' }).fill('');

  // One playbook, with its diagram
  await page.getByRole('link', { name: LEAKED }).click();
  await expect(page.getByRole('heading', { name: LEAKED, level: 2 })).toBeVisible();
  await expect(page.getByText('Built in, read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeHidden();
  await expect(diagramSvg(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Phase 1: / })).toBeVisible();
  // Clicking a state in the diagram marks its step
  await page
    .getByRole('figure', { name: 'State diagram' })
    .getByRole('button', { name: 'Triage the report' })
    .click();
  await expect(page.locator('li[aria-current="step"]')).toContainText('Triage the report');
  await expectNoSeriousViolations(page, 'the playbook detail');

  // Duplicate opens the editor on a copy
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'New playbook' })).toBeVisible();
  const yaml = page.getByRole('textbox', { name: 'Playbook YAML' });
  const copy = await yaml.inputValue();
  expect(copy).toContain('id: leaked-api-credentials-copy');
  expect(copy).toContain(`title: ${LEAKED} (copy)`);
  await expect(
    page.getByRole('heading', { name: 'Validation: No errors. Ready to save.' }),
  ).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'State diagram' }).locator('svg').first(),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'the playbook editor');

  // Break it: a precise error with its line shows, and Save is refused
  const versionLine = copy.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
  await yaml.fill(copy.replace(/^version: .*$/m, 'version: not-a-version'));
  const error = page
    .getByRole('listitem')
    .filter({ hasText: `line ${String(versionLine)}, column` });
  await expect(error).toContainText('— version —');
  await expectNoSeriousViolations(page, 'the playbook editor with errors');
  await error.getByRole('button', { name: `Go to line ${String(versionLine)}` }).click();
  await expect(yaml).toBeFocused();
  const caret = await yaml.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  expect(copy.slice(0, caret).split('\n')).toHaveLength(versionLine);
  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.getByText('Not saved: the playbook has errors.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New playbook' })).toBeVisible();

  // Leaving with unsaved changes asks first
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Inventory' })
    .click();
  const discard = page.getByRole('dialog', { name: 'Discard changes?' });
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { name: 'New playbook' })).toBeVisible();

  // Fix it and save with the keyboard
  const title = 'Leaked keys, our way';
  await yaml.fill(copy.replace(`title: ${LEAKED} (copy)`, `title: ${title}`));
  await expect(
    page.getByRole('heading', { name: 'Validation: No errors. Ready to save.' }),
  ).toBeVisible();
  await yaml.press('ControlOrMeta+s');
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();

  // It is listed as a user playbook and survives a reload
  await page.getByRole('link', { name: 'All playbooks' }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Yours');
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Yours');

  // Export as CACAO
  await page.getByRole('link', { name: title }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CACAO' }).click();
  const file = await (await download).path();
  const cacao = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  expect(cacao.type).toBe('playbook');
  expect(cacao.spec_version).toBe('cacao-2.0');
  expect(cacao.name).toBe(title);

  expect(first.dialogs).toEqual([]);
  await first.context.close();

  // A new window on the same profile still has it
  const second = await launch(profile);
  page = second.page;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Playbooks' })
    .click();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Yours');
  await second.context.close();
});

async function importFile(page: Page, button: string, name: string, content: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('a CACAO playbook is previewed and imported; a broken one is refused naming the file and place', async () => {
  const { context, page } = await launch(newProfile());
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Playbooks' })
    .click();

  // Export a built-in playbook as CACAO, then import that file back
  await page.getByRole('link', { name: LEAKED }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CACAO' }).click();
  const cacao = await readFile(await (await download).path(), 'utf8');
  await page.getByRole('link', { name: 'All playbooks' }).click();

  // A broken file: an alert names the file and the place, and nothing is written
  await importFile(page, 'Import CACAO', 'broken.json', cacao.slice(0, 200));
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json was not imported' });
  await expect(alert).toContainText(/broken\.json, line \d+, column \d+ — /);
  await expect(page.getByText('Yours')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  await importFile(page, 'Import CACAO', 'leaked.cacao.json', cacao);
  const preview = page.getByRole('dialog', { name: 'Import this playbook?' });
  await expect(preview).toContainText('From leaked.cacao.json');
  await expectNoSeriousViolations(page, 'the import preview');
  await preview.getByRole('button', { name: 'Import playbook' }).click();
  // The built-in id is taken, so it arrives as a copy
  await expect(page.getByRole('heading', { name: `${LEAKED} (copy)`, level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();

  // Delete asks first and can be undone
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this playbook?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { name: 'Playbooks', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: `${LEAKED} (copy)` })).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: `${LEAKED} (copy)` })).toBeVisible();
  await context.close();
});
