/**
 * Editor craft on the built app: a keyboard-only journey, copy-paste of a group of nodes, a drag that
 * opens the Inspector once dropped, the share link round trip, draw.io import, SVG/PNG export of a
 * design far larger than the viewport, and an axe-core scan in light and dark themes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { MAX_RASTER_PIXELS, rasterRatio } from '../../src/adapters/raster-ratio.ts';
import { colourDistance, decodePng, hexToRgb, pixel } from './png.ts';
import { watchErrors, storedRecord, zoomToLabels } from './support.ts';

const KEY = 'archboard:design:iot-5tb-day';
const doc = (nodes: unknown[], edges: unknown[] = []) => JSON.stringify({ format: 'archboard.design', version: 2, scenarioId: 'iot-5tb-day', nodes, edges });
const PIPELINE = doc(
  [
    { id: 'devices-1', service: 'iot-devices', position: { x: 0, y: 0 } },
    { id: 'firehose-1', service: 'amazon-data-firehose', position: { x: 320, y: 0 } },
    { id: 's3-1', service: 'amazon-s3', position: { x: 640, y: 0 } },
    { id: 'athena-1', service: 'amazon-athena', position: { x: 960, y: 0 } },
  ],
  [
    { id: 'e-1', source: 'devices-1', target: 'firehose-1', settings: { label: 'telemetry' } },
    { id: 'e-2', source: 'firehose-1', target: 's3-1' },
    { id: 'e-3', source: 's3-1', target: 'athena-1' },
  ],
);

/** Stores a design for the scenario before the app starts, only when none is stored yet. */
async function seed(page: Page, text: string) {
  await page.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
    },
    [KEY, text],
  );
}
const nodes = (page: Page) => page.locator('.react-flow__node');
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Presses Tab until the focused element matches `selector` (keyboard only, as a user would). */
async function tabTo(page: Page, selector: string, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: build a three-service pipeline, connect it, open a finding', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.app-header')).toBeVisible();
  await page.locator('body').focus();

  // Add S3, then Firehose, then the devices: each from the palette with Enter (the new node is selected).
  const add = async (query: string, service: string) => {
    await tabTo(page, '.palette input[type="search"]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(query);
    await tabTo(page, `.palette-item[data-service="${service}"]`);
    await page.keyboard.press('Enter');
    await expect(page.locator(`.react-flow__node:has([data-service="${service}"])`)).toHaveCount(1);
  };
  const connectTo = async (targetLabel: string) => {
    await tabTo(page, '.connect-form select');
    // Arrow keys change a closed <select> in Chromium: step until the target is chosen.
    for (let i = 0; i < 10 && !(await page.locator('.connect-form select option:checked').textContent())?.includes(targetLabel); i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, '.connect-form button[type="submit"]');
    await page.keyboard.press('Enter');
  };
  await add('S3', 'amazon-s3');
  await add('Firehose', 'amazon-data-firehose');
  await connectTo('S3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await add('IoT devices', 'iot-devices');
  await connectTo('Firehose');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(nodes(page)).toHaveCount(3);

  // A requirement changed status: the live region says so.
  await expect(page.getByTestId('findings-announcer')).toContainText(/Requirement .* now (passes|fails)/);

  // Open the Feedback tab and a finding with the keyboard: its nodes get selected.
  await tabTo(page, '[role="tab"][aria-selected="true"]');
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== 'tab-feedback'; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#tab-feedback')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, '.finding-main:not([disabled])');
  const focusedFinding = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focusedFinding.length).toBeGreaterThan(5);
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node.selected')).not.toHaveCount(0);
  // Focus is visible where the keyboard is.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.screenshot({ path: testInfo.outputPath('keyboard-journey.png') });
  expect(problems).toEqual([]);
});

