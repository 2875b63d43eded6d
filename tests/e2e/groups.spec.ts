/**
 * Groups and the scenario picker on the built app: add an AWS Region group from the palette, drop a
 * service into it, move the group (the member moves with it), drag the member out, undo (it is back in
 * the group, one step), reload (membership kept); then switch scenarios in the picker and back (the
 * design is still there).
 */
import { expect, test, type Page } from '@playwright/test';
import { dragMouse, storedRecord, storedRecords, viewSettled, watchErrors } from './support.ts';

const node = (page: Page, service: string) => page.locator(`.react-flow__node:has([data-service="${service}"])`);

async function dropService(page: Page, service: string, x: number, y: number) {
  const item = page.locator(`.palette-item[data-service="${service}"]`);
  await item.scrollIntoViewIfNeeded();
  await item.dragTo(page.locator('.canvas .react-flow__pane'), { targetPosition: { x, y } });
  await expect(node(page, service)).toHaveCount(1);
}

/** The design as saved for the active scenario (IndexedDB; see support.ts). */
async function savedNodes(page: Page): Promise<{ id: string; service: string; parentId?: string; position: { x: number; y: number } }[]> {
  const all = await storedRecords(page);
  const key = Object.keys(all).find((k) => k.startsWith('archboard:design:'));
  return key ? (JSON.parse(all[key]!) as { nodes: [] }).nodes : [];
}
const parentOf = async (page: Page, service: string) => (await savedNodes(page)).find((n) => n.service === service)?.parentId ?? null;

test('groups: add a Region, drop a service in, move it with the group, drag it out, undo, reload', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await page.goto('/');

  // The Region group from the palette's "Groups" section, dropped with its centre at (420, 300).
  await expect(page.getByRole('region', { name: 'Groups' }).locator('.palette-item[data-service="aws-region"]')).toBeVisible();
  await dropService(page, 'aws-region', 420, 300);
  const region = node(page, 'aws-region');
  await expect(region).toContainText('AWS Region');
  await expect(region).toContainText('us-east-1');

  // A service dropped onto the group goes inside it.
  await dropService(page, 'amazon-s3', 420, 320);
  await expect.poll(() => parentOf(page, 'amazon-s3')).toMatch(/^region-/);
  const s3 = node(page, 'amazon-s3');

  // Moving the group by its caption moves the member with it.
  const caption = (await region.locator('.group-caption').boundingBox())!;
  const before = (await s3.boundingBox())!;
  await dragMouse(page, { x: caption.x + 20, y: caption.y + caption.height / 2 }, { x: caption.x + 140, y: caption.y + caption.height / 2 + 60 });
  await expect.poll(async () => Math.round((await s3.boundingBox())!.x - before.x)).toBeGreaterThan(100);
  const after = (await s3.boundingBox())!;
  expect(Math.abs(after.y - before.y - 60)).toBeLessThan(12);
  expect(await parentOf(page, 'amazon-s3')).toMatch(/^region-/);
  await page.screenshot({ path: testInfo.outputPath('groups-light.png') });

  // Dragged out onto the empty canvas: no longer in the group.
  const box = (await region.boundingBox())!;
  await dragMouse(page, { x: after.x + after.width / 2, y: after.y + after.height / 2 }, { x: box.x + box.width + 200, y: box.y + box.height + 80 });
  await expect.poll(() => parentOf(page, 'amazon-s3')).toBeNull();

  // One undo puts it back in the group.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => parentOf(page, 'amazon-s3')).toMatch(/^region-/);

  // Reload: membership kept, and the member is drawn inside the group box.
  await page.reload();
  await expect(node(page, 'amazon-s3')).toHaveCount(1);
  expect(await parentOf(page, 'amazon-s3')).toMatch(/^region-/);
  const r = (await node(page, 'aws-region').boundingBox())!;
  const m = (await node(page, 'amazon-s3').boundingBox())!;
  expect(m.x).toBeGreaterThan(r.x);
  expect(m.x + m.width).toBeLessThan(r.x + r.width);
  expect(m.y).toBeGreaterThan(r.y);

  await node(page, 'amazon-s3').click();
  await expect(page.getByRole('combobox', { name: 'In group' })).toHaveValue(/^region-/);
  await page.screenshot({ path: testInfo.outputPath('member-inspector.png') });

  // Dark theme, group selected (resize handles showing).
  await node(page, 'aws-region').locator('.group-caption').click();
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('.group-resize-handle').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
  await page.screenshot({ path: testInfo.outputPath('groups-dark.png') });
  expect(problems).toEqual([]);
});

