import { expect, test, type Page } from '@playwright/test';
import { createBackup, EMPTY_WORKSPACE, serializeBackup } from '../../core/backup/format';
import {
  appendEntries,
  declareIncident,
  genesisHead,
  type IncidentId,
  type TimelineDraft,
} from '../../core/incidents';
import type { IsoTimestamp } from '../../core/shared/brand';
import { launch, newProfile, restoreBackup } from './helpers';

// Two windows on one incident (two tabs of the app, as a scribe and a commander might
// keep): each shows what the other appends, and notes added in both at the same moment
// all land on one unbroken hash chain. Each window commits from its memory of its own
// last commit, so this is where a stale memory would fork the chain.

test.use({ actionTimeout: 15_000 });

const ID = 'two-windows' as IncidentId;
const TITLE = 'Shared incident in two windows';
const SEEDED = 3;

async function seed(page: Page): Promise<void> {
  const t0 = Date.UTC(2026, 10, 23, 8, 0);
  const drafts: TimelineDraft[] = Array.from({ length: SEEDED }, (_, i) => ({
    at: t0 + i * 1000,
    recordedAt: t0 + i * 1000,
    actor: 'Seed',
    kind: 'note',
    text: `Seeded entry ${String(i)}`,
  }));
  const incident = declareIncident({
    id: ID,
    now: t0,
    title: TITLE,
    severity: 'SEV2',
    mode: 'live',
    declaredBy: 'Seed',
    timeZone: 'UTC',
  });
  const backup = createBackup(
    { ...EMPTY_WORKSPACE, incidents: [incident], timeline: appendEntries(genesisHead(ID), drafts) },
    '2026-11-23T00:00:00.000Z' as IsoTimestamp,
    'e2e',
  );
  await restoreBackup(page, serializeBackup(backup));
  await expect(page.getByText(/Restored/)).toBeVisible();
}

async function openTimeline(page: Page, base: string, count: number): Promise<void> {
  await page.goto(`${base}#/incidents/room/${ID}/timeline`);
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('feed').getByRole('article')).toHaveCount(count);
}

/** Adds a note and waits for its commit (the field empties), so the next fill is not cleared. */
async function addNote(page: Page, text: string): Promise<void> {
  const field = page.getByLabel(/Add a note/);
  await field.fill(text);
  await field.press('Control+Enter');
  await expect(field).toHaveValue('');
}

const badge = (page: Page) => page.getByRole('status').filter({ hasText: 'Chain intact' });

test('two windows on one incident see each other and keep one chain', async () => {
  test.setTimeout(120_000);
  const { context, page: a } = await launch(newProfile());
  await seed(a);
  const base = a.url().split('#')[0] ?? '';
  const b = await context.newPage();
  await openTimeline(a, base, SEEDED);
  await openTimeline(b, base, SEEDED);

  // What one window appends shows in the other, and the other links onto it.
  await addNote(a, 'From window A');
  await expect(b.getByRole('feed').getByRole('article').first()).toContainText('From window A');
  await addNote(b, 'From window B');
  await expect(a.getByRole('feed').getByRole('article').first()).toContainText('From window B');
  await expect(a.getByRole('heading', { name: 'Timeline' })).toContainText('5 entries');

  // Both windows at the same moment, several times: no entry lost, none forked.
  const ROUNDS = 5;
  for (let i = 0; i < ROUNDS; i++)
    await Promise.all([addNote(a, `A round ${String(i)}`), addNote(b, `B round ${String(i)}`)]);
  const total = SEEDED + 2 + 2 * ROUNDS;
  for (const page of [a, b]) {
    await expect(page.getByRole('heading', { name: 'Timeline' })).toContainText(
      `${String(total)} entries`,
    );
    await expect(badge(page)).toContainText(`${String(total)} entries`);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  // Every note is stored exactly once: read from a third, freshly opened window.
  const c = await context.newPage();
  await openTimeline(c, base, total);
  await expect(badge(c)).toContainText(`${String(total)} entries`);
  const texts = await c.getByRole('feed').getByRole('article').allTextContents();
  for (let i = 0; i < ROUNDS; i++) {
    expect(texts.filter((t) => t.includes(`A round ${String(i)}`))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(`B round ${String(i)}`))).toHaveLength(1);
  }
  await context.close();
});

test('notes added in a burst show in order, and leave no draft behind', async () => {
  test.setTimeout(120_000);
  const { context, page } = await launch(newProfile());
  await seed(page);
  const base = page.url().split('#')[0] ?? '';
  await openTimeline(page, base, SEEDED);
  const field = page.getByLabel(/Add a note/);
  const saved = page.getByRole('status').filter({ hasText: 'Draft saved' });

  // A note whose draft was saved, then one added before its draft could be, then one
  // saved again: each addition must leave the drafts store without the note.
  await field.fill('Waited for its draft');
  await expect(saved).toBeVisible();
  await field.press('Control+Enter');
  await expect(field).toHaveValue('');
  await addNote(page, 'Added at once');
  await field.fill('Saved after a quick one');
  await expect(saved).toBeVisible();
  await field.press('Control+Enter');
  await expect(field).toHaveValue('');

  // Five more back to back: this window shows its own appends without reading them back,
  // newest first, none missing.
  for (let i = 0; i < 5; i++) {
    await field.fill(`Burst ${String(i)}`);
    await field.press('Control+Enter');
  }
  const rows = page.getByRole('feed').getByRole('article');
  await expect(rows).toHaveCount(SEEDED + 8);
  await expect(field).toHaveValue('');

  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(rows).toHaveCount(SEEDED + 8);
  await expect(page.getByLabel(/Add a note/)).toHaveValue('');
  const texts = (await rows.allTextContents()).slice(0, 8);
  const expected = [
    'Burst 4',
    'Burst 3',
    'Burst 2',
    'Burst 1',
    'Burst 0',
    'Saved after a quick one',
    'Added at once',
    'Waited for its draft',
  ];
  expected.forEach((text, i) => {
    expect(texts[i]).toContain(text);
  });
  await expect(badge(page)).toContainText(`${String(SEEDED + 8)} entries`);
  await context.close();
});