test('copy and paste a group of three nodes with their edges; duplicate; nudge; one undo each', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await seed(page, PIPELINE);
  await page.goto('/');
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Select three with click and Shift+click.
  await node(page, 'devices-1').click();
  await node(page, 'firehose-1').click({ modifiers: ['Shift'] });
  await node(page, 's3-1').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await expect(page.locator('.inspector')).toContainText('items selected');

  await page.keyboard.press('Control+c');
  // The system clipboard holds the fragment as a design document.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('"archboard.design"');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(7);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  // The copies are selected, carry the edge label, and sit offset from the originals.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await zoomToLabels(page);
  await expect(page.locator('.edge-label', { hasText: 'telemetry' })).toHaveCount(2);
  const original = (await node(page, 'devices-1').boundingBox())!;
  const copy = (await node(page, 'devices-2').boundingBox())!;
  expect(copy.x).toBeGreaterThan(original.x);
  expect(copy.y).toBeGreaterThan(original.y);
  await page.screenshot({ path: testInfo.outputPath('pasted.png') });

  // Arrow keys nudge the selection; a burst is one undo step.
  const before = (await node(page, 'devices-2').boundingBox())!;
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await node(page, 'devices-2').boundingBox())!.x - before.x)).toBeGreaterThan(10);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node(page, 'devices-2').boundingBox())!.x)).toBe(Math.round(before.x));

  // One undo removes the whole paste.
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Select all, then duplicate: everything twice, one step.
  await page.locator('.canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4);
  await page.keyboard.press('Control+d');
  await expect(nodes(page)).toHaveCount(8);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(4);
});

test('align, distribute and a text note edited in place', async ({ page }, testInfo) => {
  await seed(
    page,
    doc([
      { id: 'a', service: 'amazon-s3', position: { x: 0, y: 0 } },
      { id: 'b', service: 'aws-glue', position: { x: 300, y: 96 } },
      { id: 'c', service: 'amazon-athena', position: { x: 420, y: 40 } },
    ]),
  );
  await page.goto('/');
  await page.locator('.canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+a');
  await page.getByRole('group', { name: 'Align' }).getByRole('button', { name: 'Top' }).click();
  await expect.poll(async () => new Set(await Promise.all(['a', 'b', 'c'].map(async (id) => Math.round((await node(page, id).boundingBox())!.y)))).size).toBe(1);
  await page.getByRole('group', { name: 'Distribute' }).getByRole('button', { name: 'Horizontally' }).click();
  const xs = await Promise.all(['a', 'c', 'b'].map(async (id) => (await node(page, id).boundingBox())!));
  // Equal gaps between neighbours, left to right.
  const sorted = xs.sort((p, q) => p.x - q.x);
  expect(Math.abs(sorted[1]!.x - (sorted[0]!.x + sorted[0]!.width) - (sorted[2]!.x - (sorted[1]!.x + sorted[1]!.width)))).toBeLessThan(2);

  // A note from the palette, written on the canvas.
  await page.locator('.palette input[type="search"]').fill('note');
  await page.locator('.palette-item[data-service="text-note"]').click();
  const note = page.locator('.note-node');
  await expect(note).toHaveCount(1);
  await note.dblclick();
  await page.locator('.note-editor').fill('Why Firehose, not Glue streaming: no cluster to run.');
  await page.keyboard.press('Control+Enter');
  await expect(note).toContainText('Why Firehose, not Glue streaming');
  await page.screenshot({ path: testInfo.outputPath('note.png') });
});

