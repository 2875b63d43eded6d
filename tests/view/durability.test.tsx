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
import { App } from '../../src/view/App.tsx';
import { fixtureCatalog, fixtureContent, fullStorage } from './fixtures.ts';

const KEY = 'archboard:design:iot-5tb-day';
const KEPT = 'archboard:kept-aside:iot-5tb-day:';

function renderApp(storage: Storage = localStorage) {
  const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 20 });
  startGrading(store);
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

describe('a full localStorage', () => {
  it('shows the quota error with an Export JSON action that downloads the design kept in memory', async () => {
    const full = fullStorage();
    const downloads = captureDownloads();
    const { store, user } = renderApp(full);
    act(() => void store.getState().addService('amazon-s3', { x: 40, y: 40 }));
    const toast = (await screen.findByText(/Could not save: storage full/)).closest('.toast') as HTMLElement;
    expect(toast).toHaveAttribute('role', 'alert');
    expect(toast).toHaveTextContent('Your work is kept in memory');

    await user.click(within(toast).getByRole('button', { name: 'Export JSON' }));
    expect(downloads.names).toEqual(['iot-5tb-day-design.json']);
    const doc = JSON.parse(await downloads.blobs[0]!.text());
    expect(doc).toMatchObject({ format: 'archboard.design', version: DESIGN_VERSION, nodes: [{ service: 'amazon-s3' }] });
    expect(store.getState().design.nodes).toHaveLength(1);

    // Later edits keep working in memory; the error is not repeated for each one.
    const attempts = vi.spyOn(full, 'setItem');
    act(() => void store.getState().addService('amazon-s3', { x: 400, y: 40 }));
    await vi.waitFor(() => expect(attempts).toHaveBeenCalledWith(KEY, expect.stringContaining('"amazon-s3"')));
    expect(screen.getAllByText(/Could not save: storage full/)).toHaveLength(1);
    expect(store.getState().design.nodes).toHaveLength(2);
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

  it('stays kept aside across a further reload, next to the design made since', async () => {
    localStorage.setItem(KEY, broken(1));
    const first = renderApp();
    expect(first.store.getState().keptAside?.raw).toBe(broken(1));
    act(() => void first.store.getState().addService('amazon-s3', { x: 0, y: 0 }));
    await waitFor(() => expect(localStorage.getItem(KEY)).not.toBeNull());
    first.unmount();

    const second = renderApp(); // the reload
    expect(second.store.getState().design.nodes).toHaveLength(1);
    const kept = Object.keys(localStorage).filter((k) => k.startsWith(KEPT));
    expect(kept.map((k) => localStorage.getItem(k))).toEqual([broken(1)]);
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
