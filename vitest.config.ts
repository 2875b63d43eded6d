import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { shippedContent } from './scripts/shipped-content-plugin.ts';

export default defineConfig({
  plugins: [react(), shippedContent(fileURLToPath(new URL('.', import.meta.url)))],
  test: {
    environment: 'node',
    // The machine's 2 cores are shared by parallel builds and browsers; a React render of the whole app
    // under jsdom, a property test, the CLI tests (tsx processes) and the sync-server tests (real
    // servers) can take several seconds there. Slow is not wrong: speed targets live in `npm run bench`.
    testTimeout: 30_000,
    // View tests render React Flow under jsdom; the stubs it needs live in the setup file.
    projects: [
      { extends: true, test: { name: 'core', include: ['tests/{domain,rules,content,cli,adapters,server,sync}/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      // A user journey in jsdom takes 1-4 s alone; on a shared 2-core machine the 5 s default fails
      // them for load, not behaviour (speed targets live in `npm run bench`).
      { extends: true, test: { name: 'view', include: ['tests/view/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['tests/view/setup.ts'], testTimeout: 30_000 } },
    ],
  },
});