test('an edge label is edited by double-clicking the connection', async ({ page }) => {
  await seed(
    page,
    doc(
      [
        { id: 'devices-1', service: 'iot-devices', position: { x: 0, y: 0 } },
        { id: 'firehose-1', service: 'amazon-data-firehose', position: { x: 360, y: 0 } },
      ],
      [{ id: 'e-1', source: 'devices-1', target: 'firehose-1', settings: { label: 'telemetry' } }],
    ),
  );
  await page.goto('/');
  const label = page.locator('.edge-label', { hasText: 'telemetry' });
  await label.dblclick();
  const input = page.locator('.edge-label-editor');
  await expect(input).toBeFocused();
  await input.fill('MQTT over TLS');
  await page.keyboard.press('Enter');
  await expect(page.locator('.edge-label', { hasText: 'MQTT over TLS' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.edge-label', { hasText: 'telemetry' })).toBeVisible();
});

test('dragging an unselected service moves it and shows it in the Inspector once dropped', async ({ page }) => {
  await seed(page, PIPELINE);
  await page.goto('/');
  const firehose = page.locator('.react-flow__node[data-id="firehose-1"]');
  await expect(firehose).toBeVisible();
  const inspectorTab = page.getByRole('tab', { name: 'Inspector' });
  await expect(inspectorTab).toHaveAttribute('aria-selected', 'false');
  const before = (await firehose.boundingBox())!;
  await page.mouse.move(before.x + 20, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y + before.height / 2 + 40, { steps: 8 });
  // Mid-drag the node is selected and follows the pointer; the right pane waits for the drop.
  await expect(firehose).toHaveClass(/selected/);
  await expect.poll(async () => (await firehose.boundingBox())!.x).toBeGreaterThan(before.x + 40);
  await expect(inspectorTab).toHaveAttribute('aria-selected', 'false');
  await page.mouse.up();
  await expect(inspectorTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.inspector').getByText('Amazon Data Firehose').first()).toBeVisible();
  // The move is one undo step.
  const moved = (await firehose.boundingBox())!;
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await firehose.boundingBox())!.x)).toBe(Math.round(before.x));
  expect(moved.x).toBeGreaterThan(before.x + 40);
});

test('share link round trip: read-only view, own design kept, make a copy', async ({ page, browser, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await seed(page, PIPELINE);
  await page.goto('/');
  await expect(nodes(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('on your clipboard');
  const url = await dialog.locator('#share-url').inputValue();
  expect(url).toMatch(/#d=[A-Za-z0-9+\-$]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.screenshot({ path: testInfo.outputPath('share-dialog.png') });

  // Someone else, with a design of their own, opens the link.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  const problems = watchErrors(theirs);
  await seed(theirs, doc([{ id: 'mine', service: 'amazon-redshift', position: { x: 0, y: 0 } }]));
  await theirs.goto(url);
  await expect(theirs.getByRole('region', { name: 'Shared design' })).toContainText('Shared design — read-only');
  await expect(nodes(theirs)).toHaveCount(4);
  // Editing is refused, and their own saved design is untouched.
  await node(theirs, 's3-1').click();
  await theirs.keyboard.press('Delete');
  await expect(nodes(theirs)).toHaveCount(4);
  await expect(theirs.locator('.toast')).toContainText('read-only');
  expect(await storedRecord(theirs, KEY)).toContain('"mine"');
  await theirs.screenshot({ path: testInfo.outputPath('shared-read-only.png') });

  // Their design has a service: they are asked first.
  await theirs.getByRole('region', { name: 'Shared design' }).getByRole('button', { name: 'Make a copy' }).click();
  const ask = theirs.getByRole('dialog', { name: 'Replace your design with the shared one?' });
  await expect(ask).toContainText('Your current design (1 service)');
  await ask.getByRole('button', { name: 'Make a copy' }).click();
  await expect(theirs.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
  await expect(nodes(theirs)).toHaveCount(4);
  expect(await theirs.evaluate(() => location.hash)).toBe('');
  await node(theirs, 's3-1').click();
  await theirs.keyboard.press('Delete');
  await expect(nodes(theirs)).toHaveCount(3);
  // Undo back past the copy: their own design returns.
  await theirs.keyboard.press('Control+z');
  await theirs.keyboard.press('Control+z');
  await expect(nodes(theirs)).toHaveCount(1);
  await expect(node(theirs, 'mine')).toBeVisible();

  // A damaged link is refused with a clear message; nothing changes.
  await theirs.goto(url.replace(/#d=.{12}/, '#d=AAAAAAAAAAAA'));
  await expect(theirs.getByRole('dialog', { name: 'Could not open the shared link' })).toBeVisible();
  await expect(theirs.getByRole('dialog')).toContainText('#d');
  expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  await other.close();
});

test('draw.io import of a compressed AWS diagram lists what was not mapped', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(PROJECT_ROOT, 'tests', 'fixtures', 'drawio', 'iot-pipeline-compressed.drawio'));
  const dialog = page.getByRole('dialog', { name: 'Imported iot-pipeline-compressed.drawio' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Not imported' }).locator('li')).toHaveCount(4);
  await expect(dialog).toContainText('group_security_group');
  await expect(dialog).toContainText('backup');
  await page.screenshot({ path: testInfo.outputPath('drawio-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node:has([data-service="amazon-kinesis-data-streams"])')).toContainText('Telemetry stream & replay');
  await expect(nodes(page)).toHaveCount(8);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(page.locator('.note-node')).toContainText('Why Kinesis: 7-day replay');
  await page.screenshot({ path: testInfo.outputPath('drawio-imported.png') });
});

test('PNG and SVG export a 200-node design far larger than the viewport, whole, as an editable SVG under 300 KB', async ({ page }, testInfo) => {
  const many = Array.from({ length: 200 }, (_, i) => ({ id: `s3-${i + 1}`, service: 'amazon-s3', position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 } }));
  await seed(page, doc(many));
  await page.goto('/');
  await expect(nodes(page)).toHaveCount(200);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  const pngPath = testInfo.outputPath('big.png');
  await pngDownload.saveAs(pngPath);
  const img = decodePng(readFileSync(pngPath));
  const width = await node(page, 's3-1').evaluate((el) => (el as HTMLElement).offsetWidth);
  const height = await node(page, 's3-1').evaluate((el) => (el as HTMLElement).offsetHeight);
  // The whole picture, at the export's pixel ratio: 2x, stepped down to 1x for a picture this large (12 million pixels at most).
  const W = Math.ceil(19 * 300 + width + 64);
  const H = Math.ceil(9 * 160 + height + 64);
  const r = rasterRatio(W, H, 2);
  expect(r).toBeLessThan(2);
  expect(img.width * img.height).toBeLessThanOrEqual(MAX_RASTER_PIXELS);
  expect(img.width).toBe(Math.floor(W * r));
  expect(img.height).toBe(Math.floor(H * r));
  // The last node (bottom right) is drawn: its box holds text and icon pixels, not just background.
  const bg = hexToRgb('#fafbfc');
  let inked = 0;
  for (let y = Math.round((32 + 9 * 160) * r); y < (32 + 9 * 160 + height) * r; y += 2) for (let x = Math.round((32 + 19 * 300) * r); x < (32 + 19 * 300 + width) * r; x += 2) if (colourDistance(pixel(img, x, y), bg) > 60) inked++;
  expect(inked).toBeGreaterThan(100);
  expect(colourDistance(pixel(img, 4, 4), bg)).toBeLessThan(8);

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('iot-5tb-day-design.svg');
  const svgPath = testInfo.outputPath('big.svg');
  await svgDownload.saveAs(svgPath);
  const svg = readFileSync(svgPath, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`width="${Math.ceil(19 * 300 + width + 64)}"`);
  // Drawn from the design: one group per node, icons as reused symbols, no HTML snapshot.
  expect(svg.match(/data-node-id="s3-\d+"/g)?.length).toBe(200);
  expect(svg.match(/<symbol /g)?.length).toBe(1);
  expect(svg.match(/<use /g)?.length).toBe(200);
  expect(svg).not.toContain('foreignObject');
  expect(Buffer.byteLength(svg)).toBeLessThan(300 * 1024);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme}, reference design, Inspector open)`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    await page.getByRole('button', { name: /Reference/ }).click();
    await expect(nodes(page)).not.toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const scan = async (name: string) => {
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      await page.screenshot({ path: testInfo.outputPath(`axe-${theme}-${name}.png`) });
      expect(
        bad.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        ),
      ).toEqual([]);
    };
    await scan('feedback');
    await nodes(page).first().click();
    await expect(page.locator('#tab-inspector')).toHaveAttribute('aria-selected', 'true');
    await scan('inspector');
  });
}
