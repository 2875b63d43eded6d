import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { App } from '../../src/view/App.tsx';
import { fixtureContent, fullStorage } from './fixtures.ts';
import { DESIGN_VERSION } from '../../src/domain/design.ts';
import { holdPanesUntilCanvas, usePaneUi } from '../../src/view/pane-ui.ts';

function renderApp({ storage = window.localStorage as Storage | undefined } = {}) {
  const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 20 });
  const stop = startGrading(store, inThreadAnalyser(fixtureContent()));
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, stop, ...view };
}

const palette = () => screen.getByRole('complementary', { name: 'Services' });
const paletteItems = () =>
  within(palette())
    .queryAllByRole('button')
    .filter((b) => b.classList.contains('palette-item'));

describe('palette', () => {
  it('filters services by the search text', async () => {
    const { user } = renderApp();
    expect(paletteItems()).toHaveLength(4);
    await user.type(within(palette()).getByRole('searchbox', { name: 'Search services' }), 'shards');
    expect(paletteItems().map((b) => b.dataset.service)).toEqual(['amazon-kinesis-data-streams']);
    await user.clear(within(palette()).getByRole('searchbox'));
    await user.type(within(palette()).getByRole('searchbox'), 'no such thing');
    expect(paletteItems()).toHaveLength(0);
    expect(within(palette()).getByText(/No service matches/)).toBeInTheDocument();
  });

  it('adds the focused service to the canvas with Enter, moving between items with the arrow keys', async () => {
    const { user, store } = renderApp();
    paletteItems()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-service', 'amazon-kinesis-data-streams');
    await user.keyboard('{Enter}');
    expect(store.getState().design.nodes.map((n) => n.service)).toEqual(['amazon-kinesis-data-streams']);
    const canvas = screen.getByTestId('canvas');
    await waitFor(() => expect(canvas.querySelector('[data-service="amazon-kinesis-data-streams"]')).not.toBeNull());
    expect(within(canvas).getByText('Kinesis Data Streams')).toBeInTheDocument();
    // The new node is selected and shown in the inspector.
    expect(screen.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('inspector', () => {
  it('changes a setting through the form and hides a setting whose condition no longer holds', async () => {
    const { user, store } = renderApp();
    act(() => void store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 }));
    const shards = await screen.findByRole('spinbutton', { name: /Shards/ });
    expect(shards).toHaveValue(2);

    // Out of range: shown inline, not committed.
    await user.clear(shards);
    await user.type(shards, '0');
    expect(screen.getByRole('alert')).toHaveTextContent(/between 1 and 10,000/);
    expect(store.getState().design.nodes[0]!.settings?.shardCount).toBeUndefined();

    await user.clear(shards);
    await user.type(shards, '60');
    expect(store.getState().design.nodes[0]!.settings?.shardCount).toBe(60);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Capacity mode' }), 'on-demand');
    expect(store.getState().design.nodes[0]!.settings?.capacityMode).toBe('on-demand');
    expect(screen.queryByRole('spinbutton', { name: /Shards/ })).toBeNull();
  });

  it('undoes a typed value as one step and re-grades the requirement', async () => {
    const { user, store } = renderApp();
    act(() => void store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 }));
    await waitFor(() => expect(store.getState().report?.results[0]?.status).toBe('fail'));
    const shards = await screen.findByRole('spinbutton', { name: /Shards/ });
    await user.clear(shards);
    await user.type(shards, '75');
    await waitFor(() => expect(store.getState().report?.results[0]?.status).toBe('pass'));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().design.nodes[0]!.settings?.shardCount).toBeUndefined();
    expect(store.getState().design.nodes).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: /Shards/ })).toHaveValue(2));
    await waitFor(() => expect(store.getState().report?.results[0]?.status).toBe('fail'));
  });
});

