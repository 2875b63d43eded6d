/**
 * The simulation in the app: computed next to grading (and not for position-only changes), the
 * bottleneck badge on an overloaded node, the volume labels on edges with their remembered toggle,
 * and the Simulation tab's figures.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from '../../src/domain/design.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
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
  const stop = startGrading(store, inThreadAnalyser(fixtureContent()));
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, stop, ...view };
}

const canvas = () => screen.getByTestId('canvas');
const streamNode = () => canvas().querySelector<HTMLElement>('[data-service="amazon-kinesis-data-streams"]')!;
const setShards = (store: ReturnType<typeof renderApp>['store'], n: number) => act(() => store.getState().dispatch({ type: 'setNodeSetting', nodeId: 'stream', key: 'shardCount', value: n }));

describe('simulation in the store', () => {
  it('simulates with grading, and not again when only positions change', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const store = createAppStore({ content: fixtureContent() });
    store.getState().dispatch({ type: 'replace', design: overloaded });
    startGrading(store, inThreadAnalyser(fixtureContent()));
    const sim = store.getState().simulation!;
    expect(sim.bottleneck).toMatchObject({ nodeId: 'stream', overloaded: true });
    expect(sim.bottleneck!.utilisation).toBeCloseTo(57.87037 / 10, 4);
    store.getState().dispatch({ type: 'moveNodes', positions: new Map([['stream', { x: 400, y: 80 }]]) });
    vi.runAllTimers();
    expect(store.getState().simulation).toBe(sim);
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: 'stream', key: 'shardCount', value: 200 });
    vi.runAllTimers();
    expect(store.getState().simulation).not.toBe(sim);
    expect(store.getState().simulation!.bottleneck).toMatchObject({ nodeId: 'stream', overloaded: false });
  });
});

describe('bottleneck badge', () => {
  it('marks the overloaded stream with its utilisation, and drops the mark when it has enough shards', async () => {
    const { store } = renderApp();
    await waitFor(() => expect(within(canvas()).getByText('Bottleneck')).toBeInTheDocument());
    const badge = within(canvas()).getByTestId('bottleneck-badge');
    expect(badge).toHaveTextContent('Bottleneck 579% · 1 MB/s per shard'); // names the binding limit
    expect(streamNode()).toHaveAttribute('aria-label', expect.stringMatching(/Load 57\.9 MB\/s against 10 MB\/s, binding limit 1 MB\/s per shard \(579%\).*Bottleneck: overloaded/));
    expect(streamNode().querySelector('.svc-load')).toHaveClass('is-over');

    setShards(store, 200); // 57.87 / 200 = 29%; 3x peak 87%: no bottleneck
    await waitFor(() => expect(within(canvas()).queryByTestId('bottleneck-badge')).toBeNull());
    expect(streamNode().querySelector('.svc-load')).toHaveClass('is-ok');
    expect(streamNode()).toHaveAttribute('aria-label', expect.stringContaining('per shard (29%)'));

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
    // 57.87 MB/s / 1,024 B = 56,514 records/s; x 3 = 169,542.
    expect(label).toHaveTextContent('56.5k rec/s');
    expect(label).toHaveAttribute('title', '57.9 MB/s and 56,514 records/s average (5.0 TB/day); 173.6 MB/s and 169,542 records/s at 3x peak (15.0 TB/day)');

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
    await within(panel).findByTestId('sim-bottleneck'); // the tab's panel loads on first open
    const figures = panel.querySelector('.sim-figures')!;
    expect(within(figures as HTMLElement).getByText('57.9 MB/s')).toBeInTheDocument();
    expect(within(figures as HTMLElement).getByText('173.6 MB/s')).toBeInTheDocument();
    const bottleneck = within(panel).getByTestId('sim-bottleneck');
    expect(bottleneck).toHaveTextContent('Telemetry stream');
    expect(bottleneck).toHaveTextContent('579%');
    expect(bottleneck).toHaveTextContent(/Overloaded/);
    expect(bottleneck).toHaveTextContent('Binding limit: 1 MB/s per shard');
    // Every sized stage with its load and binding limit: 57.87 MB/s into 10 shards, 579%, 1,736% at 3x.
    const stages = within(panel).getByTestId('sim-stages');
    const row = stages.querySelector('tr[data-stage="stream"]') as HTMLElement;
    expect(row).toHaveTextContent('57.9 MB/s');
    expect(row).toHaveTextContent('56.5k rec/s');
    expect(row).toHaveTextContent('1 MB/s per shard');
    expect(row).toHaveTextContent('579%');
    expect(row).toHaveTextContent('1,736% at 3×');
    // The fixture catalog's stream has no price model: "not priced". The devices are a source, not a
    // service: neither priced nor listed as not priced.
    const table = within(panel).getByRole('table', { name: 'Cost per service' });
    expect(within(within(table).getByRole('rowheader', { name: 'Telemetry stream' }).closest('tr')!).getByText('not priced')).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: 'Devices' })).toBeNull();
  });
});

describe('what-if on the Scenario tab', () => {
  it('scales the volume x10 and re-runs the simulation at once; Reset brings the scenario back', async () => {
    const { store, user } = renderApp();
    setShards(store, 200); // 57.87 MB/s on 200 MB/s: 29%, no bottleneck
    await waitFor(() => expect(within(canvas()).queryByTestId('bottleneck-badge')).toBeNull());
    await user.click(screen.getByRole('tab', { name: 'Scenario' }));
    const whatIf = screen.getByTestId('what-if');
    await user.click(within(whatIf).getByRole('button', { name: 'Volume ×10' }));
    // 50,000 GB/day = 578.7 MB/s on 200 MB/s: 289%, overloaded.
    await waitFor(() => expect(within(canvas()).getByTestId('bottleneck-badge')).toHaveTextContent('Bottleneck 289%'));
    expect(store.getState().simulation!.workload.averageIngestMBps).toBeCloseTo(578.7037, 3);
    expect(within(whatIf).getByRole('status')).toHaveTextContent('50,000 GB/day');
    expect(screen.getByText(/scenario: 5,000 GB\/day/)).toBeInTheDocument();

    // A custom peak factor: 4x the average of 50,000 GB/day.
    await user.type(within(whatIf).getByLabelText('Peak factor'), '4');
    await user.click(within(whatIf).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(store.getState().simulation!.workload.peakFactor).toBe(4));
    expect(store.getState().simulation!.workload.averageIngestMBps).toBeCloseTo(578.7037, 3);

    await user.click(within(whatIf).getByRole('button', { name: 'Reset to the scenario' }));
    await waitFor(() => expect(within(canvas()).queryByTestId('bottleneck-badge')).toBeNull());
    expect(store.getState().whatIf).toBeUndefined();
    expect(store.getState().simulation!.workload.peakFactor).toBe(3);
  });

  it('refuses a volume that is not a positive number, saying why, and keeps the scenario as it was', async () => {
    const { store } = renderApp();
    act(() => store.getState().setWhatIf({ ingestGBPerDay: -5 }));
    expect(store.getState().whatIf).toBeUndefined();
    expect(store.getState().toasts.at(-1)).toMatchObject({ kind: 'error' });
    expect(store.getState().toasts.at(-1)!.detail).toContain('ingestGBPerDay');
  });
});
