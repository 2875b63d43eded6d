/**
 * Issue 10 on the built app: AWS icons on the palette, nodes and group boxes; an auto-layout of the IoT
 * reference that fits 1440 x 900 at zoom >= 0.6 with no edge through a node box (one undo step);
 * search that ranks (athena / s3 / ddb + Enter); a connection dropped on a node's body connects, a
 * self-loop and a reversed connection are explained; a finding opens the Inspector on its setting; Tab
 * reaches the toolbar within 10 presses; side panes collapse and resize and remember it; a VPC dropped
 * on a Region goes inside it; keyboard-added services do not overlap; the initial JS stays under
 * 300 KB gzipped; axe finds no serious or critical violation in light and dark; the minimap draws every
 * service, shows a drag once dropped and moves the view where it is pressed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { dragMouse, portOf, storedRecords, viewSettled, watchErrors } from './support.ts';

const REFERENCE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios/iot-5tb-day/reference.design.json'), 'utf8')) as { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };
const MISTAKE = join(PROJECT_ROOT, 'scenarios/iot-5tb-day/common-mistake.design.json');

const byService = (page: Page, service: string) => page.locator(`.react-flow__node:has([data-service="${service}"])`);
const zoomOf = (page: Page) => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1] ?? 'NaN'));
/** The nodes of the stored design (IndexedDB, see storedRecords). */
const savedNodes = async (page: Page) => {
  const records = await storedRecords(page);
  const key = Object.keys(records).find((k) => k.startsWith('archboard:design:'));
  return key ? (JSON.parse(records[key]!) as { nodes: { id: string; service: string; parentId?: string }[] }).nodes : [];
};

/** Starts on an empty canvas of the IoT scenario. */
async function fresh(page: Page) {
  await page.goto('/');
  await expect(page.locator('.app-header')).toBeVisible();
}

const settled = viewSettled;

/** Types a query in the palette search and presses Enter (the top hit is added); waits for the view to settle. */
async function searchAndAdd(page: Page, query: string) {
  const input = page.getByRole('searchbox', { name: 'Search services' });
  await input.fill(query);
  await input.press('Enter');
  await settled(page);
}

test('AWS icons on the palette, on nodes and on group boxes; README screenshot material looks right', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await fresh(page);
  // Palette: every visible item draws its AWS icon (an SVG image, decoded), including the general icons.
  for (const service of ['amazon-s3', 'amazon-athena', 'iot-devices', 'analysts']) {
    const icon = page.locator(`.palette-item[data-service="${service}"] img.svc-icon`);
    await expect(icon).toHaveAttribute('src', /^data:image\/svg\+xml;charset=utf-8,/);
    await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE.nodes.length);
  await expect(byService(page, 'amazon-kinesis-data-streams').locator('.svc-icon')).toHaveAttribute('data-icon', 'architecture-service/AmazonKinesisDataStreams');
  // Every service node shows an icon image, none the text-glyph fallback.
  await expect(page.locator('.react-flow__node .svc-icon-fallback')).toHaveCount(0);
  // A Region group box carries AWS's Region icon in its corner.
  await page.getByRole('searchbox', { name: 'Search services' }).fill('region');
  await page.locator('.palette-item[data-service="aws-region"]').dragTo(page.locator('.canvas .react-flow__pane'), { targetPosition: { x: 120, y: 120 } });
  await expect(byService(page, 'aws-region').locator('.group-caption .svc-icon')).toHaveAttribute('data-icon', 'architecture-group/Region');
  await page.screenshot({ path: testInfo.outputPath('icons.png') });
  expect(problems).toEqual([]);
});

