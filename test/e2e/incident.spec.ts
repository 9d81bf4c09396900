import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createBackup, EMPTY_WORKSPACE, serializeBackup } from '../../core/backup/format';
import { verifyChain, type TimelineEntry } from '../../core/incidents';
import type { IsoTimestamp } from '../../core/shared/brand';
import { entry } from '../fixtures/inventory';
import { paymentsModel } from '../fixtures/threats/models';
import { launch, newProfile, seriousViolations, restoreBackup } from './helpers';

// One incident from declaration through containment, notification and review, with a
// reload in the middle: the playbook state, its SLA timers, the timeline and a note that
// was typed but not added must all come back.

// A step that cannot happen fails at once with its locator, not at the test's timeout.
test.use({ actionTimeout: 15_000 });

const SHOTS = process.env.BULWARK_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** axe-core finds nothing serious once animations (a toast fading in) have settled. */
async function expectAxeClean(page: Page, screen: string): Promise<void> {
  await settled(page);
  expect(await seriousViolations(page), screen).toEqual([]);
}

/** The inventory, seeded through a backup restore: one API with personal data under GDPR. */
async function seedInventory(page: Page): Promise<void> {
  const backup = createBackup(
    {
      ...EMPTY_WORKSPACE,
      apis: [
        entry('api-payments', {
          name: 'Payments API',
          dataClasses: ['personal', 'credentials'],
          regulatoryScope: ['GDPR', 'NIS2'],
        }),
      ],
      threatModels: [
        {
          ...paymentsModel(),
          createdAt: '2026-11-01T00:00:00.000Z' as IsoTimestamp,
          updatedAt: '2026-11-01T00:00:00.000Z' as IsoTimestamp,
        },
      ],
    },
    '2026-11-23T00:00:00.000Z' as IsoTimestamp,
    'e2e',
  );
  await restoreBackup(page, serializeBackup(backup));
  await expect(page.getByRole('link', { name: 'Inventory' })).toContainText('1');
}

