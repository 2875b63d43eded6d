/** Helpers for tests against a real sync server on 127.0.0.1 (free port, temporary data folder). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { connectRoom, type RoomConnection } from '../../src/adapters/room-connection.ts';
import { newRoomKey, roomIdForKey, type RoomLink } from '../../src/domain/room.ts';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../server/sync-server.ts';

export interface Running {
  sync: SyncServer;
  port: number;
  url: string;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
}

/** Starts a sync server on a free port; `stop()` ends it (the data folder is removed by `cleanup`). */
export async function startServer(options: Partial<SyncServerOptions> = {}): Promise<Running> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'archboard-sync-'));
  const logs: string[] = [];
  const sync = createSyncServer({ port: 0, dataDir, storeDebounceMs: 50, log: (m) => logs.push(m), ...options });
  const port = await sync.listen();
  return { sync, port, url: `ws://127.0.0.1:${port}`, dataDir, logs, stop: () => sync.destroy() };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh room: the interviewer's link and the candidate's. */
export async function newRoom(scenarioId = 'iot-5tb-day'): Promise<{ interviewer: RoomLink; candidate: RoomLink }> {
  const key = newRoomKey();
  const roomId = await roomIdForKey(key);
  return { interviewer: { roomId, scenarioId, key }, candidate: { roomId, scenarioId } };
}

/** Connects a Node client (the `ws` WebSocket) to a room. */
export function client(url: string, link: RoomLink, events: { refused?: () => void } = {}): RoomConnection {
  return connectRoom({ url, link, webSocket: WebSocket, onStatus: (s) => s === 'refused' && events.refused?.() });
}

/** Resolves once `check` holds (polled every 10 ms), rejects after `ms`. */
export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts Debian's redis-server on 127.0.0.1 and a free port, without persistence; `stop()` ends it. */
export async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { connect } = await import('node:net');
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => s.write('PING\r\n'));
      s.once('data', (d) => (s.destroy(), resolve(d.toString().startsWith('+PONG'))));
      s.once('error', () => resolve(false));
    });
  const end = Date.now() + 10_000;
  while (!(await ping())) {
    if (Date.now() > end || proc.exitCode !== null) throw new Error('redis-server did not start (is it installed? scripts/ensure-redis.mjs installs it)');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
