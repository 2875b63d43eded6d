/**
 * The browser storage designs, practice records, progress and preferences live in: IndexedDB (through
 * `idb-keyval`, database `archboard`, object store `records`, one record per key with the same keys
 * and text values as before), behind a synchronous Web Storage face (`DurableStorage implements
 * Storage`), so the stores keep reading and writing as they did with localStorage.
 *
 * - Opening reads every record once into memory; reads are then served from memory.
 * - Every write goes to memory at once and to IndexedDB in the background. A write that fails (quota
 *   exceeded, storage disabled) is kept pending and retried, 1 s, 2 s, 4 s ... up to every 30 s, and
 *   at once when `retryNow` is called, until it works: the latest value of every key is written, so
 *   nothing is lost once space is freed. `status` says whether everything is written.
 * - One-time migration: on the first open, every `archboard:*` key in localStorage is copied into
 *   IndexedDB; once the copy is written, the marker `archboard:meta:migrated` is set and the copied
 *   keys are removed from localStorage (a failed copy leaves localStorage as it was and is retried at
 *   the next start).
 * - A write-ahead journal: what is not yet confirmed written to IndexedDB is also kept in
 *   localStorage under `archboard:journal` (synchronously, best effort), because a write started as
 *   the page goes away (a reload right after typing) may never finish. Opening applies the journal
 *   over what IndexedDB holds, writes it through, then drops it. A value longer than
 *   `JOURNAL_MAX_VALUE_CHARS` (a design of some 2,000 services) joins the journal only once the page
 *   is going away (`pagehide`): copying it into localStorage on every save took 170 ms at 20,000
 *   services, and localStorage's quota refuses the largest anyway.
 * - Without IndexedDB (an old or locked-down browser), `openStorage` falls back to localStorage,
 *   whose failing writes the saver reports and retries (see persistence.ts).
 */
import { createStore, del, entries, setMany, delMany, type UseStore } from 'idb-keyval';

/** Where the records are written: an async key-value store (IndexedDB in the app, memory in tests). */
export interface KeyValueBackend {
  /** Every record, as [key, text]. */
  entries(): Promise<[string, string][]>;
  /** Writes and deletes in one go (`null` deletes). */
  write(changes: ReadonlyMap<string, string | null>): Promise<void>;
}

/** Whether everything is written (`saved`), being written, or failing (with why and since when, epoch ms). */
export type StorageStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failing'; reason: 'quota' | 'other'; since: number; attempts: number };

/** The marker set once localStorage has been copied into IndexedDB. */
export const MIGRATED_KEY = 'archboard:meta:migrated';
/** The localStorage key of the write-ahead journal. */
export const JOURNAL_KEY = 'archboard:journal';
/** Longest value (UTF-16 code units) journaled while the page is shown; see the module comment. */
export const JOURNAL_MAX_VALUE_CHARS = 500_000;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000, 30000];

/** An IndexedDB backend through idb-keyval (database `archboard`, store `records`). */
export function indexedDbBackend(dbName = 'archboard', storeName = 'records'): KeyValueBackend {
  const store: UseStore = createStore(dbName, storeName);
  return {
    async entries() {
      const all = await entries<IDBValidKey, unknown>(store);
      return all.flatMap(([k, v]) => (typeof k === 'string' && typeof v === 'string' ? [[k, v] as [string, string]] : []));
    },
    async write(changes) {
      const sets: [string, string][] = [];
      const dels: string[] = [];
      for (const [k, v] of changes) v === null ? dels.push(k) : sets.push([k, v]);
      if (sets.length) await setMany(sets, store);
      if (dels.length === 1) await del(dels[0]!, store);
      else if (dels.length) await delMany(dels, store);
    },
  };
}

/**
 * Web Storage over a `KeyValueBackend`: synchronous reads and writes in memory, written through in
 * the background with retries. Keys are data (a `Map`), never object members.
 */
export class DurableStorage implements Storage {
  private readonly data = new Map<string, string>();
  private readonly pending = new Map<string, string | null>();
  /** The batch being written now. */
  private inflight = new Map<string, string | null>();
  private journal: Storage | undefined;
  /** Set from `pagehide` until the page is shown again (back-forward cache): every value is journaled. */
  private leaving = false;
  private writing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private current: StorageStatus = { state: 'saved' };
  private readonly listeners = new Set<(s: StorageStatus) => void>();

