#!/usr/bin/env node
/**
 * `npm start`: the app (Vite on http://127.0.0.1:5173) and the sync server for mock interviews
 * (ws://127.0.0.1:1234, rooms kept in data/rooms), side by side. Ports: APP_PORT and SYNC_PORT.
 * Ctrl+C stops both; if one of them exits, the other is stopped too.
 */
import { spawn } from 'node:child_process';

const appPort = process.env.APP_PORT ?? '5173';
const syncPort = process.env.SYNC_PORT ?? '1234';
const syncUrl = process.env.VITE_SYNC_URL ?? `ws://127.0.0.1:${syncPort}`;
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const children = [
  spawn(bin('tsx'), ['server/main.ts', '--port', syncPort], { stdio: 'inherit', env: { ...process.env, SYNC_PORT: syncPort } }),
  spawn(bin('vite'), ['--host', '127.0.0.1', '--port', appPort, '--strictPort'], { stdio: 'inherit', env: { ...process.env, VITE_SYNC_URL: syncUrl } }),
];
let exiting = false;
const stopAll = (code) => {
  if (exiting) return;
  exiting = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
};
for (const c of children) c.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
