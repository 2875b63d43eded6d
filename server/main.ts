/**
 * Runs the sync server alone (`npm run sync-server`; `npm start` runs it beside the app).
 *
 * Options (flag, else environment variable, else default):
 * - `--port` / `SYNC_PORT`: 1234
 * - `--host` / `SYNC_HOST`: 127.0.0.1
 * - `--data` / `SYNC_DATA_DIR`: `data/rooms` (created when missing)
 * - `--instance` / `SYNC_INSTANCE`: `main` (give each instance its own name when several share a data folder)
 * - `--redis` / `REDIS_URL`: none; `redis://host:port` to share rooms between instances
 * - `--max-message-bytes` / `SYNC_MAX_MESSAGE_BYTES`: 1048576
 *
 * Room ids and capability keys never reach the log (see server/log-scrub.ts).
 */
import { createSyncServer } from './sync-server.ts';

function option(flag: string, env: string, fallback: string): string;
function option(flag: string, env: string, fallback?: string): string | undefined;
function option(flag: string, env: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${flag}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  return process.env[env] || fallback;
}

const port = Number(option('port', 'SYNC_PORT', '1234'));
const host = option('host', 'SYNC_HOST', '127.0.0.1');
const dataDir = option('data', 'SYNC_DATA_DIR', 'data/rooms');
const instance = option('instance', 'SYNC_INSTANCE', 'main');
const redisUrl = option('redis', 'REDIS_URL');
const maxMessageBytes = Number(option('max-message-bytes', 'SYNC_MAX_MESSAGE_BYTES', '1048576'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: expected a port number 0-65535`);
  process.exit(2);
}
let redis: { host: string; port: number } | undefined;
if (redisUrl) {
  const u = new URL(redisUrl);
  redis = { host: u.hostname, port: Number(u.port || 6379) };
}

const sync = createSyncServer({ port, host, dataDir, instance, maxMessageBytes, ...(redis ? { redis } : {}), log: (m) => console.log(m) });
const actual = await sync.listen();
console.log(`Archboard sync server: ws://${host}:${actual} (data: ${dataDir}${redis ? `, redis: ${redis.host}:${redis.port}` : ''})`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await sync.destroy();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
