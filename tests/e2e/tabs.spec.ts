/** Solo, two tabs of one scenario: edits in either appear in the other, and nothing is lost on reload. */
import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

test('two tabs of one scenario stay in sync; nothing is lost', async ({ context }) => {
  const one = await context.newPage();
  const problems = watchErrors(one);
  await one.goto('/');
  await expect(one.locator('.app-header')).toBeVisible();
  const two = await context.newPage();
  problems.push(...watchErrors(two));
  await two.goto('/');
  await expect(two.locator('.app-header')).toBeVisible();

  await one.locator('.palette-item[data-service="amazon-kinesis-data-streams"]').focus();
  await one.keyboard.press('Enter');
  await expect(two.locator('.react-flow__node:has([data-service="amazon-kinesis-data-streams"])')).toHaveCount(1);
  await two.locator('.palette-item[data-service="amazon-s3"]').focus();
  await two.keyboard.press('Enter');
  await expect(one.locator('.react-flow__node')).toHaveCount(2);
  // Edits in both tabs one right after the other: both survive (no last writer wins).
  await one.locator('.palette-item[data-service="aws-glue"]').focus();
  await one.keyboard.press('Enter');
  await two.locator('.palette-item[data-service="amazon-athena"]').focus();
  await two.keyboard.press('Enter');
  for (const p of [one, two]) await expect(p.locator('.react-flow__node')).toHaveCount(4);
  // Undo in one tab takes back only that tab's last edit.
  await one.locator('.react-flow__pane').click();
  await one.keyboard.press('Control+z');
  for (const p of [one, two]) {
    await expect(p.locator('.react-flow__node')).toHaveCount(3);
    await expect(p.locator('.react-flow__node:has([data-service="aws-glue"])')).toHaveCount(0);
    await expect(p.locator('.react-flow__node:has([data-service="amazon-athena"])')).toHaveCount(1);
  }
  // Both tabs saved the merged design: a reload of each still has all three.
  await two.close();
  await one.reload();
  await expect(one.locator('.react-flow__node')).toHaveCount(3);
  expect(problems).toEqual([]);
});
