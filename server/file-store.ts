/**
 * Room persistence on disk, without native code: Hocuspocus' Database extension with a store of our
 * own. Per room and per server instance there are two files in the data folder, named by the SHA-256
 * of the document name (so a directory listing reveals no room id):
 * - `<hash>.<instance>.log`: every update this instance saw, appended as it happens (4-byte length,
 *   then the Yjs update), so a process that is killed loses nothing it had acknowledged to the OS;
 * - `<hash>.<instance>.snap`: the whole document (Yjs state), written when Hocuspocus stores the
 *   document (debounced); the instance's log is emptied right after.
 * Loading merges every instance's snapshot and log (Yjs updates are idempotent and commute), so
 * several instances may share one data folder without overwriting each other's files. A torn last
 * record (a crash mid-write) or an unreadable update is skipped, never fatal.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, truncateSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import type { onChangePayload } from '@hocuspocus/server';
import * as Y from 'yjs';

export interface FileStoreOptions {
  /** The data folder (created when missing). */
  dir: string;
  /** This instance's name in file names (letters, digits, `-`, `_`); stable across restarts. */
  instance: string;
}

/** The file-name stem of a document: hex SHA-256 of its name. */
export function documentFileStem(documentName: string): string {
  return createHash('sha256').update(documentName).digest('hex');
}

/** Reads a log file's records; a torn last record is dropped. */
function readLog(path: string): Uint8Array[] {
  const buf = readFileSync(path);
  const out: Uint8Array[] = [];
  for (let at = 0; at + 4 <= buf.length; ) {
    const len = buf.readUInt32LE(at);
    if (at + 4 + len > buf.length) break;
    out.push(new Uint8Array(buf.buffer, buf.byteOffset + at + 4, len));
    at += 4 + len;
  }
  return out;
}

/** Reads every update stored for a document (all instances), merged into one; null when none. */
export function readStoredDocument(dir: string, documentName: string): Uint8Array | null {
  if (!existsSync(dir)) return null;
  const stem = documentFileStem(documentName);
  const files = readdirSync(dir).filter((f) => f.startsWith(`${stem}.`) && (f.endsWith('.snap') || f.endsWith('.log')));
  if (!files.length) return null;
  const doc = new Y.Doc();
  for (const f of files.sort((a, b) => Number(b.endsWith('.snap')) - Number(a.endsWith('.snap')))) {
    const updates = f.endsWith('.snap') ? [readFileSync(join(dir, f))] : readLog(join(dir, f));
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u);
      } catch {
        /* an unreadable record: skipped (the rest of the room still loads) */
      }
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Hocuspocus' Database extension storing rooms as files (see the file comment). */
export class FileStore extends Database {
  private readonly dir: string;
  private readonly instance: string;

  constructor({ dir, instance }: FileStoreOptions) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(instance)) throw new Error('instance name: 1-64 letters, digits, "-" or "_"');
    mkdirSync(dir, { recursive: true });
    super({
      fetch: async ({ documentName }) => readStoredDocument(dir, documentName),
      store: async ({ documentName, state }) => {
        const base = join(dir, `${documentFileStem(documentName)}.${instance}`);
        // Synchronous from here: no update can be logged between writing the snapshot and emptying the log.
        writeFileSync(`${base}.snap.tmp`, state);
        renameSync(`${base}.snap.tmp`, `${base}.snap`);
        if (existsSync(`${base}.log`)) truncateSync(`${base}.log`, 0);
      },
    });
    this.dir = dir;
    this.instance = instance;
  }

  /** Appends each update to this instance's log as it happens. */
  async onChange({ documentName, update }: onChangePayload): Promise<void> {
    const head = Buffer.alloc(4);
    head.writeUInt32LE(update.length, 0);
    appendFileSync(join(this.dir, `${documentFileStem(documentName)}.${this.instance}.log`), Buffer.concat([head, update]));
  }
}
