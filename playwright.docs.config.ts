import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * `npm run docs:screenshots`: the README's screenshots (docs/*.png), made from the built app by
 * scripts/docs-screenshots.spec.ts. Never part of `npm test` (it rewrites tracked files). Set PW_PORT
 * to choose the port (default 4190); it builds into its own folder like the test config.
 */
const port = Number(process.env.PW_PORT ?? 4190);
const outDir = `dist-${port}`;

export default defineConfig({
  ...base,
  testDir: 'scripts',
  testMatch: 'docs-screenshots.spec.ts',
  reporter: 'list',
  outputDir: `test-results/docs-${port}`,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
