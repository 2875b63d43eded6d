/**
 * DurableStorage (adapters/storage.ts): IndexedDB through idb-keyval (fake-indexeddb here), the
 * one-time migration from localStorage, and writes that fail being retried until they work.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DurableStorage, indexedDbBackend, JOURNAL_KEY, JOURNAL_MAX_VALUE_CHARS, memoryBackend, MIGRATED_KEY, type KeyValueBackend } from '../../src/adapters/storage.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { fixtureContent } from './fixtures.ts';

const KEY = 'archboard:design:iot-5tb-day';
let db = 0;
const fresh = () => indexedDbBackend(`archboard-test-${++db}`, 'records');

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

describe('DurableStorage on IndexedDB', () => {
  it('migrates localStorage once, then reads from IndexedDB after a reload', async () => {
    localStorage.setItem(KEY, '{"a":1}');
    localStorage.setItem('archboard:pref:theme', 'dark');
    localStorage.setItem('other-site', 'x');
    const backend = fresh();
    const first = await DurableStorage.open(backend, localStorage);
    expect(first.getItem(KEY)).toBe('{"a":1}');
    expect(first.getItem(MIGRATED_KEY)).not.toBeNull();
    // Moved, not copied: localStorage keeps only what is not Archboard's.
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(localStorage.getItem('other-site')).toBe('x');
    first.setItem(KEY, '{"a":2}');
    await first.settled();
    // Something written to localStorage later (an old tab) is not migrated again over newer data.
    localStorage.setItem(KEY, '{"stale":true}');
    const second = await DurableStorage.open(backend, localStorage);
    expect(second.getItem(KEY)).toBe('{"a":2}');
    expect(second.getItem('archboard:pref:theme')).toBe('dark');
  });

  it('a design saved through the app store survives a reload', async () => {
    const backend = fresh();
    const storage = await DurableStorage.open(backend);
    const store = createAppStore({ content: fixtureContent(), storage, durable: storage, saveDelayMs: 0 });
    store.getState().addService('amazon-s3', { x: 10, y: 20 });
    store.saver.flush();
    await storage.settled();
    const again = createAppStore({ content: fixtureContent(), storage: await DurableStorage.open(backend) });
    expect(again.getState().design.nodes).toMatchObject([{ service: 'amazon-s3', position: { x: 10, y: 20 } }]);
  });
});

describe('DurableStorage when writes fail', () => {
  it('reports failing, keeps retrying, and writes the latest value once space is freed', async () => {
    vi.useFakeTimers();
    const backend = memoryBackend();
    const storage = await DurableStorage.open(backend);
    const store = createAppStore({ content: fixtureContent(), storage, durable: storage, saveDelayMs: 0 });
    backend.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    store.getState().addService('amazon-s3', { x: 0, y: 0 });
    store.saver.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.status).toMatchObject({ state: 'failing', reason: 'quota' });
    expect(store.getState().saveProblem?.reason).toBe('quota');
    // More edits while failing: still in memory, still not saved.
    store.getState().addService('amazon-s3', { x: 300, y: 0 });
    store.saver.flush();
    await vi.advanceTimersByTimeAsync(8000);
    expect(store.getState().saveProblem).toBeDefined();
    expect(backend.records.has(KEY)).toBe(false);
    backend.failWith = undefined;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(storage.status.state).toBe('saved');
    expect(store.getState().saveProblem).toBeUndefined();
    expect(JSON.parse(backend.records.get(KEY)!).nodes).toHaveLength(2);
  });
});

describe('the write-ahead journal (writes that never finish, as when the page goes away)', () => {
  /** A backend (already migrated to) whose writes never complete: what a page being unloaded gets. */
  const stuck = (): KeyValueBackend => ({ entries: async () => [[MIGRATED_KEY, '2026-12-04']], write: () => new Promise<void>(() => undefined) });

  it('a value written as the page goes away comes back at the next open', async () => {
    const storage = await DurableStorage.open(stuck(), localStorage);
    storage.setItem(KEY, '{"typed":"just now"}');
    const next = await DurableStorage.open(memoryBackend(), localStorage);
    expect(next.getItem(KEY)).toBe('{"typed":"just now"}');
  });

  it('a long value is copied into the journal only once the page is going away, then comes back', async () => {
    const long = `{"nodes":"${'x'.repeat(JOURNAL_MAX_VALUE_CHARS)}"}`;
    const storage = await DurableStorage.open(stuck(), localStorage);
    storage.setItem('archboard:pref:theme', 'dark');
    storage.setItem(KEY, long);
    // While the page is shown only the short value is journaled (no copy of the long one per save).
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY)!)).toEqual([['archboard:pref:theme', 'dark']]);
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY)!).map(([k]: [string]) => k)).toEqual(['archboard:pref:theme', KEY]);
    const next = await DurableStorage.open(memoryBackend(), localStorage);
    expect(next.getItem(KEY)).toBe(long);
    window.dispatchEvent(new Event('pageshow'));
  });
});
