/**
 * Mock interviews: two browser contexts (interviewer, candidate) against the real sync server on
 * 127.0.0.1 — edits both ways, cursors, roles, follow-ups, a server crash mid-interview, and one side
 * offline while both edit.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { syncServer, webSocketSwitch, type SyncProcess } from './sync-server.ts';
import { watchErrors } from './support.ts';

let sync: SyncProcess;
test.beforeEach(async () => {
  sync = syncServer();
  await sync.start();
});
test.afterEach(async () => {
  await sync.dispose();
});

/** The node count on a page's canvas. */
const nodes = (page: Page) => page.locator('.react-flow__node');

/** Adds a service from the palette with the keyboard (focus its entry, Enter). */
async function addService(page: Page, service: string) {
  await page.locator(`.palette-item[data-service="${service}"]`).focus();
  await page.keyboard.press('Enter');
}

/** Creates a room from the app (the dialog's two links) and opens both views in their own contexts. */
async function openRoom(browser: Browser) {
  const ic = await browser.newContext();
  const interviewer = await ic.newPage();
  const problems = watchErrors(interviewer);
  await interviewer.goto('/');
  await interviewer.getByRole('button', { name: 'Start a mock interview' }).click();
  await interviewer.getByRole('button', { name: 'Create the room' }).click();
  const candidateUrl = await interviewer.getByTestId('candidate-link').inputValue();
  const interviewerUrl = await interviewer.getByTestId('interviewer-link').inputValue();
  const key = new URL(interviewerUrl).hash.match(/key=([^&]+)/)![1]!;
  expect(candidateUrl).not.toContain(key);
  await interviewer.goto(interviewerUrl);
  const cc = await browser.newContext();
  const candidate = await cc.newPage();
  problems.push(...watchErrors(candidate));
  await candidate.goto(candidateUrl);
  for (const p of [interviewer, candidate]) await expect(p.getByTestId('room-status')).toHaveText('Live');
  return { interviewer, candidate, ic, cc, problems, candidateUrl, interviewerUrl, key };
}

test('an edit by either appears on the other within 500 ms; cursors show; only the interviewer sees pass/fail', async ({ browser }, testInfo) => {
  const { interviewer, candidate, problems, key } = await openRoom(browser);

  await addService(candidate, 'amazon-kinesis-data-streams');
  await expect(nodes(candidate)).toHaveCount(1);
  await expect(nodes(interviewer)).toHaveCount(1, { timeout: 500 });
  await addService(interviewer, 'amazon-s3');
  await expect(nodes(interviewer)).toHaveCount(2);
  await expect(nodes(candidate)).toHaveCount(2, { timeout: 500 });

  // Cursors: each sees the other's pointer, named.
  const box = (await candidate.locator('.react-flow__pane').boundingBox())!;
  await candidate.mouse.move(box.x + 300, box.y + 300);
  await candidate.mouse.move(box.x + 320, box.y + 310, { steps: 3 });
  await expect(interviewer.getByTestId('peer-cursor')).toContainText('Candidate');
  const ibox = (await interviewer.locator('.react-flow__pane').boundingBox())!;
  await interviewer.mouse.move(ibox.x + 200, ibox.y + 200);
  await interviewer.mouse.move(ibox.x + 220, ibox.y + 220, { steps: 3 });
  await expect(candidate.getByTestId('peer-cursor')).toContainText('Interviewer');
  // A selection shows as an outline on the other side.
  await candidate.locator('.react-flow__node:has([data-service="amazon-s3"])').click();
  await expect(interviewer.getByTestId('peer-selection')).toHaveCount(1);

  // The interviewer grades live; the candidate sees no pass/fail anywhere.
  await expect(interviewer.locator('.header-score')).toContainText('requirements pass');
  await interviewer.getByRole('tab', { name: 'Interviewer' }).click();
  await expect(interviewer.locator('.interviewer-panel [data-status="fail"]').first()).toBeVisible();
  await expect(candidate.locator('.header-score')).toHaveCount(0);
  await expect(candidate.getByRole('tab', { name: /Feedback|Simulation|Practice|Interviewer/ })).toHaveCount(0);
  await expect(candidate.locator('[data-status="pass"], [data-status="fail"], [data-status="error"]')).toHaveCount(0);
  await expect(candidate.locator('body')).not.toContainText(/\bpass(es)?\b|\bfail(s|ed)?\b/i);
  await expect(candidate.getByRole('button', { name: 'Reference' })).toBeDisabled();

  // Private notes and hints: the notes never reach the candidate; a revealed hint does.
  await interviewer.getByRole('textbox', { name: 'Private notes' }).fill('Forgot the retention rule');
  await interviewer.getByRole('button', { name: /Reveal hint 1 of 3 to the candidate for: Keep 7 years/ }).click();
  await candidate.getByRole('tab', { name: 'Scenario' }).click();
  await expect(candidate.locator('[data-requirement="retention"] .hints li')).toHaveCount(1);
  await expect(candidate.locator('body')).not.toContainText('Forgot the retention rule');

  await interviewer.screenshot({ path: testInfo.outputPath('interviewer.png') });
  await candidate.screenshot({ path: testInfo.outputPath('candidate.png') });
  // Tokens never reach the server's log.
  expect(sync.output()).not.toContain(key);
  expect(problems).toEqual([]);
});