test('Auto-layout: the IoT reference fits 1440 x 900 at zoom >= 0.6, no edge crosses a node box, one undo step', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems = watchErrors(page);
  await fresh(page);
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(REFERENCE.nodes.length);
  const before = await page.locator('.react-flow__node[data-id="kds"]').evaluate((el) => (el as HTMLElement).style.transform);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(() => page.locator('.react-flow__node[data-id="kds"]').evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(before);
  // The view settles (fitView animates for 300 ms).
  await settled(page);
  const zoom = await zoomOf(page);
  await page.screenshot({ path: testInfo.outputPath('layout-1440x900.png') });
  expect(zoom).toBeGreaterThanOrEqual(0.6);

  // Every node lies inside the canvas.
  const canvas = (await page.locator('.canvas .react-flow').boundingBox())!;
  for (const n of REFERENCE.nodes) {
    const b = (await page.locator(`.react-flow__node[data-id="${n.id}"]`).boundingBox())!;
    expect(b.x, n.id).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(b.y, n.id).toBeGreaterThanOrEqual(canvas.y - 1);
    expect(b.x + b.width, n.id).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    expect(b.y + b.height, n.id).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
  }

  // No edge passes through a node box other than its own two ends (points sampled along each path).
  const crossings = await page.evaluate((edges) => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node:not(.react-flow__node-group-box)')].map((el) => ({ id: el.dataset.id!, r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (const e of edges) {
      const path = document.querySelector<SVGPathElement>(`[data-testid="rf__edge-${e.id}"] path.react-flow__edge-path`);
      if (!path) {
        out.push(`${e.id}: not drawn`);
        continue;
      }
      const m = path.getScreenCTM()!;
      const len = path.getTotalLength();
      for (let i = 0; i <= 200; i++) {
        const p = new DOMPoint(path.getPointAtLength((len * i) / 200).x, path.getPointAtLength((len * i) / 200).y).matrixTransform(m);
        for (const b of boxes) {
          if (b.id === e.source || b.id === e.target) continue;
          if (p.x > b.r.left + 1 && p.x < b.r.right - 1 && p.y > b.r.top + 1 && p.y < b.r.bottom - 1) out.push(`${e.id} crosses ${b.id}`);
        }
      }
    }
    return [...new Set(out)];
  }, REFERENCE.edges);
  expect(crossings).toEqual([]);

  // One undo puts every node back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('.react-flow__node[data-id="kds"]').evaluate((el) => (el as HTMLElement).style.transform)).toBe(before);
  expect(problems).toEqual([]);
});

test('search ranks: athena, s3 and ddb + Enter add Amazon Athena, Amazon S3 and Amazon DynamoDB; / and Ctrl+K focus it', async ({ page }) => {
  await fresh(page);
  const search = page.getByRole('searchbox', { name: 'Search services' });
  await page.locator('body').press('/');
  await expect(search).toBeFocused();
  await page.locator('.canvas .react-flow__pane').click();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  for (const [query, service] of [
    ['athena', 'amazon-athena'],
    ['s3', 'amazon-s3'],
    ['ddb', 'amazon-dynamodb'],
  ] as const) {
    await searchAndAdd(page, query);
    await expect(byService(page, service)).toHaveCount(1);
    // The first listed item is the one Enter added.
    await expect(page.locator('.palette-item').first()).toHaveAttribute('data-service', service);
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  // Added from the keyboard: in free space, no two boxes overlap.
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  // The palette is one tab stop: Tab from the search lands on one item, and Tab again leaves the palette.
  await search.fill('');
  await search.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.palette-item').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.palette-item').nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.palette-list'))).toBe(false);
});

