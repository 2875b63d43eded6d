/**
 * Fuzz: a hostile client in a room sends malformed Yjs updates over the wire and writes hostile design
 * content (random JSON, wrong types, unknown services, bad settings, edges to nowhere, markup in
 * labels, huge strings). The other client, a real app store bound to the room, never crashes, always
 * holds a design `loadDesign` accepts, keeps every node it had, and still syncs with a third client.
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sharedMaps } from '../../src/adapters/yjs-design.ts';
import { loadDesign } from '../../src/domain/design.ts';
import { roomDocumentName } from '../../src/domain/room.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { joinRoom, type RoomStore } from '../../src/store/room-store.ts';
import { content } from '../support/designs.ts';
import { client, newRoom, removeDir, startServer, until, type Running } from '../server/helpers.ts';

let server: Running;
beforeAll(async () => {
  server = await startServer({ rateLimit: { messagesPerSecond: 10_000, burstMessages: 100_000, bytesPerSecond: 1e9, burstBytes: 1e9 } });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

/** A Hocuspocus frame: document name, message type, then the body. */
function frame(doc: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  write(e);
  return encoding.toUint8Array(e);
}

const hostileNode = fc.oneof(
  fc.jsonValue(),
  fc.record({ id: fc.string(), service: fc.string(), position: fc.oneof(fc.jsonValue(), fc.record({ x: fc.double(), y: fc.string() })) }),
  fc.record({ id: fc.constant('victim-kinesis'), service: fc.constant('amazon-kinesis-data-streams'), position: fc.record({ x: fc.double(), y: fc.double() }), settings: fc.dictionary(fc.string(), fc.jsonValue()) }),
  fc.record({
    id: fc.constant('victim-s3'),
    service: fc.constantFrom('amazon-s3', 'nope', '__proto__'),
    position: fc.constant({ x: 0, y: 0 }),
    label: fc.constantFrom('<img src=x onerror=alert(1)>', 'x'.repeat(5000), '<script>alert(1)</script>'),
    parentId: fc.constantFrom('victim-s3', 'victim-kinesis', 'ghost'),
  }),
);
const hostileEdge = fc.oneof(fc.jsonValue(), fc.record({ id: fc.string(), source: fc.constantFrom('victim-kinesis', 'ghost'), target: fc.constantFrom('victim-s3', 'ghost'), settings: fc.jsonValue() }));

it('a hostile client cannot crash the other client or take away what it had', { timeout: 120_000 }, async () => {
  const room = await newRoom();
  const app = createAppStore({ content, scenarioId: room.candidate.scenarioId, roomRole: 'interviewer' });
  const victim: RoomStore = joinRoom({ url: server.url, link: room.interviewer, app, webSocket: WebSocket });
  await until(() => victim.getState().synced, 10_000, 'victim sync');
  app.getState().dispatch({ type: 'addNode', node: { id: 'victim-kinesis', service: 'amazon-kinesis-data-streams', position: { x: 0, y: 0 } } });
  app.getState().dispatch({ type: 'addNode', node: { id: 'victim-s3', service: 'amazon-s3', position: { x: 300, y: 0 } } });
  app.getState().dispatch({ type: 'connect', edge: { id: 'victim-e', source: 'victim-kinesis', target: 'victim-s3' } });

  // 1. Malformed updates straight on the socket, as a candidate (the room id is all it needs).
  const name = roomDocumentName(room.candidate.roomId, 'design');
  const raw = new WebSocket(server.url);
  await new Promise((r) => raw.once('open', r));
  raw.on('error', () => {});
  raw.send(frame(name, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, 'candidate'))));
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), fc.constantFrom(0, 1, 2), async (garbage, step) => {
      if (raw.readyState === WebSocket.OPEN) raw.send(frame(name, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, garbage))));
    }),
    { numRuns: 100 },
  );
  raw.close();

  // 2. Hostile content through a well-formed Yjs client.
  const attacker = client(server.url, room.candidate);
  await until(() => attacker.designProvider.isSynced, 10_000, 'attacker sync');
  const maps = sharedMaps(attacker.design);
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('victim-kinesis', 'victim-s3', 'x', '__proto__', 'constructor'), hostileNode)), fc.array(fc.tuple(fc.string(), hostileEdge)), fc.jsonValue(), async (nodes, edges, meta) => {
      // Through JSON, as bytes on the wire would be (Yjs' own encoder refuses null-prototype objects).
      const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;
      attacker.design.transact(() => {
        for (const [id, v] of nodes) maps.nodes.set(id, plain(v));
        for (const [id, v] of edges) maps.edges.set(id, plain(v));
        maps.order.set('victim-s3', plain(meta));
        maps.meta.set('scenarioId', plain(meta));
      });
      await until(() => !attacker.hasUnsyncedChanges(), 5000, 'attacker update sent');
      // The victim has everything the attacker sent (or the server refused the rest: then it never will).
      const vector = (d: Y.Doc) => Y.encodeStateVector(d).join(',');
      await until(() => vector(victim.connection.design) === vector(attacker.design) || !attacker.designProvider.isSynced, 5000, 'victim received the update');
      await Promise.resolve(); // the binding reads in a microtask after the update
      const design = app.getState().design;
      expect(loadDesign(design, content.catalog).ok).toBe(true);
      expect(design.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['victim-kinesis', 'victim-s3']));
      for (const n of design.nodes) if (n.label !== undefined) expect(typeof n.label).toBe('string');
    }),
    { numRuns: 60 },
  );
  expect(victim.getState().problems.length).toBeGreaterThan(0);

  // 3. The victim still works: its edits reach a third, honest client.
  app.getState().dispatch({ type: 'setNodeLabel', nodeId: 'victim-kinesis', label: 'still here' });
  const third = client(server.url, room.candidate);
  await until(() => (third.design.getMap('nodes').get('victim-kinesis') as { label?: string } | undefined)?.label === 'still here', 10_000, 'edit after the attack');
  attacker.destroy();
  third.destroy();
  victim.getState().leave();
});

it('an update over the size limit is refused and the room is unchanged', { timeout: 30_000 }, async () => {
  const small = await startServer({ maxMessageBytes: 32 * 1024 });
  try {
    const room = await newRoom();
    const a = client(small.url, room.candidate);
    const b = client(small.url, room.candidate);
    await until(() => a.designProvider.isSynced && b.designProvider.isSynced, 10_000, 'sync');
    a.design.getMap('nodes').set('big', { id: 'big', label: 'x'.repeat(100 * 1024) });
    a.design.getMap('nodes').set('small', { id: 'small' });
    const fresh = client(small.url, room.candidate);
    await until(() => fresh.designProvider.isSynced, 10_000, 'fresh sync');
    // A marker written after the refused update: once b has it, b has had everything sent before.
    fresh.design.getMap('nodes').set('marker', { id: 'marker' });
    await until(() => b.design.getMap('nodes').has('marker'), 10_000, 'marker at b');
    expect(b.design.getMap('nodes').has('big')).toBe(false);
    expect(fresh.design.getMap('nodes').has('big')).toBe(false);
    for (const c of [a, b, fresh]) c.destroy();
  } finally {
    await small.stop();
    removeDir(small.dataDir);
  }
});
