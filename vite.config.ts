import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { shippedContent } from './scripts/shipped-content-plugin.ts';

/**
 * The sync server the app connects to for mock-interview rooms (`VITE_SYNC_URL` at build time; the
 * one `npm start` runs by default). Only `ws:`/`wss:` URLs are accepted.
 */
export const SYNC_URL = (() => {
  const raw = process.env.VITE_SYNC_URL ?? 'ws://127.0.0.1:1234';
  const url = new URL(raw);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(`VITE_SYNC_URL must be a ws:// or wss:// URL, got ${raw}`);
  return url.origin.replace(/^http/, 'ws');
})();

/**
 * Content-Security-Policy for the built app only: the dev server injects an inline script (React
 * refresh preamble) that a strict policy would block. Everything is served from 'self'; React Flow
 * needs inline style attributes; html-to-image needs data:/blob: images; ELK runs in a worker.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  // Only the configured sync server (and the app's own origin) may be connected to.
  `connect-src 'self' ${SYNC_URL}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function cspInBuild(): Plugin {
  return {
    name: 'archboard-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}

/** The project root: holds `catalog/` and `scenarios/`. */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [react(), cspInBuild(), shippedContent(ROOT)],
  define: { 'import.meta.env.VITE_SYNC_URL': JSON.stringify(SYNC_URL) },
  // The analysis worker reads the shipped content too.
  worker: { format: 'es', plugins: () => [shippedContent(ROOT)] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // zod and its configuration in one chunk, configuration right after zod: zod probes
        // `new Function` when a schema is *defined* unless `jitless` is set, and the CSP reports the
        // probe. Without this, a shared chunk that defines schemas can run first.
        manualChunks(id: string) {
          if (id.includes('/node_modules/zod/') || id.endsWith('/src/adapters/zod-config.ts')) return 'zod';
          return undefined;
        },
      },
    },
  },
});
