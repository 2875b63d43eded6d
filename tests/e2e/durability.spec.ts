/**
 * Nothing lost on the built app: an edit typed in the inspector survives a reload made at once, before
 * the autosave delay has passed (the `pagehide` flush writes it).
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_MAX_VALUE_CHARS } from '../../src/adapters/storage.ts';
import { tiledDesign } from '../../bench/designs.ts';
import { dragMouse, storedRecord, watchErrors } from './support.ts';

/** The IoT scenario's reference design, as the Reference button loads it. */
const REFERENCE_TEXT = readFileSync(join(process.cwd(), 'scenarios', 'iot-5tb-day', 'reference.design.json'), 'utf8');
const REFERENCE_NODES = (JSON.parse(REFERENCE_TEXT) as { nodes: unknown[] }).nodes.length;

test('a label typed in the inspector survives an immediate reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Reference' }).click();
  const kds = page.locator('.react-flow__node[data-id="kds"]');
  await expect(kds).toBeVisible();
  await kds.click();
  const label = page.getByLabel('Label', { exact: true });
  await label.fill('Telemetry stream (typed just now)');
  // No wait: the save is still debounced when the page goes away.
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="kds"] .svc-label')).toHaveText('Telemetry stream (typed just now)');
  await expect.poll(async () => JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day')) ?? '{"nodes":[]}').nodes.find((n: { id: string }) => n.id === 'kds')?.label).toBe('Telemetry stream (typed just now)');
});

test('an edit to a design of 3,000 services survives an immediate reload (its save joins the journal only as the page goes away)', async ({ page }) => {
  const design = tiledDesign(3000);
  const text = JSON.stringify(design);
  expect(text.length).toBeGreaterThan(JOURNAL_MAX_VALUE_CHARS);
  const stored = async () => JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day')) ?? '{"nodes":[]}') as { nodes: { id: string; label?: string }[] };
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.toast').filter({ hasText: `Imported big.json: ${design.nodes.length} services` })).toBeVisible({ timeout: 60_000 });
  // The import is saved; what the reload must keep is the edit after it.
  await expect.poll(async () => (await stored()).nodes.length, { timeout: 30_000 }).toBe(design.nodes.length);
  await page.locator('.react-flow__node[data-id="kds#0"]').click();
  await page.getByLabel('Label', { exact: true }).fill('Stream 0 (typed just now)');
  // No wait: the save is still debounced when the page goes away.
  await page.reload();
  await expect(page.locator('.header-score')).toContainText('requirements pass', { timeout: 30_000 });
  await expect.poll(async () => (await stored()).nodes.find((n) => n.id === 'kds#0')?.label, { timeout: 30_000 }).toBe('Stream 0 (typed just now)');
});

test('storage full: a Not saved banner stays while saves fail, Export works, and nothing is lost once space is freed', async ({ page }, testInfo) => {
  // IndexedDB refuses design writes as a full disk does, until the test frees space.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    (window as unknown as { __full: boolean }).__full = true;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if ((window as unknown as { __full: boolean }).__full && typeof key === 'string' && key.startsWith('archboard:design:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Reference' }).click();
  const banner = page.getByRole('alert', { name: 'Not saved' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('storage is full');
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE_NODES);
  // Later edits: the banner stays (it was a toast that went away, then later failures were silent).
  await page.locator('.react-flow__node[data-id="kds"]').click();
  await page.keyboard.press('ArrowRight');
  await expect(banner).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByRole('button', { name: `Switch to the ${theme} theme` }).click();
    await page.screenshot({ path: testInfo.outputPath(`not-saved-banner-${theme}.png`) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('iot-5tb-day-design.json');
  const path = testInfo.outputPath('kept-in-memory.json');
  await download.saveAs(path);
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync(path, 'utf8')).nodes).toHaveLength(REFERENCE_NODES);

  // Space is freed: the retry writes everything, the banner goes, and a reload shows the design.
  // Freed and "Try again" pressed in one task: a background retry cannot write first and take the banner (and its button) away.
  await banner.getByRole('button', { name: 'Try again' }).evaluate((button) => {
    (window as unknown as { __full: boolean }).__full = false;
    (button as HTMLButtonElement).click();
  });
  await expect(banner).toBeHidden();
  await expect.poll(async () => JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day')) ?? '{"nodes":[]}').nodes.length).toBe(REFERENCE_NODES);
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE_NODES);
});

test('a design saved in localStorage by an older version is moved to IndexedDB once', async ({ page }) => {
  const design = REFERENCE_TEXT;
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('archboard:design:iot-5tb-day', text), sessionStorage.setItem('seeded', '1');
  }, design);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE_NODES);
  expect(await page.evaluate(() => localStorage.getItem('archboard:design:iot-5tb-day'))).toBeNull();
  expect(JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day'))!).nodes).toHaveLength(REFERENCE_NODES);
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE_NODES);
});

