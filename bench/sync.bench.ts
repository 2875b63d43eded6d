/**
 * The live-room half of `npm run bench`:
 *  - edit-to-remote-paint: two headless Chromium contexts in one room holding a 200-node design (tiled
 *    IoT reference, bench/designs.ts); one adds a service from the palette (keyboard), the other paints
 *    it. Measured from the keydown in the first page to the animation frame after the node appears in
 *    the second (both pages read the same machine clock: performance.timeOrigin + now()); median and max
 *    of 15 edits; the path is page → sync server (127.0.0.1) → page;
 *  - server memory per room: the sync server alone in a child process; 40 rooms are opened, each
 *    holding a 200-node design, by interviewer clients (Node) that stay connected, so each room has its
 *    three documents loaded (design, control, notes); heap used and RSS after a full GC, before and
 *    after, divided by the number of rooms.
 * Prints a table and merges `sync` into bench/results.json. Figures only.
 */
import { chromium } from '@playwright/test';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectRoom, type RoomConnection } from '../src/adapters/room-connection.ts';
import { createSharedDesignCodec } from '../src/adapters/yjs-design.ts';
import { emptyDesign } from '../src/domain/design.ts';
import { encodeRoomFragment, newRoomKey, roomIdForKey } from '../src/domain/room.ts';
import { content, tiledDesign } from './designs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-bench-sync');
const APP_PORT = Number(process.env.BENCH_SYNC_APP_PORT ?? 4186);
const SYNC_PORT = Number(process.env.BENCH_SYNC_PORT ?? 4187);
const RESULTS = join(ROOT, 'bench', 'results.json');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOMS = 40;
const NODES = 200;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Child = ReturnType<typeof fork>;
function ask<T>(child: Child, message: string, key: string): Promise<T> {
  return new Promise((res) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) child.off('message', on), res(m[key] as T);
    };
    child.on('message', on);
    child.send(message);
  });
}

async function until(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A room seeded with a tiled design by a Node client; returns the links and the (connected) client. */
async function seededRoom(nodes: number): Promise<{ key: string; roomId: string; conn: RoomConnection }> {
  const key = newRoomKey();
  const roomId = await roomIdForKey(key);
  const conn = connectRoom({ url: `ws://127.0.0.1:${SYNC_PORT}`, link: { roomId, scenarioId: 'iot-5tb-day', key }, webSocket: WebSocket });
  await until(() => conn.designProvider.isSynced, 10_000, 'seed sync');
  createSharedDesignCodec(content.catalog).write(conn.design, emptyDesign('iot-5tb-day'), tiledDesign(nodes), 'seed');
  await until(() => !conn.hasUnsyncedChanges(), 10_000, 'seed sent');
  return { key, roomId, conn };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'archboard-bench-rooms-'));
  const child = fork(join(ROOT, 'bench/sync-server-child.ts'), [String(SYNC_PORT), dataDir], { execArgv: ['--expose-gc', '--import', 'tsx'] });
  process.on('exit', () => child.kill());
  await new Promise<void>((res) => child.once('message', () => res()));
  const clients: RoomConnection[] = [];
  let result: Record<string, unknown>;
  try {
    // Memory per room.
    const before = await ask<NodeJS.MemoryUsage>(child, 'memory', 'memory');
    for (let i = 0; i < ROOMS; i++) clients.push((await seededRoom(NODES)).conn);
    const documents = await ask<number>(child, 'rooms', 'rooms');
    const rooms = ROOMS;
    const after = await ask<NodeJS.MemoryUsage>(child, 'memory', 'memory');
    const perRoomHeapKB = round((after.heapUsed - before.heapUsed) / rooms / 1024);
    const perRoomRssKB = round((after.rss - before.rss) / rooms / 1024);
    const stateBytes = Y.encodeStateAsUpdate(clients[0]!.design).length;
    console.log(`memory: ${rooms} rooms measured`);
    for (const c of clients.splice(0)) c.destroy();

    // Edit-to-remote-paint.
    process.env.VITE_SYNC_URL = `ws://127.0.0.1:${SYNC_PORT}`;
    console.log('building the app');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
    const server = await preview({ root: ROOT, configFile: false, logLevel: 'warn', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true } });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const samples: number[] = [];
    try {
      const { key, roomId, conn } = await seededRoom(NODES);
      conn.destroy();
      const base = `http://127.0.0.1:${APP_PORT}/`;
      const a = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      const b = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await a.goto(`${base}#${encodeRoomFragment({ roomId, scenarioId: 'iot-5tb-day', key })}`);
      await b.goto(`${base}#${encodeRoomFragment({ roomId, scenarioId: 'iot-5tb-day' })}`);
      for (const p of [a, b]) await p.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, NODES, { timeout: 120_000 });
      console.log('both pages hold the room design');
      await a.evaluate(`window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__t0 = performance.timeOrigin + performance.now(); }, true)`);
      for (let i = 0; i < 15; i++) {
        const count = await b.evaluate(() => document.querySelectorAll('.react-flow__node').length);
        // A string, so that tsx's helpers (__name) do not end up in the page.
        const painted = b.evaluate(`new Promise((res) => {
          const n = ${count};
          const obs = new MutationObserver(() => {
            if (document.querySelectorAll('.react-flow__node').length > n) {
              obs.disconnect();
              requestAnimationFrame(() => res(performance.timeOrigin + performance.now()));
            }
          });
          obs.observe(document.body, { childList: true, subtree: true });
        })`) as Promise<number>;
        await a.locator('.palette-item[data-service="amazon-s3"]').focus();
        await a.keyboard.press('Enter');
        const t1 = await Promise.race([painted, new Promise<number>((_, rej) => setTimeout(() => rej(new Error('the edit did not reach the other page in 30 s')), 30_000))]);
        const t0 = (await a.evaluate('window.__t0')) as number;
        samples.push(t1 - t0);
      }
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      rmSync(OUT, { recursive: true, force: true });
    }
    result = {
      editToRemotePaint: { nodes: NODES, medianMs: round(median(samples)), maxMs: round(Math.max(...samples)), samples: samples.length },
      serverMemory: { rooms, documents, nodesPerRoom: NODES, heapKBPerRoom: perRoomHeapKB, rssKBPerRoom: perRoomRssKB, roomStateBytes: stateBytes },
    };
  } finally {
    for (const c of clients) c.destroy();
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const r = result as { editToRemotePaint: { medianMs: number; maxMs: number }; serverMemory: { heapKBPerRoom: number; rssKBPerRoom: number; roomStateBytes: number; rooms: number } };
  console.log('\nLive rooms (sync server on 127.0.0.1, headless Chromium)');
  console.table({
    [`edit to remote paint (${NODES} nodes)`]: { figure: `${r.editToRemotePaint.medianMs} ms median (max ${r.editToRemotePaint.maxMs})` },
    [`server memory per open room (${NODES} nodes, ${r.serverMemory.rooms} rooms)`]: { figure: `${r.serverMemory.heapKBPerRoom} KB heap, ${r.serverMemory.rssKBPerRoom} KB RSS (Yjs state ${round(r.serverMemory.roomStateBytes / 1024)} KB)` },
  });
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown> & { targets?: { target: string; measured: string; met: boolean }[] };
  results.sync = result;
  results.targets = [
    ...(results.targets ?? []).filter((t) => !t.target.startsWith('edit appears')),
    { target: 'edit appears on the other side < 500 ms (200 nodes)', measured: `${r.editToRemotePaint.maxMs} ms max`, met: r.editToRemotePaint.maxMs < 500 },
  ];
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log('written bench/results.json');
  process.exit(0);
}

await main();
