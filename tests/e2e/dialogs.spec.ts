/**
 * Keys pressed in a dialog never edit the design behind it. Each dialog of the app is opened over a
 * design with a node selected; Delete, Backspace, Ctrl+Z, Ctrl+Shift+Z, Ctrl+X and an arrow key pressed
 * inside it leave the design as it was; the dialog is a native modal (`:modal`, the rest inert) named
 * by its own title; Escape closes it. The same keys on the canvas afterwards do edit the design, so the
 * check is not vacuous. Then: replacing a non-empty design asks first, and the replaced design comes
 * back after a reload with "Restore previous design".
 */
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { openIot, watchErrors } from './support.ts';

const DRAWIO = join(PROJECT_ROOT, 'tests', 'fixtures', 'drawio');
const KEYS = ['Delete', 'Backspace', 'Control+z', 'Control+Shift+z', 'Control+x', 'ArrowRight'];

/** The design as the canvas shows it: node ids with their positions, and edge ids. */
async function designShown(page: Page) {
  const nodes = await page.locator('.react-flow__node').evaluateAll((ns) => ns.map((n) => `${(n as HTMLElement).dataset.id}@${(n as HTMLElement).style.transform}`).sort());
  const edges = await page.locator('.react-flow__edge').evaluateAll((es) => es.map((e) => e.getAttribute('data-id') ?? e.id).sort());
  return { nodes, edges };
}

/** Opens the app on the IoT scenario with its reference design loaded and the stream selected. */
async function openWithDesign(page: Page) {
  await openIot(page);
  await page.getByRole('button', { name: 'Reference' }).click();
  const kds = page.locator('.react-flow__node[data-id="kds"]');
  await expect(kds).toBeVisible();
  await kds.click();
  await expect(kds).toHaveClass(/selected/);
}

/** Presses the editing keys inside an open dialog and checks the dialog is modal, titled, and the design untouched. */
async function probe(page: Page, dialog: Locator, close: 'Escape' | Locator = 'Escape') {
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true);
  const titleId = await dialog.getAttribute('aria-labelledby');
  expect(titleId).toBeTruthy();
  expect(await page.locator(`[id="${titleId}"]`).count()).toBe(1);
  // Focus is inside the dialog (the page behind is inert).
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  const before = await designShown(page);
  expect(before.nodes.length).toBeGreaterThan(0);
  for (const key of KEYS) await page.keyboard.press(key);
  expect(await designShown(page)).toEqual(before);
  await expect(dialog).toBeVisible();
  if (close === 'Escape') await page.keyboard.press('Escape');
  else await close.click();
  await expect(dialog).toHaveCount(0);
  expect(await designShown(page)).toEqual(before);
}

test('Delete and Ctrl+Z inside each dialog leave the design untouched', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await openWithDesign(page);
  const opened: string[] = [];
  const check = async (name: string | RegExp, open: () => Promise<unknown>, close?: (d: Locator) => Locator) => {
    await open();
    const dialog = page.getByRole('dialog', { name });
    if (opened.length === 0) await page.screenshot({ path: testInfo.outputPath('dialog-open.png') });
    await probe(page, dialog, close ? close(dialog) : 'Escape');
    opened.push(String(name));
  };

  await check('Scenarios', () => page.locator('.scenario-button').click());
  await check('Start a new design?', () => page.getByRole('button', { name: 'New', exact: true }).click());
  await check(
    'Replace your design with the reference?',
    () => page.getByRole('button', { name: 'Reference' }).click(),
    (d) => d.getByRole('button', { name: 'Cancel' }),
  );
  await check('Import a design in place of yours?', () => page.getByRole('button', { name: 'Import', exact: true }).click());
  await check(
    'Share this design',
    () => page.getByRole('button', { name: 'Share', exact: true }).click(),
    (d) => d.getByRole('button', { name: 'Done' }),
  );
  await check('Start a mock interview', () => page.getByRole('button', { name: 'Start a mock interview' }).click());
  await check(/Could not import bad\.json/, () => page.getByTestId('import-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "archboard.design", "nodes": 3}') }));
  await check(
    'Import a page of adsf-diagrams.drawio',
    () => page.getByTestId('import-input').setInputFiles(join(DRAWIO, 'real', 'adsf-diagrams.drawio')),
    (d) => d.getByRole('button', { name: 'Cancel' }),
  );
  await page.getByRole('tab', { name: 'Practice', exact: true }).click();
  await check('Compare with the model answer', () => page.getByRole('button', { name: 'Compare with the model answer' }).click());
  await check(
    'Attempt recorded',
    () => page.getByRole('button', { name: 'Submit attempt' }).click(),
    (d) => d.getByRole('button', { name: 'Close' }),
  );
  // The draw.io import replaces the design (asked about before the file is picked): its report is probed over the imported design.
  await check(
    'Imported iot-pipeline.drawio',
    () => page.getByTestId('import-input').setInputFiles(join(DRAWIO, 'iot-pipeline.drawio')),
    (d) => d.getByRole('button', { name: 'Close' }),
  );
  await check('Your interview result', async () => {
    await page.getByRole('button', { name: /^Start interview/ }).click();
    await page.getByRole('region', { name: 'Interview' }).getByRole('button', { name: 'Submit design' }).click();
  });
  expect(opened).toHaveLength(12);

  // Outside a dialog the same keys do edit: the check above could fail.
  const before = await designShown(page);
  const node = page.locator('.react-flow__node').first();
  await node.click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await designShown(page)).nodes.length).toBeLessThan(before.nodes.length);
  await page.keyboard.press('Control+z');
  await expect.poll(() => designShown(page)).toEqual(before);
  expect(problems).toEqual([]);
});

test('a link that cannot be opened: its dialog is modal too and keys in it leave the design alone', async ({ page }) => {
  await openWithDesign(page);
  await page.evaluate(() => (location.hash = '#d=not-a-design'));
  await probe(page, page.getByRole('dialog', { name: 'Could not open the shared link' }));
});

test('Reference on a non-empty design asks first; the replaced design comes back after a reload', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await openWithDesign(page);
  // My own design: the reference, less the stream, plus a label of my own.
  await page.keyboard.press('Delete');
  const mine = await designShown(page);
  expect(mine.nodes.some((n) => n.startsWith('kds@'))).toBe(false);

  await page.getByRole('button', { name: 'Reference' }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your design with the reference?' });
  await expect(ask).toContainText(`Your current design (${mine.nodes.length} services)`);
  await page.screenshot({ path: testInfo.outputPath('reference-asks.png') });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(await designShown(page)).toEqual(mine);

  await page.getByRole('button', { name: 'Reference' }).click();
  await ask.getByRole('button', { name: 'Load reference' }).click();
  await expect(page.locator('.react-flow__node[data-id="kds"]')).toBeVisible();

  // After a reload (undo history gone) the previous design is one click away, with the keyboard too.
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="kds"]')).toBeVisible();
  const restore = page.getByRole('button', { name: 'Restore previous design' });
  await page.screenshot({ path: testInfo.outputPath('restore-previous.png') });
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="kds"]')).toHaveCount(0);
  await expect.poll(async () => (await designShown(page)).nodes.map((n) => n.split('@')[0])).toEqual(mine.nodes.map((n) => n.split('@')[0]));
  // Restoring is reversible: the reference is now the previous design.
  await restore.click();
  await expect(page.locator('.react-flow__node[data-id="kds"]')).toBeVisible();
  expect(problems).toEqual([]);
});