describe('connections', () => {
  it('refuses a connection the catalog does not allow and explains why in a toast', async () => {
    const { store } = renderApp();
    let devices = '';
    act(() => {
      devices = store.getState().addService('iot-devices', { x: 0, y: 0 })!;
      store.getState().addService('amazon-s3', { x: 300, y: 0 });
      store.getState().select({ nodeIds: [devices], edgeIds: [] });
    });
    // "Send to" does not offer a target the catalog refuses (S3 here); a drag onto it is refused with the reason.
    await screen.findByRole('heading', { name: 'Connections' });
    expect(screen.queryByRole('option', { name: 'S3' })).toBeNull();
    act(() => void store.getState().connect(devices, 's3-1'));
    expect(store.getState().design.edges).toHaveLength(0);
    const toast = await screen.findByText(/Connection refused/);
    expect(toast.closest('.toast')).toHaveTextContent('send telemetry through a stream first');
    expect(toast.closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
  });
});

describe('persistence', () => {
  it('keeps an unreadable stored design aside, says what was wrong, and offers it for download', async () => {
    const raw = '{"format":"archboard.design","version":1,"nodes":[{"id":"a","service":"not-a-service","position":{"x":0,"y":0}}],"edges":[]}';
    localStorage.setItem('archboard:design:iot-5tb-day', raw);
    const createObjectURL = vi.fn(() => 'blob:kept');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user, store } = renderApp();

    const banner = await screen.findByRole('alert', { name: 'Recovered data' });
    expect(banner).toHaveTextContent(/kept aside/);
    expect(banner).toHaveTextContent('$.nodes[0].service');
    expect(banner).toHaveTextContent(/unknown service "not-a-service"/);
    expect(store.getState().design.nodes).toHaveLength(0);

    const keptKeys = Object.keys(localStorage).filter((k) => k.startsWith('archboard:kept-aside:iot-5tb-day:'));
    expect(keptKeys).toHaveLength(1);
    expect(localStorage.getItem(keptKeys[0]!)).toBe(raw);

    // Downloading it is what stops the offer: the text is in the user's file, then removed from storage.
    await user.click(within(banner).getByRole('button', { name: 'Download' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toBe(raw);
    expect(screen.queryByRole('alert', { name: 'Recovered data' })).toBeNull();
    expect(localStorage.getItem(keptKeys[0]!)).toBeNull();
  });

  it('saves as the user goes, and warns once when storage is full while the design stays in memory', async () => {
    const full = fullStorage();
    const { store } = renderApp({ storage: full });
    act(() => void store.getState().addService('amazon-s3', { x: 0, y: 0 }));
    expect(await screen.findByRole('alert', { name: 'Not saved' })).toHaveTextContent(/storage is full/);
    expect(store.getState().design.nodes).toHaveLength(1);
  });

  it('writes the design document to its scenario key', async () => {
    const { store } = renderApp();
    act(() => void store.getState().addService('amazon-s3', { x: 16, y: 24 }));
    await waitFor(() => expect(localStorage.getItem('archboard:design:iot-5tb-day')).not.toBeNull());
    const doc = JSON.parse(localStorage.getItem('archboard:design:iot-5tb-day')!);
    expect(doc).toMatchObject({ format: 'archboard.design', version: DESIGN_VERSION, nodes: [{ service: 'amazon-s3', position: { x: 16, y: 24 } }] });
  });
});

describe('empty and broken content', () => {
  it('works without a scenario and shows content problems in a banner', async () => {
    const content = { ...fixtureContent(), scenarios: [] };
    const store = createAppStore({ content });
    startGrading(store, inThreadAnalyser(content));
    render(<App store={store} contentProblems={[{ file: 'catalog/amazon-s3.json', path: '$.settings.lifecycle.default', message: 'expected an array' }]} />);
    expect(await screen.findByText(/bundled content has 1 problem/)).toBeInTheDocument();
    expect(screen.getByText('$.settings.lifecycle.default')).toBeInTheDocument();
    expect(screen.getByText('No scenario yet')).toBeInTheDocument();
    expect(screen.getByText('No scenario loaded')).toBeInTheDocument();
    expect(paletteItems()).toHaveLength(4);
    expect(screen.getByRole('button', { name: /Reference/ })).toBeDisabled();
  });
});

describe('the page start', () => {
  it('draws the header and the toolbar as frames first and their content with the panes, once the canvas has shown its nodes', () => {
    holdPanesUntilCanvas();
    renderApp();
    const toolbar = screen.getByRole('toolbar', { name: 'Design actions' });
    expect(screen.getByText('Archboard')).toBeInTheDocument();
    expect(within(toolbar).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByTitle('Choose a scenario')).toBeNull();
    act(() => usePaneUi.getState().showPanes());
    expect(within(toolbar).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'New' })).toBeInTheDocument();
    expect(screen.getByTitle('Choose a scenario')).toBeInTheDocument();
  });
});
