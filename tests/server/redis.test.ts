/** Several sync-server instances share rooms through one Redis (Hocuspocus' Redis extension). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RoomConnection } from '../../src/adapters/room-connection.ts';
import { client, newRoom, removeDir, startRedis, startServer, until, type Running } from './helpers.ts';

let redis: Awaited<ReturnType<typeof startRedis>>;
const servers: Running[] = [];
const clients: RoomConnection[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) {
    await s.stop();
    removeDir(s.dataDir);
  }
  await redis?.stop();
});

it('clients on two instances with one Redis see each other’s edits, and the interviewer channel stays private', { timeout: 30_000 }, async () => {
  const one = await startServer({ instance: 'one', redis: { host: '127.0.0.1', port: redis.port } });
  const two = await startServer({ instance: 'two', redis: { host: '127.0.0.1', port: redis.port } });
  servers.push(one, two);
  const room = await newRoom();
  const candidate = client(one.url, room.candidate);
  const interviewer = client(two.url, room.interviewer);
  clients.push(candidate, interviewer);
  await until(() => candidate.designProvider.isSynced && interviewer.designProvider.isSynced, 10_000, 'first sync');
  candidate.design.getMap('nodes').set('from-one', { id: 'from-one' });
  await until(() => interviewer.design.getMap('nodes').has('from-one'), 10_000, 'edit from instance one at instance two');
  interviewer.design.getMap('nodes').set('from-two', { id: 'from-two' });
  await until(() => candidate.design.getMap('nodes').has('from-two'), 10_000, 'edit from instance two at instance one');
  interviewer.control.getMap('control').set('followUps', { whatIf: { volumeFactor: 10 }, added: [] });
  await until(() => candidate.control.getMap('control').has('followUps'), 10_000, 'follow-up across instances');
  expect(candidate.notes).toBeUndefined();
});