  private constructor(
    private readonly backend: KeyValueBackend,
    initial: Iterable<[string, string]>,
  ) {
    for (const [k, v] of initial) this.data.set(k, v);
  }

  /**
   * Opens the storage: reads every record; on the first open, copies localStorage's `archboard:*` keys
   * in (see the module comment). Never throws: a backend that cannot be read rejects, for the caller
   * to fall back.
   * @param legacy localStorage, to migrate from (optional)
   */
  static async open(backend: KeyValueBackend, legacy?: Storage): Promise<DurableStorage> {
    const stored = await backend.entries();
    const storage = new DurableStorage(backend, stored);
    storage.journal = legacy;
    // A capturing listener runs before the page's other `pagehide` listeners (the saver's flush among them).
    if (legacy && typeof addEventListener === 'function') {
      addEventListener(
        'pagehide',
        () => {
          storage.leaving = true;
          storage.writeJournal();
        },
        { capture: true },
      );
      addEventListener('pageshow', () => (storage.leaving = false));
    }
    // What the last page wrote but IndexedDB may not have: newer than what IndexedDB holds.
    let journal: [string, string | null][] = [];
    try {
      const raw = legacy?.getItem(JOURNAL_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) journal = parsed.filter((e): e is [string, string | null] => Array.isArray(e) && typeof e[0] === 'string' && (typeof e[1] === 'string' || e[1] === null));
    } catch {
      journal = [];
    }
    if (legacy && !storage.data.has(MIGRATED_KEY)) await storage.migrateFrom(legacy);
    for (const [k, v] of journal) v === null ? storage.removeItem(k) : storage.setItem(k, v);
    return storage;
  }

