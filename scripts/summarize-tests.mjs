#!/usr/bin/env node
/**
 * Prints one line summing every suite `npm test` ran: `N passed, N failed`.
 * Reads the JSON reports of Vitest (test-results/vitest.json) and Playwright
 * (test-results/playwright.json). A suite that left no report while `npm test` failed (the typecheck,
 * or a crash) counts as one failure, so a broken run never sums to zero failures.
 * Usage: node scripts/summarize-tests.mjs <exit code of npm test>
 */
import { existsSync, readFileSync } from 'node:fs';

const exitCode = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = read('test-results/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected;
}
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
