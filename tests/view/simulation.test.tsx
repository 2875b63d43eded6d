/**
 * The simulation in the app: computed next to grading (and not for position-only changes), the
 * bottleneck badge on an overloaded node, the volume labels on edges with their remembered toggle,
 * and the Simulation tab's figures.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from '../../src/domain/design.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { App } from '../../src/view/App.tsx';
import { fixtureContent } from './fixtures.ts';

// devices → stream with 10 provisioned shards (10 x 1 MB/s): 5,000 GB/day = 57.87 MB/s, 579% of capacity.
const overloaded: Design = {
  format: DESIGN_FORMAT,
  version: DESIGN_VERSION,
  scenarioId: 'iot-5tb-day',
  nodes: [
    { id: 'devices', service: 'iot-devices', position: { x: 0, y: 0 } },
    { id: 'stream', service: 'amazon-kinesis-data-streams', label: 'Telemetry stream', position: { x: 320, y: 0 }, settings: { capacityMode: 'provisioned', shardCount: 10 } },
  ],
  edges: [{ id: 'e1', source: 'devices', target: 'stream' }],
};

function renderApp(storage: Storage = window.localStorage) {
  const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 20 });
  store.getState().dispatch({ type: 'replace', design: overloaded });
  const stop = startGrading(store);
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, stop, ...view };
}

const canvas = () => screen.getByTestId('canvas');
const streamNode = () => canvas().querySelector<HTMLElement>('[data-service="amazon-kinesis-data-streams"]')!;
const setShards = (store: ReturnType<typeof renderApp>['store'], n: number) => act(() => store.getState().dispatch({ type: 'setNodeSetting', nodeId: 'stream', key: 'shardCount', value: n }));

describe('simulation in the store', () => {
  it('simulates with grading, and not again when only positions change', async () => {
    const store = createAppStore({ content: fixtureContent() });
    store.getState().dispatch({ type: 'replace', design: overloaded });
    startGrading(store);
    const sim = store.getState().simulation!;
    expect(sim.bottleneck).toMatchObject({ nodeId: 'stream', overloaded: true });
    expect(sim.bottleneck!.utilisation).toBeCloseTo(57.87037 / 10, 4);
    store.getState().dispatch({ type: 'moveNodes', positions: { stream: { x: 400, y: 80 } } });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().simulation).toBe(sim);
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: 'stream', key: 'shardCount', value: 200 });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().simulation).not.toBe(sim);
    expect(store.getState().simulation!.bottleneck).toMatchObject({ nodeId: 'stream', overloaded: false });
  });
});

describe('bottleneck badge', () => {
  it('marks the overloaded stream with its utilisation, and drops the mark when it has enough shards', async () => {
    const { store } = renderApp();
    await waitFor(() => expect(within(canvas()).getByText('Bottleneck')).toBeInTheDocument());
    const badge = within(canvas()).getByTestId('bottleneck-badge');
    expect(badge).toHaveTextContent('Bottleneck 579%');
    expect(streamNode()).toHaveAttribute('aria-label', expect.stringMatching(/Load 57\.9 MB\/s against a capacity of 10 MB\/s \(579%\).*Bottleneck: overloaded/));
    expect(streamNode().querySelector('.svc-load')).toHaveClass('is-over');

    setShards(store, 200); // 57.87 / 200 = 29%; 3x peak 87%: no bottleneck
    await waitFor(() => expect(within(canvas()).queryByTestId('bottleneck-badge')).toBeNull());
    expect(streamNode().querySelector('.svc-load')).toHaveClass('is-ok');
    expect(streamNode()).toHaveAttribute('aria-label', expect.stringContaining('(29%)'));

    setShards(store, 58); // 99.8% on average, 299% at 3x peak: a bottleneck at peak only
    await waitFor(() => expect(within(canvas()).getByTestId('bottleneck-badge')).toHaveTextContent('Bottleneck 299% at peak'));
    expect(streamNode().querySelector('.svc-load')).toHaveClass('is-high');

    setShards(store, 10);
    await waitFor(() => expect(within(canvas()).getByTestId('bottleneck-badge')).toHaveTextContent('Bottleneck 579%'));
  });
});

describe('edge volume labels', () => {
  it('shows the volume on each data edge, with the peak in its title, and the toolbar toggle hides it and is remembered', async () => {
    const { user, unmount } = renderApp();
    const label = await waitFor(() => {
      const el = canvas().querySelector<HTMLElement>('.edge-label[data-edge-id="e1"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(label).toHaveTextContent('57.9 MB/s');
    expect(label).toHaveTextContent('5.0 TB/day');
    expect(label).toHaveAttribute('title', '57.9 MB/s average (5.0 TB/day); 173.6 MB/s at 3x peak (15.0 TB/day)');

    const toggle = screen.getByRole('button', { name: 'Volume labels' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(canvas().querySelector('.edge-label')).toBeNull());
    expect(localStorage.getItem('archboard:pref:edgeLabels')).toBe('off');

    // A new session reads the preference.
    unmount();
    renderApp();
    expect(screen.getByRole('button', { name: 'Volume labels' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: 'Volume labels' }));
    await waitFor(() => expect(canvas().querySelector('.edge-label[data-edge-id="e1"]')).toHaveTextContent('57.9 MB/s'));
    expect(localStorage.getItem('archboard:pref:edgeLabels')).toBe('on');
  });
});

describe('simulation tab', () => {
  it('shows the ingest rate, the overloaded bottleneck and the cost table', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('tab', { name: 'Simulation' }));
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByText('57.9 MB/s')).toBeInTheDocument();
    expect(within(panel).getByText('173.6 MB/s')).toBeInTheDocument();
    const bottleneck = within(panel).getByTestId('sim-bottleneck');
    expect(bottleneck).toHaveTextContent('Telemetry stream');
    expect(bottleneck).toHaveTextContent('579%');
    expect(bottleneck).toHaveTextContent(/Overloaded/);
    // The devices have no price; the stream's pricer finds no price figures in the fixture catalog.
    const table = within(panel).getByRole('table', { name: 'Cost per service' });
    expect(within(within(table).getByRole('rowheader', { name: 'Devices' }).closest('tr')!).getByText('not priced')).toBeInTheDocument();
  });
});
