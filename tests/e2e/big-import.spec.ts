/**
 * Issue 15: a big import runs in the analysis worker with a progress status, and the tab stays usable
 * (no console error, the design is graded, a button responds right after). Issue 13: a big draw.io
 * file is read and mapped there too.
 */
import { expect, test } from '@playwright/test';
import { tiledDesign } from '../../bench/designs.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
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

test('a draw.io file of about 5,000 cells is read in the worker with progress, and every service arrives', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.goto('/');
  // The file is the draw.io export of a 2,000-node design (made by `npm run convert`).
  const design = tiledDesign(2000);
  const json = testInfo.outputPath('big.json');
  const drawio = testInfo.outputPath('big.drawio');
  writeFileSync(json, JSON.stringify(design));
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/convert.ts', json, '-o', drawio], { cwd: PROJECT_ROOT });
  const text = readFileSync(drawio, 'utf8');
  const seen = page.waitForSelector('.canvas-progress', { timeout: 30_000 });
  await page.getByTestId('import-input').setInputFiles({ name: 'big.drawio', mimeType: 'application/xml', buffer: Buffer.from(text) });
  await seen;
  await expect(page.getByRole('status').filter({ hasText: /Reading big\.drawio/ })).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Imported big.drawio' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText(design.nodes.length.toLocaleString('en-US'));
  await expect(page.locator('.canvas-progress')).toHaveCount(0);
  expect(problems).toEqual([]);
});