test('a follow-up pushed by the interviewer changes the workload and the requirements for both', async ({ browser }) => {
  const { interviewer, candidate, problems } = await openRoom(browser);
  await expect(candidate.locator('.scenario')).toContainText('5,000 GB/day');
  await interviewer.getByRole('combobox', { name: 'Scale the workload' }).selectOption('10');
  for (const p of [interviewer, candidate]) await expect(p.getByTestId('room-followups')).toContainText('10x the volume (50,000 GB/day)');
  await interviewer.getByRole('tab', { name: 'Scenario' }).click();
  for (const p of [interviewer, candidate]) await expect(p.locator('.scenario')).toContainText('50,000 GB/day');
  // A requirement from another scenario: the grading and the candidate's brief both list it.
  await interviewer.getByRole('tab', { name: 'Interviewer' }).click();
  const select = interviewer.getByRole('combobox', { name: 'Requirement to add' });
  const option = select.locator('option', { hasText: /EU|Region|sovereign/i }).first();
  const value = (await option.getAttribute('value'))!;
  const text = (await option.textContent())!.split(': ').slice(1).join(': ');
  await select.selectOption(value);
  await interviewer.getByRole('button', { name: 'Push to both' }).click();
  await expect(interviewer.locator('.interviewer-panel .checklist')).toContainText(text);
  await expect(candidate.locator('.scenario .checklist')).toContainText(text);
  await expect(interviewer.locator('.header-score')).toContainText(/\/12 requirements/);
  expect(problems).toEqual([]);
});

test('the server is killed and restarted mid-interview: no edit is lost', async ({ browser }) => {
  const { interviewer, candidate, interviewerUrl } = await openRoom(browser);
  await addService(candidate, 'amazon-kinesis-data-streams');
  await addService(interviewer, 'amazon-s3');
  await expect(nodes(candidate)).toHaveCount(2);
  await expect(nodes(interviewer)).toHaveCount(2);
  await sync.kill();
  for (const p of [interviewer, candidate]) await expect(p.getByTestId('room-status')).not.toHaveText('Live');
  // Edits while the server is down stay on screen...
  await addService(candidate, 'aws-glue');
  await expect(nodes(candidate)).toHaveCount(3);
  await sync.start();
  // ...and reach the other side once the clients reconnect.
  for (const p of [interviewer, candidate]) await expect(p.getByTestId('room-status')).toHaveText('Live', { timeout: 15_000 });
  await expect(nodes(interviewer)).toHaveCount(3, { timeout: 15_000 });
  // The restarted server holds everything: a fresh browser gets all three from it alone.
  await sync.kill();
  await sync.start();
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(interviewerUrl);
  await expect(fresh.getByTestId('room-status')).toHaveText('Live');
  await expect(nodes(fresh)).toHaveCount(3);
});

test('one side goes offline, both edit, and after reconnecting both hold the merged design', async ({ browser }) => {
  const { interviewer, candidate, cc } = await openRoom(browser);
  await addService(interviewer, 'amazon-kinesis-data-streams');
  await expect(nodes(candidate)).toHaveCount(1);
  const net = await webSocketSwitch(cc);
  // The switch applies to new sockets: reconnect the candidate through it.
  await candidate.reload();
  await expect(candidate.getByTestId('room-status')).toHaveText('Live');
  await expect(nodes(candidate)).toHaveCount(1);
  await net.offline();
  await expect(candidate.getByTestId('room-status')).not.toHaveText('Live');
  await addService(candidate, 'amazon-s3');
  await addService(interviewer, 'aws-glue');
  await expect(nodes(candidate)).toHaveCount(2);
  await expect(nodes(interviewer)).toHaveCount(2);
  net.online();
  await expect(candidate.getByTestId('room-status')).toHaveText('Live', { timeout: 15_000 });
  for (const p of [interviewer, candidate]) {
    await expect(nodes(p)).toHaveCount(3, { timeout: 15_000 });
    for (const service of ['amazon-kinesis-data-streams', 'amazon-s3', 'aws-glue']) await expect(p.locator(`.react-flow__node:has([data-service="${service}"])`)).toHaveCount(1);
  }
});
