/**
 * A new user's journey on the built app (with its Content-Security-Policy): build a small pipeline by
 * drag and drop, connect it, fix a failing requirement in the inspector, export JSON and PNG, reload,
 * import the reference design and see every requirement pass.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentFromDisk, PROJECT_ROOT } from '../../src/cli/content.ts';
import { loadDesign } from '../../src/domain/design.ts';
import { colourDistance, decodePng, hexToRgb, pixel, PNG_SIGNATURE } from './png.ts';
import { dragMouse, portOf, viewSettled, watchErrors } from './support.ts';

const SCENARIO_DIR = join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day');
const scenario = JSON.parse(readFileSync(join(SCENARIO_DIR, 'scenario.json'), 'utf8')) as { requirements: { id: string; rule: string }[] };
const INGESTION = scenario.requirements.find((r) => r.rule === 'stage-capacity')!.id;

const node = (page: Page, service: string) => page.locator(`.react-flow__node:has([data-service="${service}"])`);

async function dropService(page: Page, service: string, x: number, y: number) {
  const item = page.locator(`.palette-item[data-service="${service}"]`);
  await item.scrollIntoViewIfNeeded();
  await item.dragTo(page.locator('.canvas .react-flow__pane'), { targetPosition: { x, y } });
  await expect(node(page, service)).toHaveCount(1);
}

async function connect(page: Page, from: Locator, to: Locator) {
  const b = (await to.locator('.react-flow__handle.target').boundingBox())!;
  const a = await portOf(from, '.react-flow__handle.source');
  await dragMouse(page, a, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, 8);
}

test('a new user builds, fixes, exports, reloads and compares with the reference', async ({ page }, testInfo) => {
  const problems = watchErrors(page);

  await page.goto('/');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
  await expect(page.locator('.app-header')).toContainText('IoT telemetry at 5 TB/day');
  await expect(page.getByRole('tab', { name: 'Scenario' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.scenario-title')).toHaveText('IoT telemetry at 5 TB/day');

  // Four services by drag and drop.
  await dropService(page, 'iot-devices', 130, 160);
  await dropService(page, 'amazon-kinesis-data-streams', 400, 160);
  await dropService(page, 'amazon-managed-service-for-apache-flink', 400, 360);
  await dropService(page, 'amazon-dynamodb', 670, 360);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // Connect them handle to handle.
  const devices = node(page, 'iot-devices');
  const kinesis = node(page, 'amazon-kinesis-data-streams');
  const flink = node(page, 'amazon-managed-service-for-apache-flink');
  const dynamo = node(page, 'amazon-dynamodb');
  await connect(page, devices, kinesis);
  await connect(page, kinesis, flink);
  await connect(page, flink, dynamo);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // A connection the catalog refuses is not added, and the reason shows when the mouse is released.
  await connect(page, dynamo, devices);
  await expect(page.locator('.toast').filter({ hasText: 'Connection refused' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Dragging a node is one undo step.
  const before = (await kinesis.boundingBox())!;
  await page.mouse.move(before.x + 100, before.y + before.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 100 + i * 4, before.y + before.height / 2 + i * 3);
  await page.mouse.up();
  await expect.poll(async () => (await kinesis.boundingBox())!.y).toBeGreaterThan(before.y + 16);
  await page.locator('.canvas .react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await kinesis.boundingBox())!.y)).toBe(Math.round(before.y));

  // Delete removes the selection with its edges; undo and redo work from the keyboard.
  await dynamo.click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await page.keyboard.press('Control+y');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // The sizing requirement fails with 2 provisioned shards and a Flink application of parallelism 1 ...
  await page.getByRole('tab', { name: 'Feedback' }).click();
  const ingestion = page.locator(`.result[data-requirement="${INGESTION}"]`);
  await expect(ingestion).toHaveAttribute('data-status', 'fail');
  await expect(ingestion.locator('.finding-main').first()).toContainText('1 MB/s per shard');
  await expect(ingestion).toContainText('5 MB/s per KPU');
  // ... clicking its finding selects the stream and opens the Inspector on the setting it names.
  await ingestion.locator('.finding-main').first().click();
  // (The view glides to the named node: a click lands where a node is once it stands still.)
  await viewSettled(page);
  await expect(kinesis.locator('.svc-node')).toHaveClass(/is-selected/);
  await expect(kinesis.locator('.svc-status-error')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.setting-slot.is-highlighted')).toBeVisible();

  // ... and passes with 180 shards (173.6 MB/s at 3x peak) and Flink sized in the inspector:
  // parallelism 40 (200 MB/s, an estimate) and one output record per 60 so DynamoDB takes the writes.
  await kinesis.click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const shards = page.getByRole('spinbutton', { name: /Shards/ });
  await expect(shards).toHaveValue('2');
  await shards.fill('180');
  await flink.click();
  await expect(flink.locator('.svc-node')).toHaveClass(/is-selected/);
  await expect(page.locator('.inspector-title')).toHaveText('Amazon Managed Service for Apache Flink');
  await page.getByRole('spinbutton', { name: /^Parallelism \(tasks\)/ }).fill('40');
  await page.getByRole('spinbutton', { name: /Aggregation factor/ }).fill('60');
  await page.getByRole('tab', { name: 'Scenario' }).click();
  await expect(page.locator(`.check-item[data-requirement="${INGESTION}"]`)).toHaveAttribute('data-status', 'pass');
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(ingestion).toHaveAttribute('data-status', 'pass');

  // Auto-layout (elkjs in a worker) moves the nodes in one undoable step.
  const flinkBefore = (await flink.boundingBox())!;
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect.poll(async () => JSON.stringify(await flink.boundingBox()), { timeout: 15_000 }).not.toBe(JSON.stringify(flinkBefore));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Fit view' }).click();

  // Export JSON: a valid design document.
  const { content } = loadContentFromDisk();
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  expect(jsonDownload.suggestedFilename()).toBe('iot-5tb-day-design.json');
  const jsonPath = testInfo.outputPath('design.json');
  await jsonDownload.saveAs(jsonPath);
  const loaded = loadDesign(JSON.parse(readFileSync(jsonPath, 'utf8')), content.catalog);
  expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
  if (!loaded.ok) return;
  expect(loaded.design.nodes.map((n) => n.service).sort()).toEqual(['amazon-dynamodb', 'amazon-kinesis-data-streams', 'amazon-managed-service-for-apache-flink', 'iot-devices']);
  expect(loaded.design.edges).toHaveLength(3);
  expect(loaded.design.nodes.find((n) => n.service === 'amazon-kinesis-data-streams')!.settings?.shardCount).toBe(180);

  // Export PNG: a real PNG, cropped to the diagram, with the edge between devices and stream drawn.
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('iot-5tb-day-design.png');
  const pngPath = testInfo.outputPath('design.png');
  await pngDownload.saveAs(pngPath);
  const png = readFileSync(pngPath);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const img = decodePng(png);
  const sizes = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => [el.dataset.id!, { w: el.offsetWidth, h: el.offsetHeight }])));
  const boxes = loaded.design.nodes.map((n) => ({ ...n, w: sizes[n.id]!.w, h: sizes[n.id]!.h }));
  const minX = Math.min(...boxes.map((b) => b.position.x));
  const minY = Math.min(...boxes.map((b) => b.position.y));
  const maxX = Math.max(...boxes.map((b) => b.position.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.position.y + b.h));
  const PAD = 32;
  const RATIO = 2;
  // The whole diagram plus padding; volume labels lifted above short hops may add a little room.
  expect(img.width).toBeGreaterThanOrEqual(Math.ceil(maxX - minX + 2 * PAD) * RATIO);
  expect(img.width).toBeLessThan(Math.ceil(maxX - minX + 2 * PAD + 120) * RATIO);
  expect(img.height).toBeGreaterThanOrEqual(Math.ceil(maxY - minY + 2 * PAD) * RATIO);
  expect(img.height).toBeLessThan(Math.ceil(maxY - minY + 2 * PAD + 120) * RATIO);
  const bg = pixel(img, 4, 4);
  expect(colourDistance(bg, hexToRgb('#fafbfc'))).toBeLessThan(8);
  // Scan the column halfway between the devices' right side and the stream's left side.
  const d = boxes.find((b) => b.service === 'iot-devices')!;
  const k = boxes.find((b) => b.service === 'amazon-kinesis-data-streams')!;
  const colX = ((d.position.x + d.w + k.position.x) / 2 - minX + PAD) * RATIO;
  const edgeColours = ['#7a8594', '#d6293e', '#d97706'].map(hexToRgb);
  let edgePixels = 0;
  for (let y = 0; y < img.height; y++) if (edgeColours.some((c) => colourDistance(pixel(img, colX, y), c) < 40)) edgePixels++;
  expect(edgePixels, 'edge pixels between devices and stream').toBeGreaterThanOrEqual(2);

  // Reload: the design is still there.
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(page.locator(`.result[data-requirement="${INGESTION}"]`)).toHaveAttribute('data-status', 'pass');

  // Import the reference design: every requirement passes.
  await page.getByTestId('import-input').setInputFiles(join(SCENARIO_DIR, 'reference.design.json'));
  await expect(page.locator('.toast').filter({ hasText: 'Imported reference.design.json' })).toBeVisible();
  await page.getByRole('tab', { name: 'Feedback' }).click();
  const results = page.locator('.result[data-requirement]');
  await expect(results).toHaveCount(scenario.requirements.length);
  for (const r of scenario.requirements) await expect(page.locator(`.result[data-requirement="${r.id}"]`)).toHaveAttribute('data-status', 'pass');
  await expect(page.locator('.header-score')).toContainText(`${scenario.requirements.length}/${scenario.requirements.length}`);

  // The screenshot for the README: reference loaded, a node selected.
  await page.locator('.toast-close').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Fit view' }).click();
  await viewSettled(page);
  await node(page, 'amazon-kinesis-data-streams').first().click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('screenshot.png') }); // docs/screenshot.png comes from npm run docs:screenshots

  expect(problems, 'console errors (CSP violations included)').toEqual([]);
});

test('an import with problems lists them and leaves the design untouched', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: /Reference/ }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const count = await page.locator('.react-flow__node').count();
  const bad = testInfo.outputPath('bad.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bad, JSON.stringify({ format: 'archboard.design', version: 1, nodes: [{ id: 'x', service: 'amazon-teleporter', position: { x: 0, y: 0 } }], edges: [{ id: 'e', source: 'x', target: 'y' }] }));
  await page.getByTestId('import-input').setInputFiles(bad);
  const dialog = page.getByRole('dialog', { name: /Could not import bad.json/ });
  await expect(dialog).toContainText('$.nodes[0].service');
  await expect(dialog).toContainText('$.edges[0].target');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(count);
});

test('the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /Reference/ }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await viewSettled(page);
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await page.screenshot({ path: test.info().outputPath('dark.png') });
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
