/**
 * The view fits what is shown: "New" goes back to zoom 1 (no longer the zoom of the design before),
 * "Reference" fits the reference design, and a shared view opens fitted to the shared design.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import LZString from 'lz-string';

const REFERENCE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios/iot-5tb-day/reference.design.json'), 'utf8'));
const zoomOf = (page: Page) => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1] ?? 'NaN'));

/** Every node's box lies inside the canvas. */
async function allInView(page: Page) {
  const canvas = (await page.locator('.canvas .react-flow').boundingBox())!;
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  return boxes.length > 0 && boxes.every((b) => b.left >= canvas.x - 1 && b.top >= canvas.y - 1 && b.right <= canvas.x + canvas.width + 1 && b.bottom <= canvas.y + canvas.height + 1);
}

test('New returns to zoom 1; Reference fits the reference in view', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE.nodes.length);
  await expect.poll(() => allInView(page)).toBe(true);
  expect(await zoomOf(page)).toBeLessThan(1);
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: 'Start new design' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect.poll(() => zoomOf(page)).toBe(1);
});

test('a shared view opens fitted to the shared design', async ({ page }) => {
  // A share link as the Share button writes it (src/domain/share-link.ts): `#d=` + lz-string's URI-safe form.
  await page.goto(`/#d=${LZString.compressToEncodedURIComponent(JSON.stringify(REFERENCE))}`);
  await expect(page.getByRole('region', { name: 'Shared design' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE.nodes.length);
  await expect.poll(() => allInView(page)).toBe(true);
});
