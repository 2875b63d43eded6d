/**
 * Keeps room ids and capability keys out of the server's logs. Hocuspocus logs some errors with the
 * document name (the room id), e.g. when it closes a connection that sent a malformed update; the
 * sync server therefore routes the process' console through `scrubSecrets`, which replaces every
 * id-like string (20 or more base64url characters: room ids are 24, keys 43, data file stems 64) with
 * `[redacted]`.
 */
import { format } from 'node:util';

/** The text with id-like strings replaced by `[redacted]`. */
export function scrubSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{20,}/g, '[redacted]');
}

let installed = false;

/** Routes console.log/info/debug (stdout) and warn/error (stderr) through `scrubSecrets`; idempotent. */
export function installLogScrubber(): void {
  if (installed) return;
  installed = true;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const out = method === 'warn' || method === 'error' ? process.stderr : process.stdout;
    console[method] = (...args: unknown[]) => void out.write(scrubSecrets(format(...args)) + '\n');
  }
}
