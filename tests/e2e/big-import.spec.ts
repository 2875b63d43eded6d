/**
 * Issue 15: a big import runs in the analysis worker with a progress status, and the tab stays usable
 * (no console error, the design is graded, a button responds right after).
 */
import { expect, test } from '@playwright/test';
import { tiledDesign } from '../../bench/designs.ts';
import { watchErrors } from './support.ts';

test('a 3,000-node import shows progress, is graded in the worker, and the page stays responsive', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.goto('/');
  const design = tiledDesign(3000);
  const seen = page.waitForSelector('.canvas-progress', { timeout: 30_000 });
  await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await seen;
  await expect(page.getByRole('status').filter({ hasText: /big\.json/ })).toBeVisible();
  await expect(page.locator('.toast').filter({ hasText: `Imported big.json: ${design.nodes.length} services` })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.canvas-progress')).toHaveCount(0);
  await expect(page.locator('.header-score')).toContainText('requirements pass');
  await page.screenshot({ path: testInfo.outputPath('big-import.png') });
  // Still responsive: the Feedback tab opens.
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(page.getByRole('tab', { name: 'Feedback' })).toHaveAttribute('aria-selected', 'true');
  expect(problems).toEqual([]);
});