test('scenario picker: switch to another scenario and back, each keeps its design', async ({ page }, testInfo) => {
  await page.goto('/');
  const header = page.locator('.app-header');
  const firstTitle = (await header.locator('.header-title').textContent())!;
  await dropService(page, 'amazon-s3', 400, 250);

  await page
    .getByRole('button', { name: /Choose a scenario|scenarios?/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox', { name: 'Search scenarios' })).toBeFocused();
  const items = dialog.locator('.picker-item');
  expect(await items.count()).toBeGreaterThan(1);
  await expect(dialog.locator('.picker-item.is-active').getByTestId('scenario-progress')).toHaveText(/^\d+\/\d+ now · best \d+\/\d+$/);
  await page.screenshot({ path: testInfo.outputPath('picker.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.locator('.scenario-button').click();
  await dialog.getByRole('combobox', { name: 'Filter by tag' }).selectOption('streaming');
  await page.screenshot({ path: testInfo.outputPath('picker-dark.png') });
  await page.keyboard.press('Escape');

  // Pick another scenario with the keyboard.
  await header.locator('.scenario-button').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const other = dialog.locator('.picker-item:not(.is-active)').first();
  const otherTitle = (await other.locator('.picker-item-title').textContent())!;
  await other.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(header.locator('.header-title')).toHaveText(otherTitle);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await dropService(page, 'amazon-redshift', 300, 200);

  // And back: the first scenario's design is there; the other one's is kept too.
  await header.locator('.scenario-button').click();
  await dialog.locator('.picker-item', { hasText: firstTitle }).click();
  await expect(header.locator('.header-title')).toHaveText(firstTitle);
  await expect(node(page, 'amazon-s3')).toHaveCount(1);
  await expect(node(page, 'amazon-redshift')).toHaveCount(0);
  await header.locator('.scenario-button').click();
  await dialog.locator('.picker-item', { hasText: otherTitle }).click();
  await expect(node(page, 'amazon-redshift')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('picker-switched.png') });
});

test('auto-layout and PNG export with groups: members stay inside their group boxes', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.locator('.scenario-button').click();
  await page.getByRole('dialog', { name: 'Scenarios' }).locator('.picker-item[data-scenario="multi-region-data-lake"]').click();
  await page.getByRole('button', { name: /Reference/ }).click();
  const groups = page.locator('.react-flow__node:has([data-group="true"])');
  expect(await groups.count()).toBeGreaterThan(1);
  await page.screenshot({ path: testInfo.outputPath('multi-region-reference.png') });
  const saved = () => storedRecord(page, 'archboard:design:multi-region-data-lake');
  await expect.poll(saved).toContain('"parentId"');
  const beforeLayout = await saved();

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled();
  await page.getByRole('button', { name: /Fit view/ }).click();
  await viewSettled(page);
  await page.screenshot({ path: testInfo.outputPath('multi-region-layout.png') });
  // Every member's box lies within its group's box.
  const nodes = JSON.parse((await saved())!).nodes as { id: string; parentId?: string }[];
  const members = nodes.filter((n) => n.parentId);
  expect(members.length).toBeGreaterThan(2);
  for (const m of members) {
    const inner = (await page.locator(`.react-flow__node[data-id="${m.id}"]`).boundingBox())!;
    const outer = (await page.locator(`.react-flow__node[data-id="${m.parentId}"]`).boundingBox())!;
    expect(inner.x, m.id).toBeGreaterThanOrEqual(outer.x - 1);
    expect(inner.y, m.id).toBeGreaterThanOrEqual(outer.y - 1);
    expect(inner.x + inner.width, m.id).toBeLessThanOrEqual(outer.x + outer.width + 1);
    expect(inner.y + inner.height, m.id).toBeLessThanOrEqual(outer.y + outer.height + 1);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
  const file = testInfo.outputPath('multi-region.png');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('multi-region-data-lake-design.png');
  // One undo step brings the previous layout (positions and group sizes) back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(saved).toBe(beforeLayout);
});
