import { defineConfig } from '@playwright/test';
import { spawnSync } from 'node:child_process';

/**
 * PW_PORT lets several runs share a machine: each builds into its own folder and serves on its own
 * port (default 4173, the `npm run preview` port).
 */
const port = Number(process.env.PW_PORT ?? 4173);
const outDir = port === 4173 ? 'dist' : `dist-${port}`;

/**
 * The port of the sync server the room specs start (tests/e2e/sync-server.ts): a free port on
 * 127.0.0.1, chosen once by the runner (workers inherit it), and built into the app's sync URL and
 * CSP so that the app may connect to it and to nothing else.
 */
function freePort(): string {
  const r = spawnSync(process.execPath, ['-e', "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (!/^\d+$/.test(p)) throw new Error(`could not find a free port: ${r.stderr}`);
  return p;
}
process.env.ARCHBOARD_E2E_SYNC_PORT ??= freePort();
const syncUrl = `ws://127.0.0.1:${process.env.ARCHBOARD_E2E_SYNC_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the pass/fail total that .ci/run prints.
  reporter: [['list'], ['json', { outputFile: port === 4173 ? 'test-results/playwright.json' : `test-results/playwright-${port}.json` }]],
  outputDir: port === 4173 ? 'test-results/playwright' : `test-results/playwright-${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `VITE_SYNC_URL=${syncUrl} npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