test('connecting: a drop on a node body connects; self-loops and reversed connections are explained', async ({ page }) => {
  const problems = watchErrors(page);
  await fresh(page);
  await searchAndAdd(page, 'kds');
  await searchAndAdd(page, 'firehose');
  const kds = byService(page, 'amazon-kinesis-data-streams');
  const firehose = byService(page, 'amazon-data-firehose');
  const body = (await firehose.boundingBox())!;
  // Ports show on the node pointed at; dropped in the middle of Firehose's body, far from its port.
  // (kds is not selected: Firehose, added last, is. Pointing away from it, its ports are hidden.)
  const pane = (await page.locator('.canvas .react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 8, pane.y + pane.height - 8);
  await expect(kds.locator('.react-flow__handle-right')).toBeHidden();
  const handle = await portOf(kds, '.react-flow__handle-right');
  await dragMouse(page, handle, { x: body.x + body.width * 0.6, y: body.y + body.height / 2 }, 12);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge').first()).toHaveAttribute('aria-label', /Connection Kinesis Data Streams to Firehose/);

  // Onto its own body: refused, with the reason.
  const own = (await kds.boundingBox())!;
  await dragMouse(page, await portOf(kds, '.react-flow__handle-right'), { x: own.x + own.width / 2, y: own.y + own.height / 2 }, 12);
  await expect(page.locator('.toast').filter({ hasText: 'cannot connect to itself' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // S3 → Lake Formation is refused; the toast offers Lake Formation → S3, which connects.
  await searchAndAdd(page, 's3');
  await searchAndAdd(page, 'lake formation');
  const lf = (await byService(page, 'aws-lake-formation').boundingBox())!;
  await dragMouse(page, await portOf(byService(page, 'amazon-s3'), '.react-flow__handle-right'), { x: lf.x + lf.width / 2, y: lf.y + lf.height / 2 }, 12);
  const refusal = page.locator('.toast').filter({ hasText: 'Connection refused' });
  await expect(refusal).toContainText('Connect AWS Lake Formation → Amazon S3 instead');
  await refusal.getByRole('button', { name: 'Connect Lake Formation → S3' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // "Send to" offers only targets the catalog allows: Firehose delivers to S3, not to Kinesis or Lake Formation.
  await firehose.click();
  await expect(page.locator('.connect-form select')).toBeVisible();
  expect(await page.locator('.connect-form select option').allTextContents()).toEqual(['Choose a service…', 'S3']);
  expect(problems).toEqual([]);
});

test('a finding opens the Inspector on the setting it names, highlighted; toasts stay off the Inspector', async ({ page }, testInfo) => {
  await fresh(page);
  await page.getByTestId('import-input').setInputFiles(MISTAKE);
  await page.getByRole('tab', { name: /Feedback/ }).click();
  const finding = page.locator('.finding-main').filter({ hasText: 'stores data unencrypted at rest' });
  await finding.click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const slot = page.locator('.setting-slot.is-highlighted');
  await expect(slot).toHaveAttribute('data-setting', 'encryption');
  await expect(slot).toBeInViewport();
  await expect(slot.locator('select')).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('finding-inspector.png') });
  // The toast of the import sits over the canvas, not over the right pane.
  const pane = (await page.locator('.right-pane').boundingBox())!;
  for (const t of await page.locator('.toast').all()) {
    const b = (await t.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x);
  }
  // A new selection starts the Inspector at its top.
  await page.getByRole('tab', { name: /Feedback/ }).click();
  await page.locator('.react-flow__node').first().click();
  await expect(page.locator('.inspector-title')).toBeInViewport();
});

test('Tab from the page start reaches the toolbar within 10 presses', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Reference' }).click();
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.locator('body').focus();
  let presses = 0;
  for (; presses < 40; ) {
    await page.keyboard.press('Tab');
    presses++;
    if (await page.evaluate(() => !!document.activeElement?.closest('[role="toolbar"]'))) break;
  }
  console.log(`Tab presses to the toolbar: ${presses}`);
  expect(presses).toBeLessThanOrEqual(10);
});

test('side panes collapse and resize, and remember it after a reload', async ({ page }) => {
  await fresh(page);
  const canvasWidth = async () => (await page.locator('.canvas').boundingBox())!.width;
  const wide = await canvasWidth();
  await page.getByRole('button', { name: /Hide services/ }).click();
  await page.keyboard.press(']');
  await expect.poll(canvasWidth).toBeGreaterThan(wide + 500);
  await page.reload();
  await expect.poll(canvasWidth).toBeGreaterThan(wide + 500);
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: /Show services/ })
    .click();
  // The collapsed pane's rail has its own button to open it.
  await page
    .locator('.right-pane')
    .getByRole('button', { name: /Show panels/ })
    .click();
  // Resize the palette with the keyboard on its edge, and by dragging it.
  const palette = page.locator('.palette');
  const w0 = (await palette.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize services' }).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await palette.boundingBox())!.width).toBeGreaterThan(w0 + 40);
  const edge = (await page.getByRole('separator', { name: 'Resize panels' }).boundingBox())!;
  const r0 = (await page.locator('.right-pane').boundingBox())!.width;
  await dragMouse(page, { x: edge.x + edge.width / 2, y: edge.y + 200 }, { x: edge.x + edge.width / 2 - 100, y: edge.y + 200 });
  await expect.poll(async () => (await page.locator('.right-pane').boundingBox())!.width).toBeGreaterThan(r0 + 80);
  const w1 = (await palette.boundingBox())!.width;
  await page.reload();
  await expect.poll(async () => Math.round((await palette.boundingBox())!.width)).toBe(Math.round(w1));
});

test('a VPC dropped from the palette onto a Region is inside it, with room to spare', async ({ page }) => {
  await fresh(page);
  const pane = page.locator('.canvas .react-flow__pane');
  const search = page.getByRole('searchbox', { name: 'Search services' });
  await search.fill('region');
  await page.locator('.palette-item[data-service="aws-region"]').dragTo(pane, { targetPosition: { x: 360, y: 300 } });
  await expect(byService(page, 'aws-region')).toHaveCount(1);
  await search.fill('vpc');
  await page.locator('.palette-item[data-service="amazon-vpc"]').dragTo(pane, { targetPosition: { x: 360, y: 300 } });
  await expect(byService(page, 'amazon-vpc')).toHaveCount(1);
  await expect.poll(async () => (await savedNodes(page)).find((n) => n.service === 'amazon-vpc')?.parentId ?? null).toMatch(/^region/);
  const region = (await page.locator('.react-flow__node-group-box:has([data-service="aws-region"])').boundingBox())!;
  const vpc = (await page.locator('.react-flow__node-group-box:has([data-service="amazon-vpc"])').boundingBox())!;
  expect(vpc.x).toBeGreaterThan(region.x);
  expect(vpc.y).toBeGreaterThan(region.y);
  expect(vpc.x + vpc.width).toBeLessThan(region.x + region.width);
  expect(vpc.y + vpc.height).toBeLessThan(region.y + region.height);
});

test('the initial JavaScript stays under 300 KB gzipped', async ({ page, request }) => {
  await page.goto('/');
  const html = await (await request.get('/')).text();
  const urls = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  expect(urls.length).toBeGreaterThan(0);
  let total = 0;
  for (const url of urls) total += gzipSync(await (await request.get(url)).body(), { level: 9 }).length;
  console.log(`Initial JS: ${(total / 1024).toFixed(1)} KB gzipped in ${urls.length} file(s)`);
  expect(total).toBeLessThan(300 * 1024);
});

for (const theme of ['light', 'dark'] as const)
  test(`axe: no serious or critical violation with icons, layout and collapsed panes (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await fresh(page);
    await page.getByRole('button', { name: 'Reference' }).click();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('searchbox', { name: 'Search services' }).fill('s3');
    await expect(page.locator('.react-flow__node img.svc-icon').first()).toBeVisible();
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.canvas .react-flow__pane').click();
    await page.keyboard.press('[');
    await page.keyboard.press(']');
    expect(await serious()).toEqual([]);
  });

test('the minimap draws every service, shows a drag once dropped, and moves the view where it is pressed', async ({ page }) => {
  await fresh(page);
  await searchAndAdd(page, 'kinesis data streams');
  await searchAndAdd(page, 's3');
  const minimap = page.getByRole('img', { name: 'Minimap' });
  const boxes = () => minimap.locator('path:not(.ab-minimap-mask)').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '').join(''));
  await expect.poll(async () => (await boxes()).match(/M/g)?.length ?? 0).toBe(2);

  // A dragged node moves in the minimap when it is dropped.
  const drawn = await boxes();
  const node = page.locator('.react-flow__node').first();
  const b = (await node.boundingBox())!;
  await dragMouse(page, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, { x: b.x + b.width / 2 + 60, y: b.y + b.height / 2 + 90 }, 6);
  await expect.poll(boxes).not.toBe(drawn);

  const viewport = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const before = await viewport();
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + 6, box.y + 6);
  await expect.poll(viewport).not.toBe(before);
});