  private async migrateFrom(legacy: Storage): Promise<void> {
    const copied = new Map<string, string>();
    try {
      for (let i = 0; i < legacy.length; i++) {
        const key = legacy.key(i);
        if (key === null || !key.startsWith('archboard:') || key === JOURNAL_KEY || this.data.has(key)) continue;
        const value = legacy.getItem(key);
        if (value !== null) copied.set(key, value);
      }
    } catch {
      return; // localStorage not readable: nothing to migrate
    }
    const changes = new Map<string, string | null>(copied);
    changes.set(MIGRATED_KEY, new Date().toISOString());
    try {
      await this.backend.write(changes);
    } catch {
      // Not written: keep using the copies in memory and leave localStorage as it is (tried again next start).
      for (const [k, v] of copied) this.data.set(k, v);
      return;
    }
    for (const [k, v] of changes) if (v !== null) this.data.set(k, v);
    try {
      for (const k of copied.keys()) legacy.removeItem(k);
    } catch {
      /* the copies are safe in IndexedDB; leftovers are ignored (the marker is set) */
    }
  }

  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    let i = 0;
    for (const k of this.data.keys()) if (i++ === index) return k;
    return null;
  }
  getItem(key: string): string | null {
    return this.data.get(String(key)) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(String(key), String(value));
    this.queue(String(key), String(value));
  }
  removeItem(key: string): void {
    if (!this.data.delete(String(key))) return;
    this.queue(String(key), null);
  }
  clear(): void {
    for (const k of [...this.data.keys()]) this.removeItem(k);
  }
  /** Every key (in insertion order). */
  keys(): string[] {
    return [...this.data.keys()];
  }

  /** The write status now. */
  get status(): StorageStatus {
    return this.current;
  }
  /** Calls `listener` on every change of status; returns the unsubscribe function. */
  onStatus(listener: (s: StorageStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Tries the pending writes now (the banner's "Try again"). */
  retryNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    void this.flush();
  }
  /** Resolves once nothing is pending or being written (or the last attempt failed). */
  async settled(): Promise<StorageStatus> {
    while (this.writing) await this.writing;
    return this.current;
  }

  private queue(key: string, value: string | null) {
    this.pending.set(key, value);
    this.writeJournal();
    if (this.current.state === 'saved') this.setStatus({ state: 'saving' });
    // While failing, the next try comes from the retry timer; otherwise write in the next task, one
    // batch for every change until then: the copy IndexedDB makes of a 200-node design (about 2 ms)
    // stays out of the event that made the change, whose feedback is due in the same frame.
    if (this.current.state !== 'failing' && !this.writing) this.writing = new Promise((resolve) => setTimeout(resolve, 0)).then(() => this.writeBatch());
  }

  private async flush(): Promise<void> {
    if (this.writing) return this.writing;
    if (!this.pending.size) return;
    this.writing = this.writeBatch();
    return this.writing;
  }

  /**
   * Keeps what is not confirmed written in localStorage (best effort: a full localStorage skips it);
   * values longer than `JOURNAL_MAX_VALUE_CHARS` only while the page is going away.
   */
  private writeJournal() {
    if (!this.journal) return;
    try {
      const unconfirmed = [...new Map([...this.inflight, ...this.pending])];
      const kept = this.leaving ? unconfirmed : unconfirmed.filter(([, v]) => v === null || v.length <= JOURNAL_MAX_VALUE_CHARS);
      if (!kept.length) this.journal.removeItem(JOURNAL_KEY);
      else this.journal.setItem(JOURNAL_KEY, JSON.stringify(kept));
    } catch {
      /* IndexedDB still gets the write; only a reload in the same instant could lose it */
    }
  }

  private async writeBatch(): Promise<void> {
    const batch = new Map(this.pending);
    this.pending.clear();
    this.inflight = batch;
    try {
      await this.backend.write(batch);
      this.failures = 0;
      this.writing = undefined;
      this.inflight = new Map();
      this.writeJournal();
      if (this.pending.size) {
        this.writing = this.writeBatch();
        return;
      }
      this.setStatus({ state: 'saved' });
    } catch (e) {
      // Keep what failed, unless a newer value came meanwhile.
      for (const [k, v] of batch) if (!this.pending.has(k)) this.pending.set(k, v);
      this.inflight = new Map();
      this.failures++;
      const prev = this.current;
      this.setStatus({ state: 'failing', reason: isQuotaError(e) ? 'quota' : 'other', since: prev.state === 'failing' ? prev.since : Date.now(), attempts: this.failures });
      this.writing = undefined;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          void this.flush();
        },
        RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)],
      );
    }
  }

  private setStatus(s: StorageStatus) {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}

/** A backend in memory (tests; a browser without IndexedDB keeps working through the fallback instead). */
export function memoryBackend(): KeyValueBackend & { records: Map<string, string>; failWith: unknown } {
  const records = new Map<string, string>();
  const backend = {
    records,
    failWith: undefined as unknown,
    async entries() {
      return [...records];
    },
    async write(changes: ReadonlyMap<string, string | null>) {
      if (backend.failWith !== undefined) throw backend.failWith;
      for (const [k, v] of changes) v === null ? records.delete(k) : records.set(k, v);
    },
  };
  return backend;
}

/** Whether an exception from `setItem` (or an IndexedDB write) is the storage quota being exceeded. */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
  const err = e as DOMException;
  return err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014;
}

let opened: Promise<{ storage: Storage | undefined; durable: DurableStorage | undefined }> | undefined;

/**
 * The app's storage: IndexedDB with the localStorage migration, or localStorage itself when
 * IndexedDB cannot be opened, or undefined (memory only) when neither works. Opened once per page:
 * later calls return the same promise, so the page can start opening it before the rest of its code
 * has loaded (src/adapters/storage-early.ts) and read it when it needs it.
 */
export function openStorage(): Promise<{ storage: Storage | undefined; durable: DurableStorage | undefined }> {
  return (opened ??= openNow());
}

async function openNow(): Promise<{ storage: Storage | undefined; durable: DurableStorage | undefined }> {
  let legacy: Storage | undefined;
  try {
    legacy = window.localStorage;
    legacy.getItem('archboard:probe');
  } catch {
    legacy = undefined;
  }
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const durable = await DurableStorage.open(indexedDbBackend(), legacy);
    return { storage: durable, durable };
  } catch {
    return { storage: legacy, durable: undefined };
  }
}
