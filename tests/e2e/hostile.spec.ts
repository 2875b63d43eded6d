/**
 * Hostile content on the built app (with its Content-Security-Policy): the policy itself, and a design
 * whose labels hold HTML, script, `javascript:` URLs, right-to-left and zero-width characters, imported
 * and worked with (canvas, inspector, feedback, simulation, auto-layout, JSON, PNG and SVG export, and
 * re-import). Fails on any dialog (alert, confirm, prompt), any CSP violation and any console error.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { decodePng, PNG_SIGNATURE } from './png.ts';
import { viewSettled, zoomToLabels } from './support.ts';

const LABELS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'javascript:alert(3)', '\u202Egnp.exe\u202C and \u200Bzero\u200Dwidth', `<svg onload=alert(4)>${'w'.repeat(170)}`];
const EDGE_LABEL = '<img src=y onerror=alert(5)>';

function hostileDesign() {
  const design = JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day', 'common-mistake.design.json'), 'utf8')) as { nodes: { id: string; label?: string }[]; edges: { settings?: Record<string, unknown> }[] };
  design.nodes.forEach((n, i) => (n.label = LABELS[i % LABELS.length]));
  design.edges[0]!.settings = { ...design.edges[0]!.settings, label: EDGE_LABEL };
  return design;
}

/** Collects dialogs, CSP violations and console errors from the first script on. */
async function watch(page: Page) {
  const trouble: string[] = [];
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return trouble;
}

async function injected(page: Page) {
  return page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[src="y"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('onload')).length,
  }));
}
const NONE = { images: 0, scripts: 0, handlers: 0, svgs: 0 };

test('the built page ships a Content-Security-Policy that allows only what the app needs', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta, 'CSP meta tag in the built index.html').not.toBeNull();
  const csp = meta![1]!.replace(/&#39;/g, "'");
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('form-action')).toEqual(["'self'"]);
  // Only the app itself and the configured sync server (playwright.config.ts builds with its port).
  expect(directives.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${process.env.ARCHBOARD_E2E_SYNC_PORT}`]);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/https?:|\*/); // no other origin, no wildcard
  // frame-ancestors is ignored in a <meta> policy (CSP 3): it needs a response header, so it is not set here.
  expect(directives.has('frame-ancestors')).toBe(false);
  // Every script is a file from 'self': nothing inline that the policy would have to allow.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
});

test('hostile labels render as text everywhere, survive the JSON round trip, and nothing executes', async ({ page }, testInfo) => {
  const trouble = await watch(page);
  await page.goto('/');
  const design = hostileDesign();
  await page.getByTestId('import-input').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await expect(page.locator('.react-flow__node')).toHaveCount(design.nodes.length);

  // Canvas: every label as text, in design order.
  const shown = await page.locator('.svc-label').allTextContents();
  expect(shown).toEqual(design.nodes.map((n) => n.label));
  await zoomToLabels(page);
  await expect(page.locator('.edge-label-name').first()).toHaveText(EDGE_LABEL);
  // Back to the whole design (Zoom to fit).
  await page.keyboard.press('Shift+Digit1');
  await viewSettled(page);

  // Inspector: the label field holds the text.
  await page.locator(`.react-flow__node[data-id="${design.nodes[0]!.id}"]`).click();
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue(LABELS[0]!);

  // Feedback quotes labels in its findings (the common mistake fails several requirements).
  await page.getByRole('tab', { name: /Feedback/ }).click();
  // The Feedback panel loads on demand: wait until a finding quoting one of the labels is shown.
  const quoting = LABELS.map((l) => page.locator('.finding-message', { hasText: l }));
  await expect(quoting.reduce((a, b) => a.or(b)).first()).toBeVisible();

  // Simulation tab (lazy charts) and auto-layout (elkjs in a worker) run under the policy.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.locator('.tab-panel')).toContainText(/MB\/s/);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('button', { name: 'Auto-layout' })).toBeEnabled();

  // JSON export: the labels come back exactly, and re-import shows them again.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const jsonPath = testInfo.outputPath('hostile-export.json');
  await json.saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as typeof design;
  expect(exported.nodes.map((n) => n.label)).toEqual(design.nodes.map((n) => n.label));
  expect(exported.edges[0]!.settings?.label).toBe(EDGE_LABEL);
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: 'Start new design' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByTestId('import-input').setInputFiles(jsonPath);
  await expect(page.locator('.svc-label')).toHaveText(design.nodes.map((n) => n.label!));

  // PNG export: an image of the diagram, and still no script ran.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
  const pngPath = testInfo.outputPath('hostile-export.png');
  await png.saveAs(pngPath);
  const bytes = readFileSync(pngPath);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const image = decodePng(bytes);
  expect(image.width).toBeGreaterThan(400);

  // SVG export: labels are escaped text, and opening the file runs nothing. A renamed button fails here, never skips.
  const svgButton = page.getByRole('button', { name: 'SVG', exact: true });
  await expect(svgButton).toBeVisible();
  const [svg] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
  const svgPath = testInfo.outputPath('hostile-export.svg');
  await svg.saveAs(svgPath);
  const text = readFileSync(svgPath, 'utf8');
  expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  const viewer = await page.context().newPage();
  const viewerTrouble = await watch(viewer);
  await viewer.goto(`file://${svgPath}`);
  // Loaded with its resources (a handler on a failed image would have fired), the labels drawn as text.
  await viewer.waitForLoadState('load');
  await expect(viewer.locator('text').filter({ hasText: '<img src=x' }).first()).toBeAttached();
  // Opened as a document, the file holds no script, no image of the labels, no event handler.
  expect(await injected(viewer)).toEqual(NONE);
  expect(await viewer.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length)).toBe(0);
  expect(viewerTrouble).toEqual([]);
  await viewer.close();

  await page.screenshot({ path: testInfo.outputPath('hostile.png') });
  expect(await injected(page)).toEqual(NONE);
  expect(trouble).toEqual([]);
});
