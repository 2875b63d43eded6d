/**
 * The real sync server for room specs: `node --import tsx server/main.ts` as a child process on 127.0.0.1 and the
 * port the app was built for (ARCHBOARD_E2E_SYNC_PORT, chosen free by playwright.config.ts), with a
 * temporary data folder. `kill()` ends it with SIGKILL (a crash: nothing gets to flush), `start()`
 * starts it again on the same port and data. Also a per-context network switch for WebSockets
 * (`context.setOffline` does not cut WebSockets in Chromium, microsoft/playwright#4910).
 */
import type { BrowserContext, WebSocketRoute } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SyncProcess {
  port: number;
  dataDir: string;
  /** Everything the server printed (stdout and stderr). */
  output(): string;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** Kills it and removes the data folder. */
  dispose(): Promise<void>;
}

export function syncServer(): SyncProcess {
  const port = Number(process.env.ARCHBOARD_E2E_SYNC_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error('ARCHBOARD_E2E_SYNC_PORT is not set (playwright.config.ts sets it)');
  const dataDir = mkdtempSync(join(tmpdir(), 'archboard-e2e-rooms-'));
  let child: ChildProcess | undefined;
  let out = '';
  const kill = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  return {
    port,
    dataDir,
    output: () => out,
    async start() {
      if (child) return;
      // Node itself with tsx's loader (not the tsx wrapper), so that SIGKILL reaches the server process.
      const c = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${out}`)), 20_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          if (out.includes('Archboard sync server:')) clearTimeout(timer), resolve();
        };
        c.stdout!.on('data', onData);
        c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        c.once('exit', (code) => (clearTimeout(timer), reject(new Error(`sync server exited (${code}):\n${out}`))));
      });
    },
    kill,
    async dispose() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cuts and restores one browser context's WebSockets, as a lost network would. */
export async function webSocketSwitch(context: BrowserContext): Promise<{ offline(): Promise<void>; online(): void }> {
  let online = true;
  const live = new Set<WebSocketRoute>();
  await context.routeWebSocket(/^ws:\/\/127\.0\.0\.1:\d+/, (ws) => {
    if (!online) return void ws.close({ code: 4000, reason: 'offline' });
    ws.connectToServer();
    live.add(ws);
    ws.onClose(() => live.delete(ws));
  });
  return {
    async offline() {
      online = false;
      for (const ws of [...live]) await ws.close({ code: 4000, reason: 'offline' });
      live.clear();
    },
    online() {
      online = true;
    },
  };
}