test('drafts survive a reload in the trade-off note, the connection label editor and the canvas note editor', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Reference' }).click();
  const kds = page.locator('.react-flow__node[data-id="kds"]');
  await kds.click();
  const note = page.getByLabel('Trade-off note');
  await note.click();
  await page.keyboard.type('Kinesis, not MSK: no brokers to run');
  await page.reload();
  await page.locator('.react-flow__node[data-id="kds"]').click();
  await expect(page.getByLabel('Trade-off note')).toHaveValue('Kinesis, not MSK: no brokers to run');

  // A connection label being typed: the editor reopens with the text.
  const edge = page.locator('.react-flow__edge').first();
  await edge.dblclick({ force: true });
  const label = page.getByLabel('Connection label (Enter to keep, Escape to cancel)');
  await expect(label).toBeVisible();
  await label.fill('MQTT over TLS (draft)');
  await page.reload();
  await expect(page.getByLabel('Connection label (Enter to keep, Escape to cancel)')).toHaveValue('MQTT over TLS (draft)');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Connection label (Enter to keep, Escape to cancel)')).toHaveCount(0);

  // A canvas note: add one from the palette, type, reload.
  await page
    .getByRole('button', { name: /Text note/ })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  const sticky = page.locator('.react-flow__node .note-node').first();
  await sticky.dblclick();
  const text = page.getByLabel('Note text (Ctrl+Enter to keep, Escape to cancel)');
  await text.fill('Ask about the retention rule');
  await page.reload();
  await expect(page.getByLabel('Note text (Ctrl+Enter to keep, Escape to cancel)')).toHaveValue('Ask about the retention rule');
  await page.screenshot({ path: testInfo.outputPath('draft-restored.png') });
  expect(problems).toEqual([]);
});

test('ids named like Object members: drawn in place, nudged and dragged, and the design loads after a reload', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  const ids = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
  const doc = {
    format: 'archboard.design',
    version: 2,
    scenarioId: 'iot-5tb-day',
    nodes: ids.map((id, i) => ({ id, service: i % 2 ? 'amazon-s3' : 'amazon-kinesis-data-streams', position: { x: 80 + i * 260, y: 120 } })),
    edges: [{ id: 'valueOf', source: 'constructor', target: 'toString' }],
  };
  const file = testInfo.outputPath('object-member-ids.json');
  writeFileSync(file, JSON.stringify(doc));
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(file);
  for (const id of ids) await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible();
  await page.locator('.react-flow__node[data-id="toString"]').click();
  await page.keyboard.press('ArrowRight');
  const box = (await page.locator('.react-flow__node[data-id="hasOwnProperty"]').boundingBox())!;
  await dragMouse(page, { x: box.x + 40, y: box.y + 20 }, { x: box.x + 40, y: box.y + 220 });
  await expect
    .poll(async () =>
      JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day')) ?? '{"nodes":[]}')
        .nodes.map((n: { id: string }) => n.id)
        .sort(),
    )
    .toEqual([...ids].sort());
  await page.reload();
  for (const id of ids) await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Recovered data' })).toHaveCount(0);
  const saved = JSON.parse((await storedRecord(page, 'archboard:design:iot-5tb-day'))!);
  for (const n of saved.nodes) expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y)).toBe(true);
  expect(problems.filter((p) => /NaN/.test(p))).toEqual([]);
});
