/**
 * The sync server for bench/sync.bench.ts, in a process of its own so that its memory is measured
 * alone: started with `node --expose-gc --import tsx`, it listens on 127.0.0.1 (port from argv), and
 * answers the IPC message `'memory'` with `process.memoryUsage()` taken after a full GC, and
 * `'rooms'` with the number of documents loaded.
 */
import { createSyncServer } from '../server/sync-server.ts';

const [port, dataDir] = [Number(process.argv[2]), process.argv[3]!];
const sync = createSyncServer({ port, dataDir, rateLimit: { messagesPerSecond: 1e6, burstMessages: 1e7, bytesPerSecond: 1e12, burstBytes: 1e12 } });
const actual = await sync.listen();
process.on('message', (m) => {
  if (m === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ memory: process.memoryUsage() });
  } else if (m === 'rooms') process.send!({ rooms: sync.server.hocuspocus.getDocumentsCount() });
  else if (m === 'stop') void sync.destroy().then(() => process.exit(0));
});
process.send!({ ready: actual });
