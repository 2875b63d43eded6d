/**
 * The simulator on the built app: the common-mistake design marks its 10-shard stream as the
 * bottleneck; 200 shards in the inspector clear the mark and 10 bring it back; the Simulation tab
 * shows the latency against the budgets and the storage chart with its storage classes. Screenshots
 * of the canvas with volume labels and of the Simulation tab, in both themes, go to the test output.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { watchErrors } from './support.ts';

const SCENARIO_DIR = join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day');
const stream = (page: Page) => page.locator('.react-flow__node:has([data-service="amazon-kinesis-data-streams"])');
const badge = (page: Page) => stream(page).getByTestId('bottleneck-badge');

async function importDesign(page: Page, file: string) {
  await page.getByTestId('import-input').setInputFiles(join(SCENARIO_DIR, file));
  await expect(page.locator('.toast').filter({ hasText: `Imported ${file}` })).toBeVisible();
  await page.locator('.toast-close').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.getByRole('button', { name: /Switch to the/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('the bottleneck mark follows the shard count, and the Simulation tab shows latency, storage and cost', async ({ page }, testInfo) => {
  const problems = watchErrors(page);

  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await importDesign(page, 'common-mistake.design.json');

  // 5 TB/day = 57.9 MB/s into 10 shards (10 MB/s): 579%.
  await expect(badge(page)).toBeVisible();
  await expect(badge(page)).toHaveText('Bottleneck 579% · 1 MB/s per shard');
  await expect(stream(page).locator('.svc-node')).toHaveAttribute('aria-label', /579%.*Bottleneck: overloaded/);

  // 200 shards (200 MB/s): 29%, 87% at 3x peak: no bottleneck.
  await stream(page).click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const shards = page.getByRole('spinbutton', { name: /Shards/ });
  await expect(shards).toHaveValue('10');
  await shards.fill('200');
  await expect(badge(page)).toHaveCount(0);
  await expect(stream(page).locator('.svc-load')).toHaveClass(/is-ok/);

  // Back to 10: the mark comes back.
  await shards.fill('10');
  await expect(badge(page)).toHaveText('Bottleneck 579% · 1 MB/s per shard');

  // Volume labels on the edges, readable once zoomed in; the toggle hides them.
  await page.getByRole('button', { name: 'Fit view' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  const devicesEdge = page.locator('.edge-label[data-edge-id="e-devices-kds"]');
  await expect(devicesEdge).toBeVisible();
  await expect(devicesEdge).toContainText('57.9 MB/s');
  await expect(devicesEdge).toContainText('56.5k rec/s'); // 57.87 MB/s / 1,024 B
  await expect(devicesEdge).toHaveAttribute('title', /173\.6 MB\/s and 169,542 records\/s at 3x peak/);
  await page.mouse.move(0, 0);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: testInfo.outputPath(`canvas-volumes-${theme}.png`) });
  }
  await setTheme(page, 'light');
  const toggle = page.getByRole('button', { name: 'Volume labels' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.edge-label.has-volume')).toHaveCount(0);
  await toggle.click();
  await expect(devicesEdge).toBeVisible();

  // The Simulation tab: the overloaded stream, the dashboard's budgets, the storage in S3 Standard.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByTestId('sim-bottleneck')).toContainText('Telemetry stream');
  await expect(panel.getByTestId('sim-bottleneck')).toContainText('579%');
  await expect(panel.getByTestId('sim-stages').locator('tr[data-stage="kds"]')).toContainText('1 MB/s per shard');
  const dashboard = panel.locator('[data-sink="quicksight"]');
  await expect(dashboard).toContainText('no path');
  await expect(panel.getByTestId('storage-chart').locator('.recharts-legend-item-text')).toHaveText(['S3 Standard']);
  // Every service in it has a public price: the dashboard has a cost, nothing is "not priced".
  const costTable = panel.getByRole('table', { name: 'Cost per service' });
  await expect(costTable.getByRole('row', { name: /^Dashboards/ })).toContainText('$');
  await expect(costTable).not.toContainText('not priced');

  // The reference design: every budget met, and the lifecycle puts data in Deep Archive.
  await importDesign(page, 'reference.design.json');
  await expect(badge(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(panel.locator('.sim-budgets .is-over')).toHaveCount(0);
  await expect(panel.locator('.sim-budgets .is-ok').first()).toBeVisible();
  const storage = panel.getByTestId('storage-chart');
  await storage.scrollIntoViewIfNeeded();
  await expect(storage.locator('.recharts-legend-item-text')).toContainText(['S3 Glacier Deep Archive', 'S3 Standard']);
  await expect(storage.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(panel.getByTestId('cost-chart').locator('.recharts-area').first()).toBeVisible();
  // AWS IoT Core is on the bill; Lake Formation costs nothing and says so.
  await expect(costTable.getByRole('row', { name: /^IoT Core rules/ })).toContainText('$');
  await expect(costTable.getByRole('row', { name: /^Lake permissions/ })).toContainText('no charge');
  await costTable.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('simulation-cost-table.png') });
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await panel.evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: testInfo.outputPath(`simulation-tab-${theme}.png`) });
    await storage.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`simulation-charts-${theme}.png`) });
  }
  await setTheme(page, 'light');

  // What-if: 10x the volume breaks the sized stages at once; Reset brings the scenario back.
  await page.getByRole('tab', { name: 'Scenario' }).click();
  await page.getByTestId('what-if').getByRole('button', { name: 'Volume ×10' }).click();
  await expect(page.locator('.check-item[data-requirement="ingestion"]')).toHaveAttribute('data-status', 'fail');
  // The daily job is the worst: 10 TB per run against 1.4 TB (10 G.2X workers for 60 min).
  await expect(page.locator('.react-flow__node[data-id="glue-daily"]').getByTestId('bottleneck-badge')).toContainText('20 MB/s per DPU (estimate)');
  await expect(page.getByTestId('what-if').getByRole('status')).toContainText('50,000 GB/day');
  await page.screenshot({ path: testInfo.outputPath('what-if-x10.png') });
  await page.getByRole('button', { name: 'Reset to the scenario' }).click();
  await expect(page.locator('.check-item[data-requirement="ingestion"]')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('bottleneck-badge')).toHaveCount(0);

  expect(problems, 'console errors (CSP violations included)').toEqual([]);
});
