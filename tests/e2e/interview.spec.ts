/**
 * Practice mode on the built app: an interview from start to result page (feedback hidden meanwhile,
 * a hint revealed and counted), then reviewing feedback, accepting a failed requirement as a trade-off,
 * comparing with the model answer, the graded export, and the attempt in the history.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { openIot, watchErrors } from './support.ts';

const SCENARIO_DIR = join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day');

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

test('an interview from start to result page, then review, trade-off, comparison, export and history', async ({ page }, testInfo) => {
  const problems = watchErrors(page);
  await openIot(page);

  // Start an interview from the Practice tab with the keyboard (default 5 / 20 / 20 minutes).
  await openTab(page, 'Practice');
  const start = page.getByRole('button', { name: 'Start interview (45 min)' });
  await start.focus();
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Interview' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('interview-phase')).toHaveText(/^Requirements: (5:00|4:5\d) left$/);
  await expect(bar.getByRole('timer')).toHaveText(/^(45:00|44:5\d)$/);
  await expect(bar.locator('.phase.is-current')).toContainText('Requirements');

  // Build the design by importing one: feedback stays hidden everywhere.
  await page.getByTestId('import-input').setInputFiles(join(SCENARIO_DIR, 'common-mistake.design.json'));
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while (await dismiss.count()) await dismiss.first().click();
  await expect(page.locator('.svc-node[class*="has-"]')).toHaveCount(0);
  await expect(page.locator('.svc-status')).toHaveCount(0);
  await expect(page.locator('.header-score')).toHaveCount(0);
  await openTab(page, 'Scenario');
  const checklist = page.getByRole('list', { name: 'Requirements' });
  await expect(checklist.locator('[data-status="pending"]')).toHaveCount(11);
  await expect(checklist.locator('[data-status="fail"], [data-status="pass"]')).toHaveCount(0);
  await openTab(page, 'Feedback');
  await expect(page.getByText('Feedback is hidden during the interview')).toBeVisible();
  await expect(page.locator('.results')).toHaveCount(0);

  // Reveal a hint (counted), then a second one for the same requirement.
  await openTab(page, 'Scenario');
  const first = checklist.locator('[data-requirement="ingestion"]');
  await first.getByRole('button', { name: /Show a hint \(1 of 3\)/ }).click();
  await expect(first.locator('.hints li')).toHaveCount(1);
  await first.getByRole('button', { name: /Another hint \(2 of 3\)/ }).click();
  await expect(first.locator('.hints li')).toHaveCount(2);

  await page.screenshot({ path: testInfo.outputPath('interview-running.png') });

  // Submit: the result page with pillars, hints used and time taken.
  await bar.getByRole('button', { name: 'Submit design' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your interview result' });
  await expect(dialog).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(dialog.getByTestId('result-hints')).toHaveText('2');
  await expect(dialog.getByTestId('result-time')).toHaveText(/^0:\d\d of 45 min$/);
  await expect(dialog.getByTestId('result-passed')).toHaveText(/^\d+ of 11$/);
  const pillars = dialog.locator('.pillar-table tbody tr');
  await expect(pillars.first()).toBeVisible();
  const pillarNames = await pillars.locator('th').allTextContents();
  expect(pillarNames.length).toBeGreaterThanOrEqual(3);
  expect(pillarNames).toContain('Security');
  expect(pillarNames).toContain('Reliability');
  await expect(page.getByRole('button', { name: 'Review feedback' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('interview-result.png') }); // docs/ copies come from npm run docs:screenshots

  // Dark theme: look at the result page there too.
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await page.screenshot({ path: testInfo.outputPath('interview-result-dark.png') });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));

  // "Review feedback" (keyboard): statuses and node marks are back.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Feedback' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.results .result[data-status="fail"]')).not.toHaveCount(0);
  await expect(page.locator('.svc-status').first()).toBeVisible();
  await expect(page.locator('.header-score')).toBeVisible();

  // Accept a failed warning as a trade-off: a short reason is refused inline, a real one is accepted.
  const budget = page.locator('.result[data-requirement="budget"]');
  await expect(budget).toHaveAttribute('data-status', 'fail');
  await budget.getByRole('button', { name: 'Accept as a trade-off…' }).click();
  const reason = budget.getByRole('textbox', { name: 'Why is this an acceptable trade-off?' });
  await reason.fill('too short');
  await budget.getByRole('button', { name: 'Accept trade-off' }).click();
  await expect(budget.getByRole('alert')).toHaveText(/at least 10 characters \(9 so far\)/);
  await expect(budget).toHaveAttribute('data-status', 'fail');
  await reason.fill('Cost is over budget on purpose: the client asked for 3x headroom this year.');
  await reason.press('Control+Enter');
  await expect(budget).toHaveAttribute('data-status', 'accepted');
  await expect(budget.locator('.status-pill-accepted')).toHaveText('Accepted');
  await expect(budget).toContainText('Accepted trade-off: Cost is over budget on purpose');
  await expect(page.locator('.count-accepted')).toContainText('1 accepted');
  await page.screenshot({ path: testInfo.outputPath('accepted.png') });

  // A note on a node, kept with the attempt notes.
  await page
    .locator('.react-flow__node')
    .filter({ has: page.locator('[data-service="amazon-kinesis-data-streams"]') })
    .first()
    .click();
  const note = page.getByRole('textbox', { name: 'Trade-off note' });
  await note.fill('Why Kinesis, not MSK: no brokers to size or patch.');
  await note.blur();

  // Compare with the model answer: paired by role, with what each side lacks.
  await openTab(page, 'Practice');
  await page.getByRole('button', { name: 'Compare with the model answer' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare with the model answer' });
  await expect(compare.getByTestId('compare')).toBeVisible();
  await expect(compare.locator('.compare-row.is-pair')).not.toHaveCount(0);
  await expect(compare.locator('.compare-row.is-reference')).toContainText(['Amazon Redshift']);
  await page.screenshot({ path: testInfo.outputPath('compare.png') });
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);

  // The attempt is in the history, with its hints and score.
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('interview');
  await expect(items.first()).toContainText('2 hints');

  // Graded export: design, report with the accepted deviation, and notes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Graded JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('iot-5tb-day-graded.json');
  const graded = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(graded.format).toBe('archboard.graded');
  expect(graded.design.format).toBe('archboard.design');
  const budgetResult = graded.report.results.find((r: { requirementId: string }) => r.requirementId === 'budget');
  expect([budgetResult.status, budgetResult.gradedStatus, budgetResult.deviation.reason]).toEqual(['accepted', 'fail', expect.stringContaining('3x headroom')]);
  expect(graded.notes.nodeNotes).toEqual([expect.objectContaining({ note: 'Why Kinesis, not MSK: no brokers to size or patch.' })]);

  // A plain "Submit attempt" adds a second attempt; both survive a reload.
  await page.getByRole('button', { name: 'Submit attempt' }).click();
  await expect(page.getByRole('dialog', { name: 'Attempt recorded' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('practice');
  await expect(items.first()).toContainText('0 hints');
  await page.screenshot({ path: testInfo.outputPath('history.png') });
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.screenshot({ path: testInfo.outputPath('history-dark.png') });
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await openIot(page);
  await openTab(page, 'Practice');
  await expect(page.getByTestId('history-item')).toHaveCount(2);
  const [historyFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history (JSON)' }).click()]);
  const history = JSON.parse(readFileSync(await historyFile.path(), 'utf8'));
  expect(history.format).toBe('archboard.attempts');
  expect(history.attempts.map((a: { mode: string; hintsUsed: number }) => [a.mode, a.hintsUsed])).toEqual([
    ['interview', 2],
    ['practice', 0],
  ]);
  expect(problems).toEqual([]);
});

test('the interview ends by itself when time runs out, and the PNG export can carry a findings legend', async ({ page }, testInfo) => {
  await page.clock.install();
  await openIot(page);
  await openTab(page, 'Practice');
  for (const [name, value] of [
    ['Requirements', '1'],
    ['High-level design', '1'],
    ['Deep dive', '1'],
  ] as const)
    await page.getByRole('spinbutton', { name }).fill(value);
  await page.getByRole('button', { name: 'Start interview (3 min)' }).click();
  await expect(page.getByRole('timer')).toHaveText(/^(3:00|2:5\d)$/);
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('interview-phase')).toHaveText(/^High-level design: 0:5\d left$/);
  await page.clock.fastForward('02:00');
  const dialog = page.getByRole('dialog', { name: 'Time is up: your interview result' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('result-time')).toHaveText('3:00 of 3 min');
  await page.getByRole('button', { name: 'Close' }).click();
  await openTab(page, 'Practice');
  await expect(page.getByTestId('history-item').first()).toContainText('time up');

  await page.getByTestId('import-input').setInputFiles(join(SCENARIO_DIR, 'common-mistake.design.json'));
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG with findings' }).click()]);
  expect(download.suggestedFilename()).toBe('iot-5tb-day-findings.png');
  const file = testInfo.outputPath('findings.png');
  await download.saveAs(file);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The legend makes the image taller than the diagram alone (the diagram PNG is padded by 32 px x2).
  const height = png.readUInt32BE(20);
  const width = png.readUInt32BE(16);
  expect(width).toBeGreaterThanOrEqual(1280);
  expect(height).toBeGreaterThan(600);
});
