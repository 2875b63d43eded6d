/**
 * Pictures come from the design, not the canvas: labels and volume labels are in the export at any
 * zoom, the selection never is, the SVG is editable (no foreignObject), and the PDF opens.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { decodePng, PNG_SIGNATURE } from './png.ts';
import { watchErrors } from './support.ts';

const KEY = 'archboard:design:iot-5tb-day';
const DESIGN = JSON.stringify({
  format: 'archboard.design',
  version: 2,
  scenarioId: 'iot-5tb-day',
  nodes: [
    { id: 'devices-1', service: 'iot-devices', position: { x: 0, y: 0 } },
    { id: 'kds-1', service: 'amazon-kinesis-data-streams', label: 'Telemetry stream', position: { x: 360, y: 0 } },
    { id: 's3-1', service: 'amazon-s3', position: { x: 720, y: 0 } },
  ],
  edges: [
    { id: 'e-1', source: 'devices-1', target: 'kds-1', settings: { label: 'MQTT telemetry' } },
    { id: 'e-2', source: 'kds-1', target: 's3-1' },
  ],
});

async function download(page: Page, button: string, path: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  await file.saveAs(path);
  return readFileSync(path);
}

test('exports hold labels and volumes at any zoom, never the selection; the PDF parses', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [KEY, DESIGN]);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Volume labels' })).toHaveAttribute('aria-pressed', 'true');

  const before = (await download(page, 'SVG', testInfo.outputPath('before.svg'))).toString('utf8');
  expect(before).toContain('MQTT telemetry');
  expect(before).toMatch(/MB\/s · [\d.]+[kM]? rec\/s/);
  // The volume labels read as the canvas shows them.
  const shown = await page.locator('.edge-volume').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(shown.length).toBe(2);
  for (const text of shown) expect(before).toContain(text);
  expect(before).not.toContain('foreignObject');

  // Zoomed far out (the canvas hides edge labels) with a node selected: the same picture.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.locator('.react-flow__node[data-id="kds-1"]').click();
  await expect(page.locator('.react-flow__node[data-id="kds-1"]')).toHaveClass(/selected/);
  const after = (await download(page, 'SVG', testInfo.outputPath('after.svg'))).toString('utf8');
  expect(after).toBe(before);

  const png = await download(page, 'PNG', testInfo.outputPath('design.png'));
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const width = Number(/width="(\d+)"/.exec(before)![1]);
  const height = Number(/height="(\d+)"/.exec(before)![1]);
  const img = decodePng(png);
  expect([img.width, img.height]).toEqual([width * 2, height * 2]);

  const pdfBytes = await download(page, 'PDF', testInfo.outputPath('design.pdf'));
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = await PDFDocument.load(pdfBytes);
  expect(pdf.getPageCount()).toBe(1);
  const size = pdf.getPage(0).getSize();
  expect(size.width).toBeCloseTo(width * 0.75, 1);
  expect(size.height).toBeCloseTo(height * 0.75, 1);
  expect(problems).toEqual([]);
});

test('draw.io both ways: export the design, import it back; a multi-page file asks which page', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [KEY, DESIGN]);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'draw.io', exact: true }).click()]);
  expect(file.suggestedFilename()).toBe('iot-5tb-day-design.drawio');
  const path = testInfo.outputPath('design.drawio');
  await file.saveAs(path);
  const xml = readFileSync(path, 'utf8');
  expect(xml).toContain('resIcon=mxgraph.aws4.kinesis_data_streams');

  // Start over, then import the exported file: the same three services and two connections come back.
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: 'Start new design' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByTestId('import-input').setInputFiles(path);
  const report = page.getByRole('dialog', { name: 'Imported design.drawio' });
  await expect(report.getByTestId('drawio-counts')).toHaveText(/^3 services, 0 groups, 0 notes and 2 connections\./);
  await expect(report).toContainText('Everything in the diagram was mapped.');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__node[data-id="kds-1"]')).toContainText('Telemetry stream');

  // A file with 15 pages: the picker lists them with what each holds; the chosen page is imported.
  await page.getByTestId('import-input').setInputFiles(join(PROJECT_ROOT, 'tests', 'fixtures', 'drawio', 'real', 'adsf-diagrams.drawio'));
  const picker = page.getByRole('dialog', { name: 'Import a page of adsf-diagrams.drawio' });
  await expect(picker.getByRole('list', { name: 'Pages' }).locator('li')).toHaveCount(15);
  await expect(picker).toContainText('14 services, 3 groups');
  await page.screenshot({ path: testInfo.outputPath('page-picker.png') });
  await picker.getByRole('button', { name: 'spark-data-lake-example' }).click();
  const imported = page.getByRole('dialog', { name: 'Imported adsf-diagrams.drawio' });
  await expect(imported.getByTestId('drawio-counts')).toContainText('14 services, 3 groups');
  await expect(imported.getByTestId('drawio-counts')).toContainText('from page "spark-data-lake-example" (of 15)');
  await page.screenshot({ path: testInfo.outputPath('page-imported.png') });
  await imported.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(24);
  expect(problems).toEqual([]);
});
