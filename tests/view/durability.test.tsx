/**
 * Nothing the user made is lost: a full localStorage (error toast offering an export, work kept in
 * memory), a version-1 document in storage (migrated and stored back as the current version), stored
 * data that cannot be read (kept aside across reloads; a second failure never overwrites the first).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readStoredDesign } from '../../src/adapters/persistence.ts';
import { DESIGN_VERSION } from '../../src/domain/design.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { App } from '../../src/view/App.tsx';
import { fixtureCatalog, fixtureContent } from './fixtures.ts';

const KEY = 'archboard:design:iot-5tb-day';
const KEPT = 'archboard:kept-aside:iot-5tb-day:';

function renderApp(storage: Storage = localStorage) {
  const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 20 });
  startGrading(store, inThreadAnalyser(fixtureContent()));
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, ...view };
}

/** Captures what the page offers for download (the text of each blob). */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), `blob:${blobs.length}`));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** A Storage that is full (every write throws QuotaExceededError) until `free()` is called. */
function fillableStorage() {
  const m = new Map<string, string>();
  let full = true;
  const storage: Storage = {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    removeItem: (k) => void m.delete(k),
    setItem(k, v) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      m.set(k, String(v));
    },
  };
  return { storage, free: () => (full = false) };
}

describe('storage full', () => {
  it('keeps a "Not saved" banner with Export while saves fail, and saves everything once space is freed', async () => {
    const { storage, free } = fillableStorage();
    const downloads = captureDownloads();
    const { store, user } = renderApp(storage);
    act(() => void store.getState().addService('amazon-s3', { x: 40, y: 40 }));
    const banner = await screen.findByRole('alert', { name: 'Not saved' });
    expect(banner).toHaveTextContent(/storage is full/);
    expect(banner).toHaveTextContent(/kept in this tab/);

    await user.click(within(banner).getByRole('button', { name: 'Export JSON' }));
    expect(downloads.names).toEqual(['iot-5tb-day-design.json']);
    const doc = JSON.parse(await downloads.blobs[0]!.text());
    expect(doc).toMatchObject({ format: 'archboard.design', version: DESIGN_VERSION, nodes: [{ service: 'amazon-s3' }] });

    // Every later edit keeps the banner up (it was a toast that went away, and later failures were silent).
    const attempts = vi.spyOn(storage, 'setItem');
    act(() => void store.getState().addService('amazon-s3', { x: 400, y: 40 }));
    await vi.waitFor(() => expect(attempts).toHaveBeenCalledWith(KEY, expect.stringMatching(/"x":\s*400/)));
    expect(screen.getAllByRole('alert', { name: 'Not saved' })).toHaveLength(1);

    free();
    await user.click(within(screen.getByRole('alert', { name: 'Not saved' })).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Not saved' })).toBeNull());
    expect(JSON.parse(storage.getItem(KEY)!).nodes).toHaveLength(2);
  });

  it('retries on its own until the write works', () => {
    vi.useFakeTimers();
    try {
      const { storage, free } = fillableStorage();
      const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 10 });
      store.getState().addService('amazon-s3', { x: 0, y: 0 });
      vi.advanceTimersByTime(20);
      expect(store.getState().saveProblem?.reason).toBe('quota');
      vi.advanceTimersByTime(5000);
      expect(store.getState().saveProblem).toBeDefined();
      free();
      vi.advanceTimersByTime(31_000);
      expect(store.getState().saveProblem).toBeUndefined();
      expect(JSON.parse(storage.getItem(KEY)!).nodes).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('stored data from an older version', () => {
  it('loads a version-1 document, migrated, and stores it back as the current version', async () => {
    const v1 = { format: 'archboard.design', version: 1, scenarioId: 'iot-5tb-day', nodes: [{ id: 'old', service: 'amazon-s3', label: 'From version 1', position: { x: 0, y: 0 } }], edges: [] };
    localStorage.setItem(KEY, JSON.stringify(v1));
    const { store, container } = renderApp();
    expect(store.getState().keptAside).toBeUndefined();
    expect(store.getState().design).toMatchObject({ version: DESIGN_VERSION, nodes: [{ id: 'old', label: 'From version 1' }] });
    await waitFor(() => expect(container.querySelector('.svc-label')).toHaveTextContent('From version 1'));
    const stored = JSON.parse(localStorage.getItem(KEY)!);
    expect(stored).toMatchObject({ version: DESIGN_VERSION, nodes: [{ id: 'old', label: 'From version 1', service: 'amazon-s3' }] });
  });
});

describe('stored data that cannot be read', () => {
  const broken = (n: number) => `{"format":"archboard.design","version":2,"nodes":[{"id":"a${n}","service":"no-such-service-${n}","position":{"x":0,"y":0}}],"edges":[]}`;

  it('stays kept aside and offered across a further reload, next to the design made since', async () => {
    localStorage.setItem(KEY, broken(1));
    const first = renderApp();
    expect(first.store.getState().keptAside?.raw).toBe(broken(1));
    act(() => void first.store.getState().addService('amazon-s3', { x: 0, y: 0 }));
    await waitFor(() => expect(localStorage.getItem(KEY)).not.toBeNull());
    first.unmount();

    const second = renderApp(); // the reload: still offered (it was offered once, then never again)
    expect(second.store.getState().design.nodes).toHaveLength(1);
    const kept = Object.keys(localStorage).filter((k) => k.startsWith(KEPT));
    expect(kept.map((k) => localStorage.getItem(k))).toEqual([broken(1)]);
    const banner = screen.getByRole('alert', { name: 'Recovered data' });
    expect(banner).toHaveTextContent(/unknown service "no-such-service-1"/);
    await second.user.click(within(banner).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('alert', { name: 'Recovered data' })).toBeNull();
    expect(Object.keys(localStorage).filter((k) => k.startsWith(KEPT))).toEqual([]);
  });

  it('repairs a stored design that breaks an invariant, keeps the original aside and lists the repairs', () => {
    const bad = {
      format: 'archboard.design',
      version: 2,
      scenarioId: 'iot-5tb-day',
      nodes: [
        { id: 'constructor', service: 'amazon-s3', position: { x: 1e300, y: 0 } },
        { id: 'toString', service: 'amazon-kinesis-data-streams', position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'toString', target: 'constructor' },
        { id: 'e2', source: 'toString', target: 'constructor' },
      ],
    };
    localStorage.setItem(KEY, JSON.stringify(bad));
    const { store } = renderApp();
    expect(store.getState().design.nodes.map((n) => n.id)).toEqual(['constructor', 'toString']);
    expect(store.getState().design.edges.map((e) => e.id)).toEqual(['e1']);
    const [rec] = store.getState().recovered;
    expect(rec!.problems.map((p) => p.path)).toEqual(['$.nodes[0].position', '$.edges[1]']);
    expect(JSON.parse(localStorage.getItem(rec!.key)!)).toEqual(bad);
  });

  it('loads a stored design whose setting uses an enum option the catalog no longer offers: that setting is repaired and listed, the rest kept', async () => {
    // The catalog dropped "on-demand" from the stream's capacity modes after this design was saved.
    const stored = {
      format: 'archboard.design',
      version: 2,
      scenarioId: 'iot-5tb-day',
      nodes: [
        { id: 'devices', service: 'iot-devices', position: { x: 0, y: 0 } },
        { id: 'stream', service: 'amazon-kinesis-data-streams', position: { x: 300, y: 0 }, label: 'Telemetry', settings: { capacityMode: 'dedicated', shardCount: 8 } },
      ],
      edges: [{ id: 'e1', source: 'devices', target: 'stream' }],
    };
    localStorage.setItem(KEY, JSON.stringify(stored));
    const { store } = renderApp();
    const { design, recovered } = store.getState();
    expect(design.nodes.map((n) => n.id)).toEqual(['devices', 'stream']);
    const stream = design.nodes.find((n) => n.id === 'stream')!;
    expect(stream.label).toBe('Telemetry');
    expect(stream.settings).toEqual({ shardCount: 8 });
    expect(design.edges.map((e) => e.id)).toEqual(['e1']);
    // The repair is listed with its place; the original is kept aside, word for word.
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.problems).toEqual([{ path: '$.nodes[1].settings.capacityMode', message: '"capacityMode" was "dedicated" (expected one of provisioned, on-demand): set back to the default, "provisioned"' }]);
    expect(JSON.parse(localStorage.getItem(recovered[0]!.key)!)).toEqual(stored);
    // The banner says so; the repaired design is what is stored now.
    expect(await screen.findByText(/repaired/i)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(KEY)!).nodes[1].settings).toEqual({ shardCount: 8 });
  });

  it('never overwrites data kept aside earlier, even within the same millisecond', () => {
    const catalog = fixtureCatalog();
    const sameMs = () => 1_700_000_000_000;
    localStorage.setItem(KEY, broken(1));
    const a = readStoredDesign(localStorage, 'iot-5tb-day', catalog, sameMs);
    localStorage.setItem(KEY, broken(2));
    const b = readStoredDesign(localStorage, 'iot-5tb-day', catalog, sameMs);
    expect(a.keptAside?.key).toBeDefined();
    expect(b.keptAside?.key).toBeDefined();
    expect(b.keptAside!.key).not.toBe(a.keptAside!.key);
    expect(localStorage.getItem(a.keptAside!.key!)).toBe(broken(1));
    expect(localStorage.getItem(b.keptAside!.key!)).toBe(broken(2));
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
