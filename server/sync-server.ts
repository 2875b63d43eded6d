/**
 * The Archboard sync server: Hocuspocus (Yjs over WebSocket) with
 * - `onAuthenticate` deciding each connection's role from the room link (see src/domain/room.ts): a
 *   key whose SHA-256 gives the room id is the interviewer; anything else on a well-formed room id is the
 *   candidate. The candidate is refused the `<room>/interviewer` document and reads `<room>/control`
 *   read-only (Hocuspocus drops a read-only connection's updates);
 * - a size limit on every WebSocket message (`maxPayload`; a bigger one closes the connection, 1009)
 *   and a rate limit per connection (token bucket on messages and bytes; over it, the connection is
 *   closed with 4429 and the client reconnects and resyncs);
 * - room persistence in files (server/file-store.ts) and, optionally, Hocuspocus' Redis extension so
 *   several instances serve the same rooms.
 * The server never logs a document name or token itself, and routes the console through
 * server/log-scrub.ts, since Hocuspocus logs some errors with the document name.
 */
import { Redis } from '@hocuspocus/extension-redis';
import type { ListenOptions } from 'node:net';
import { Server, type Extension, type beforeHandleMessagePayload, type onAuthenticatePayload } from '@hocuspocus/server';
import { isRoomKey, parseRoomDocumentName, roomIdForKey, type RoomRole } from '../src/domain/room.ts';
import { FileStore } from './file-store.ts';
import { installLogScrubber } from './log-scrub.ts';

export interface RateLimit {
  /** Messages per second, sustained. */
  messagesPerSecond: number;
  /** Messages allowed in a burst. */
  burstMessages: number;
  /** Bytes per second, sustained. */
  bytesPerSecond: number;
  /** Bytes allowed in a burst. */
  burstBytes: number;
}

export interface SyncServerOptions {
  /** TCP port; 0 picks a free one (read it from `listen()`'s result). */
  port: number;
  /** Interface to listen on; 127.0.0.1 unless deployed behind a proxy. */
  host?: string;
  /** Data folder for rooms (see server/file-store.ts). */
  dataDir: string;
  /** This instance's name in data file names and Redis messages (default `main`). */
  instance?: string;
  /** Redis for several instances (`{ host, port }`); none for one instance. */
  redis?: { host: string; port: number };
  /** Largest WebSocket message in bytes (default 1 MiB); a Yjs update travels in one message. */
  maxMessageBytes?: number;
  rateLimit?: Partial<RateLimit>;
  /** Delay before a changed room is snapshotted, ms (default 1000; every update is logged at once anyway). */
  storeDebounceMs?: number;
  /** Where the server reports refusals (never with a token or room id). */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
/**
 * Defaults sized for two people editing and moving cursors (estimate: a cursor update every 50 ms is 20
 * messages/s per person, an edit a few more; a 200-node design's first sync is about 60 KB).
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { messagesPerSecond: 100, burstMessages: 400, bytesPerSecond: 512 * 1024, burstBytes: 4 * 1024 * 1024 };

/** Close code for a connection over its rate limit. */
export const RATE_LIMITED = { code: 4429, reason: 'rate-limited' };

export interface SyncServer {
  readonly server: Server;
  /** Starts listening; resolves with the port. */
  listen(): Promise<number>;
  /** Stores every open room and stops. */
  destroy(): Promise<void>;
}

interface Bucket {
  messages: number;
  bytes: number;
  at: number;
}

/** Creates (does not start) a sync server. */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  installLogScrubber();
  const limit: RateLimit = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const log = options.log ?? (() => {});
  const buckets = new WeakMap<object, Bucket>();
  const instance = options.instance ?? 'main';

  const rooms: Extension = {
    extensionName: 'archboard-rooms',
    async onAuthenticate({ documentName, token, connectionConfig }: onAuthenticatePayload): Promise<{ role: RoomRole }> {
      const doc = parseRoomDocumentName(documentName);
      if (!doc) {
        log('refused a connection: not a room document');
        throw Object.assign(new Error('not a room'), { reason: 'not-a-room' });
      }
      const role: RoomRole = isRoomKey(token) && (await roomIdForKey(token)) === doc.roomId ? 'interviewer' : 'candidate';
      if (doc.channel === 'interviewer' && role !== 'interviewer') {
        log('refused a candidate connection to an interviewer channel');
        throw Object.assign(new Error('interviewer only'), { reason: 'interviewer-only' });
      }
      if (doc.channel === 'control' && role !== 'interviewer') connectionConfig.readOnly = true;
      return { role };
    },
    async beforeHandleMessage({ connection, update }: beforeHandleMessagePayload): Promise<void> {
      const now = Date.now();
      const b = buckets.get(connection) ?? { messages: limit.burstMessages, bytes: limit.burstBytes, at: now };
      const dt = (now - b.at) / 1000;
      b.messages = Math.min(limit.burstMessages, b.messages + dt * limit.messagesPerSecond) - 1;
      b.bytes = Math.min(limit.burstBytes, b.bytes + dt * limit.bytesPerSecond) - update.length;
      b.at = now;
      buckets.set(connection, b);
      if (b.messages < 0 || b.bytes < 0) {
        log('closed a connection over its rate limit');
        // Close the whole socket (not just this document) so the client reconnects and resyncs.
        connection.webSocket.close(RATE_LIMITED.code, RATE_LIMITED.reason);
        throw Object.assign(new Error('rate limited'), RATE_LIMITED);
      }
    },
  };

  const extensions: Extension[] = [rooms, new FileStore({ dir: options.dataDir, instance })];
  if (options.redis)
    extensions.push(
      new Redis({
        host: options.redis.host,
        port: options.redis.port,
        identifier: instance,
        prefix: 'archboard',
        // ioredis 5.8 can send CLIENT SETINFO after SUBSCRIBE on the subscriber connection (redis/ioredis#2037).
        options: { disableClientInfo: true },
      }),
    );

  const server = new Server(
    {
      name: instance,
      port: options.port,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDebounceMs ?? 1000,
      maxDebounce: 10_000,
      extensions,
    },
    { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  );

  // Hocuspocus 3.4.4 passes `{ port, address }` to http.Server#listen, which reads `host`, so it would
  // listen on every interface; listen on the configured host only.
  const host = options.host ?? '127.0.0.1';
  const listenHttp = server.httpServer.listen.bind(server.httpServer) as (options: ListenOptions, cb: () => void) => unknown;
  (server.httpServer as unknown as { listen: (options: ListenOptions, cb: () => void) => unknown }).listen = (opts, cb) => listenHttp({ port: opts.port, host }, cb);

  return {
    server,
    async listen() {
      await server.listen();
      const address = server.httpServer.address();
      return typeof address === 'object' && address ? address.port : options.port;
    },
    async destroy() {
      await server.destroy();
    },
  };
}