test('an incident from declaration through containment, a regulator notice and the review, with a reload', async () => {
  test.setTimeout(180_000);
  const profile = newProfile();
  const { context, page, dialogs } = await launch(profile);
  await seedInventory(page);

  // Declare on the seeded API: its data classes and regimes fill the scope.
  await page.getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByText('No incidents yet')).toBeVisible();
  await expectAxeClean(page, 'axe on the incident list');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.getByLabel('Title').fill('Leaked payments key');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByRole('radio', { name: /SEV1/ }).check();
  await page.getByRole('checkbox', { name: 'Payments API' }).check();
  const scope = page.getByRole('definition');
  await expect(scope.first()).toHaveText('personal, credentials');
  await expect(scope.nth(1)).toHaveText('GDPR, NIS2');
  await page.getByLabel('Detection source').selectOption('bug-bounty');
  await shot(page, 'declare-light');
  await expectAxeClean(page, 'axe on the declaration');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByRole('heading', { name: 'Leaked payments key' })).toBeVisible();

  // Roles by name, and a hand-off.
  const roles = page.getByRole('region', { name: 'Roles' });
  await roles.getByLabel('Role').selectOption('incident-commander');
  await roles.getByLabel('Person').fill('Ada Lovelace');
  await roles.getByRole('button', { name: 'Assign' }).click();
  await expect(roles.getByRole('listitem')).toHaveText([/Incident commander Ada Lovelace/]);
  await roles.getByLabel('Role').selectOption('scribe');
  await roles.getByLabel('Person').fill('Grace Hopper');
  await roles.getByRole('button', { name: 'Assign' }).click();
  await expect(roles.getByRole('listitem').nth(1)).toContainText('Grace Hopper');
  await roles.getByLabel('Hand over from Grace Hopper to').fill('Linus');
  await roles.getByRole('button', { name: 'Hand over' }).click();
  await expect(roles.getByRole('listitem').nth(1)).toContainText('Linus');

  // Start the leaked-credentials playbook.
  await page
    .getByRole('combobox', { name: 'Playbook', exact: true })
    .selectOption('leaked-api-credentials');
  await page.getByRole('button', { name: 'Start playbook' }).click();
  const firstStep = page.locator('.room-step').first();
  await expect(firstStep.locator('.sla')).toContainText('left');

  // Complete the first step's checklist: three by click, one with Alt+D.
  const checks = firstStep.getByRole('checkbox');
  // Each click is committed to storage and comes back through the live query.
  for (const i of [0, 1, 2]) {
    await checks.nth(i).click();
    await expect(checks.nth(i)).toBeChecked();
  }
  await page.keyboard.press('Alt+d');
  await expect(checks.nth(3)).toBeChecked();
  await firstStep.getByRole('button', { name: /^Complete step/ }).click();
  await page.getByRole('button', { name: 'Yes, it works or worked after the exposure' }).click();
  await shot(page, 'room-playbook-light');
  await expectAxeClean(page, 'axe on the room (playbook)');

  // Type a note without adding it, then reload: everything comes back.
  const beforeReload = await page.locator('.room-step__title').allTextContents();
  expect(beforeReload).toEqual(['Scope what the credential reaches']);
  await expect(page.locator('.sla__main').first()).toContainText('left');
  await page.keyboard.press('Alt+n');
  const note = page.getByLabel(/Add a note/);
  await expect(note).toBeFocused();
  await note.fill(
    'Attacker IP 203.0.113.7 seen with token Bearer abcdefghijklmnopqrstuvwxyz123456',
  );
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.getByLabel(/Add a note/)).toHaveValue(/Attacker IP 203\.0\.113\.7/);
  await page.getByRole('tab', { name: 'Playbook' }).click();
  await expect(page.locator('.room-step__title')).toHaveText(beforeReload);
  await expect(page.locator('.sla__main').first()).toContainText('left');

  // The timeline kept every action; the note is added with its secret masked.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  const feed = page.getByRole('feed', { name: 'Timeline, newest first' });
  await expect(feed.getByRole('article').first()).toContainText('Secret masked');
  await expect(feed.getByRole('article').first()).not.toContainText(
    'abcdefghijklmnopqrstuvwxyz123456',
  );
  await expect(feed).toContainText('handed over from Grace Hopper to Linus');
  await expect(page.getByRole('status').filter({ hasText: 'Chain intact' })).toBeVisible();
  await shot(page, 'room-timeline-light');
  await expectAxeClean(page, 'axe on the timeline');

  // Evidence: text stored with its SHA-256 (of "hello"), then its hash verified.
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('gateway.log');
  await page.getByRole('textbox', { name: 'Source' }).fill('API gateway');
  await page.getByRole('textbox', { name: 'Content' }).fill('hello');
  await page.getByRole('button', { name: 'Store evidence' }).click();
  await expect(page.locator('.evidence__hash')).toHaveText(
    '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
  );
  await page.getByRole('button', { name: 'Verify hash' }).click();
  await expect(page.getByRole('list', { name: 'Chain of custody of gateway.log' })).toContainText(
    'verified by Ada Lovelace — SHA-256 matches',
  );
  await shot(page, 'room-evidence-light');
  await expectAxeClean(page, 'axe on evidence');

  // Legible on a projector: the dark theme in presentation mode at 1280×720.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('F5');
  await expect(page.locator('html[data-presentation]')).toBeAttached();
  await page.getByRole('tab', { name: 'Playbook' }).click();
  await expect(page.locator('.room-playbook__diagram svg')).toBeVisible();
  await settled(page);
  await shot(page, 'room-projector-dark');
  await expectAxeClean(page, 'axe on the room, dark, presentation');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await settled(page);
  await shot(page, 'room-timeline-projector-dark');
  await page.keyboard.press('F5');
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await page.setViewportSize({ width: 1366, height: 860 });

  // Containment: the parallel step's first track, then the contained key time.
  await page.getByRole('tab', { name: 'Playbook' }).click();
  const scopeStep = page.locator('.room-step').first();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Alt+d');
    await expect(scopeStep.getByRole('checkbox').nth(i)).toBeChecked();
  }
  await scopeStep.getByRole('button', { name: /^Complete step/ }).click();
  const revoke = page.locator('.room-step', { hasText: 'Rotate and revoke the credential' });
  await expect(revoke).toBeVisible();
  const revokeChecks = revoke.getByRole('checkbox');
  const revokeCount = await revokeChecks.count();
  for (let i = 0; i < revokeCount; i++) {
    await revokeChecks.nth(i).click();
    await expect(revokeChecks.nth(i)).toBeChecked();
  }
  await revoke.getByRole('button', { name: /^Complete step/ }).click();
  await expect(
    page.locator('.room-step__title').filter({ hasText: 'Hunt for misuse' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Set contained time' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.keytime', { hasText: 'Contained' })).toContainText(
    'set by Ada Lovelace',
  );
  await page.getByLabel('Status').selectOption('contained');

  // The regulator: GDPR Art. 33 from awareness, a notice drafted and marked sent.
  await page.getByRole('tab', { name: 'Notifications' }).click();
  await page.getByRole('button', { name: 'Start clock GDPR Art. 33' }).click();
  const gdpr = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /^GDPR Art\. 33/ }) });
  await expect(gdpr.getByRole('timer')).toContainText('left');
  await page.getByLabel('Template').selectOption('regulator-initial-notice');
  await page.getByLabel('For regulatory clock').selectOption('gdpr-art33');
  await page.getByRole('button', { name: 'Draft message' }).click();
  const notice = page.locator('.notice').first();
  await expect(notice.getByLabel('Subject')).toHaveValue(/Leaked payments key/);
  await expect(notice.getByLabel('Message')).toHaveValue(/GDPR Art\. 33/);
  await notice.getByRole('button', { name: 'Mark sent' }).click();
  await expect(notice).toContainText('Sent');
  await expect(notice).toContainText('by Ada Lovelace');
  await expect(gdpr.getByRole('timer')).toContainText('Met');
  await shot(page, 'room-notifications-light');
  await expectAxeClean(page, 'axe on notifications');

  // The review, drafted from the timeline; one action item becomes a threat.
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Draft from the timeline' }).click();
  await expect(page.getByLabel('Timeline summary')).toHaveValue(/Incident declared/);
  await page.getByLabel('Root cause').fill('A live key was committed to a public repository.');
  await page.getByLabel('Why 1?').fill('The key was in a config file.');
  await page.getByLabel('What went well (one per line)').fill('Revocation took minutes');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await page.getByLabel('Action item 1: what').fill('Scan commits for secrets before push');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Platform team');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByText('Saved by Ada Lovelace')).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Becomes' })
    .selectOption({ label: 'A new threat on Payments service' });
  await page.getByRole('button', { name: 'Add to threat model' }).click();
  await expect(page.getByRole('link', { name: /a threat in “Payments API”/ })).toBeVisible();
  await shot(page, 'room-review-light');
  await expectAxeClean(page, 'axe on the review');
  await page.getByRole('link', { name: /a threat in “Payments API”/ }).click();
  await expect(page.getByText('Scan commits for secrets before push').first()).toBeVisible();
  await page.goBack();

  // The bundle: the chain verifies outside the app.
  await page.getByRole('tab', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON bundle' }).click();
  const path = await (await download).path();
  const bundle = JSON.parse(await readFile(path, 'utf8')) as { timeline: TimelineEntry[] };
  expect(verifyChain(bundle.timeline)).toMatchObject({ ok: true });
  expect(bundle.timeline.some((e) => e.kind === 'notification-sent')).toBe(true);
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report (Markdown)' }).click();
  const markdown = await readFile(await (await report).path(), 'utf8');
  expect(markdown).toContain('Leaked payments key');
  expect(markdown).toContain('Scan commits for secrets before push');
  expect(markdown).not.toContain('abcdefghijklmnopqrstuvwxyz123456');

  expect(dialogs).toEqual([]);
  await context.close();
});
