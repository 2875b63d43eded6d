/**
 * Nothing lost on the built app: an edit typed in the inspector survives a reload made at once, before
 * the autosave delay has passed (the `pagehide` flush writes it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../../src/cli/content.ts';

/** Nodes of the IoT reference design, as the Reference button loads it. */
const REFERENCE_NODES = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day', 'reference.design.json'), 'utf8')) as { nodes: unknown[] }).nodes.length;

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
  const stored = await page.evaluate(() => localStorage.getItem('archboard:design:iot-5tb-day'));
  expect(JSON.parse(stored!).nodes.find((n: { id: string }) => n.id === 'kds').label).toBe('Telemetry stream (typed just now)');
});

test('a full localStorage: the error says so, the work stays, and Export JSON downloads it', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('archboard:design:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Reference' }).click();
  const toast = page.locator('.toast', { hasText: 'Could not save: storage full' });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute('role', 'alert');
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE_NODES);
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByRole('button', { name: `Switch to the ${theme} theme` }).click();
    await page.screenshot({ path: testInfo.outputPath(`quota-toast-${theme}.png`) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), toast.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('iot-5tb-day-design.json');
  const path = testInfo.outputPath('kept-in-memory.json');
  await download.saveAs(path);
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync(path, 'utf8')).nodes).toHaveLength(REFERENCE_NODES);
});
