/** The sync server: sync between clients, roles enforced by the server, persistence, limits, logs. */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readStoredDocument } from '../../server/file-store.ts';
import { roomDocumentName } from '../../src/domain/room.ts';
import type { RoomConnection } from '../../src/adapters/room-connection.ts';
import { client, newRoom, removeDir, startServer, until, type Running } from './helpers.ts';

const open: RoomConnection[] = [];
const servers: Running[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  for (const s of servers.splice(0)) {
    await s.stop();
    removeDir(s.dataDir);
  }
});
const connect = (...args: Parameters<typeof client>) => {
  const c = client(...args);
  open.push(c);
  return c;
};
const serve = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args);
  servers.push(s);
  return s;
};

describe('sync server', { timeout: 20_000 }, () => {
  it('carries an edit from the candidate to the interviewer and back', async () => {
    const s = await serve();
    const room = await newRoom();
    const a = connect(s.url, room.candidate);
    const b = connect(s.url, room.interviewer);
    a.design.getMap('nodes').set('n1', { id: 'n1' });
    await until(() => b.design.getMap('nodes').has('n1'), 5000, 'candidate edit at interviewer');
    b.design.getMap('nodes').set('n2', { id: 'n2' });
    await until(() => a.design.getMap('nodes').has('n2'), 5000, 'interviewer edit at candidate');
  });

  it('refuses the candidate the interviewer channel, and keeps the control record read-only for them', async () => {
    const s = await serve();
    const room = await newRoom();
    const interviewer = connect(s.url, room.interviewer);
    interviewer.notes!.getText('notes').insert(0, 'weak on failure handling');
    interviewer.control.getMap('control').set('hints', { retention: 1 });
    // A hostile candidate who asks for the interviewer document with the candidate's link.
    let refused = false;
    const sneaky = connect(s.url, { ...room.candidate, key: undefined });
    const spy = new Y.Doc();
    const { HocuspocusProvider } = await import('@hocuspocus/provider');
    const p = new HocuspocusProvider({ websocketProvider: sneaky.socket, name: roomDocumentName(room.candidate.roomId, 'interviewer'), document: spy, token: 'candidate', awareness: null, onAuthenticationFailed: () => (refused = true) });
    p.attach();
    await until(() => refused, 5000, 'refusal');
    expect(spy.getText('notes').toString()).toBe('');
    // A candidate with a made-up key gets nothing either.
    let refusedFake = false;
    const fake = connect(s.url, { ...room.candidate, key: 'A'.repeat(43) }, { refused: () => (refusedFake = true) });
    await until(() => refusedFake, 5000, 'refusal of a wrong key');
    expect(fake.notes!.getText('notes').toString()).toBe('');
    p.destroy();
    // The candidate reads the control record but cannot change it.
    await until(() => JSON.stringify(sneaky.control.getMap('control').get('hints')) === '{"retention":1}', 5000, 'control at candidate');
    sneaky.control.getMap('control').set('hints', { retention: 3 });
    // A design edit sent after it on the same socket: once it has arrived, the control update has been handled.
    sneaky.design.getMap('nodes').set('marker', { id: 'marker' });
    const late = connect(s.url, room.interviewer);
    await until(() => late.design.getMap('nodes').has('marker') && late.control.getMap('control').has('hints'), 5000, 'edits at second interviewer');
    expect(late.control.getMap('control').get('hints')).toEqual({ retention: 1 });
    expect(interviewer.control.getMap('control').get('hints')).toEqual({ retention: 1 });
  });

  it('stores every update at once, so a new server on the same data folder has the room', async () => {
    const s = await serve();
    const room = await newRoom();
    const a = connect(s.url, room.candidate);
    a.design.getMap('nodes').set('n1', { id: 'n1', service: 'amazon-s3' });
    await until(
      () => {
        const stored = readStoredDocument(s.dataDir, room.candidate.roomId);
        if (!stored) return false;
        const d = new Y.Doc();
        Y.applyUpdate(d, stored);
        return d.getMap('nodes').has('n1');
      },
      5000,
      'update on disk',
    );
    a.destroy();
    open.splice(open.indexOf(a), 1);
    await s.stop();
    servers.splice(servers.indexOf(s), 1);
    const again = await serve({ dataDir: s.dataDir });
    const b = connect(again.url, room.candidate);
    await until(() => b.design.getMap('nodes').has('n1'), 5000, 'room after restart');
    expect(b.design.getMap('nodes').get('n1')).toEqual({ id: 'n1', service: 'amazon-s3' });
  });

  it('closes a connection that sends a message over the size limit; the room and the other client are unharmed', async () => {
    const s = await serve({ maxMessageBytes: 64 * 1024 });
    const room = await newRoom();
    const a = connect(s.url, room.candidate);
    const b = connect(s.url, room.candidate);
    a.design.getMap('nodes').set('ok', { id: 'ok' });
    await until(() => b.design.getMap('nodes').has('ok'));
    const closed = new Promise<number>((resolve) => {
      const ws = new WebSocket(s.url);
      ws.on('open', () => ws.send(Buffer.alloc(200 * 1024, 7)));
      ws.on('close', (code) => resolve(code));
    });
    expect(await closed).toBe(1009);
    a.design.getMap('nodes').set('after', { id: 'after' });
    await until(() => b.design.getMap('nodes').has('after'), 5000, 'sync after the refused message');
  });

  it('closes a connection over its rate limit with 4429', async () => {
    const s = await serve({ rateLimit: { messagesPerSecond: 5, burstMessages: 10 } });
    const room = await newRoom();
    const a = connect(s.url, room.candidate);
    let closedWith: number | undefined;
    a.socket.on('close', ({ event }: { event: { code: number } }) => (closedWith ??= event.code));
    await until(() => a.designProvider.isSynced, 5000, 'first sync');
    for (let i = 0; i < 50; i++) a.design.getMap('nodes').set(`n${i}`, { id: `n${i}` });
    await until(() => closedWith !== undefined, 5000, 'close');
    expect(closedWith).toBe(4429);
    expect(s.logs).toContain('closed a connection over its rate limit');
  });

  it('never logs a room id or key', async () => {
    const s = await serve({ rateLimit: { messagesPerSecond: 2, burstMessages: 4 } });
    const room = await newRoom();
    const a = connect(s.url, room.interviewer);
    connect(s.url, { ...room.candidate, key: 'B'.repeat(43) });
    for (let i = 0; i < 20; i++) a.design.getMap('nodes').set(`n${i}`, { id: `n${i}` });
    await until(() => s.logs.length >= 2, 5000, 'logs');
    const all = s.logs.join('\n');
    expect(all).not.toContain(room.interviewer.roomId);
    expect(all).not.toContain(room.interviewer.key);
  });
});

it('listens on 127.0.0.1 only', async () => {
  const s = await serve();
  const { networkInterfaces } = await import('node:os');
  const other = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  expect((s.sync.server.httpServer.address() as { address: string }).address).toBe('127.0.0.1');
  if (other) {
    const { connect } = await import('node:net');
    const refused = await new Promise<boolean>((resolve) => {
      const sock = connect(s.port, other);
      sock.once('connect', () => (sock.destroy(), resolve(false)));
      sock.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  }
});
