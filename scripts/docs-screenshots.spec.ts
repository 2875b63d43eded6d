/**
 * The README's screenshots, from the built app (`npm run docs:screenshots`, never `npm test`):
 *  - docs/screenshot.png: the IoT exercise's reference design after Auto-layout, light, 1440 x 900;
 *  - docs/groups.png: the multi-Region data lake (AWS Region group boxes with AWS's icons), dark, with
 *    both side panes hidden;
 *  - docs/interview-result.png: the result page of an interview, with the design's service icons;
 *  - docs/compare.png: the compare dialog (your design and the reference, paired by role).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/cli/content.ts';
import { viewSettled } from '../tests/e2e/support.ts';

const out = (name: string) => join(PROJECT_ROOT, 'docs', name);

async function openScenario(page: Page, id: string) {
  await page.goto('/');
  await page.locator('.scenario-button').click();
  await page.locator(`.picker-item[data-scenario="${id}"]`).click();
  await expect(page.locator('.scenario-button')).toBeVisible();
}

const settled = viewSettled;

async function referenceLaidOut(page: Page) {
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('button', { name: 'Auto-layout' })).toBeEnabled();
  // Icons loaded everywhere, the view settled after its fit, no toast in the picture.
  await expect(page.locator('.react-flow__node .svc-icon-fallback')).toHaveCount(0);
  // (Only the Availability Zone and the note have no AWS icon: AWS draws an AZ as a plain dashed box.)
  await expect(page.locator('.palette-item:not([data-service="availability-zone"]):not([data-service="text-note"]) .svc-icon-fallback')).toHaveCount(0);
  await settled(page);
  // The "Reference design loaded" toast is not part of the picture.
  await page.addStyleTag({ content: '.toasts { display: none !important; }' });
}

test('docs/screenshot.png: the IoT reference, laid out, light', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await openScenario(page, 'iot-5tb-day');
  await referenceLaidOut(page);
  await page.getByRole('tab', { name: /Feedback/ }).click();
  await page.screenshot({ path: out('screenshot.png') });
});

test('docs/groups.png: Region group boxes with their AWS icons, dark', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openScenario(page, 'multi-region-data-lake');
  await referenceLaidOut(page);
  await expect(page.locator('.group-caption .svc-icon svg').first()).toBeVisible();
  // Both panes hidden: the canvas gets the whole width.
  await page.getByRole('button', { name: /Hide services/ }).click();
  await page.getByRole('button', { name: /Hide panels/ }).click();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await settled(page);
  await page.screenshot({ path: out('groups.png') });
});

test('docs/interview-result.png and docs/compare.png', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await openScenario(page, 'iot-5tb-day');
  await page.getByTestId('import-input').setInputFiles(join(PROJECT_ROOT, 'scenarios/iot-5tb-day/common-mistake.design.json'));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Practice', exact: true }).click();
  await page.getByRole('button', { name: 'Compare with the model answer' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare with the model answer' });
  await expect(compare.locator('.svc-icon svg').first()).toBeVisible();
  await compare.screenshot({ path: out('compare.png') });
  await compare.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Submit attempt' }).click();
  const result = page.getByRole('dialog', { name: 'Attempt recorded' });
  await expect(result.locator('.svc-icon svg').first()).toBeVisible();
  await result.screenshot({ path: out('interview-result.png') });
});
