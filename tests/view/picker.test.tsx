/**
 * The scenario picker: lists every scenario with difficulty, tags and progress ("7/10 now · best 9/10",
 * kept in localStorage; corrupt stored progress is kept aside and listed under Recovered data); switching keeps each
 * scenario's own design, also across a reload; and an exercise written only as JSON files appears in
 * the picker and grades correctly.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { progressKey } from '../../src/adapters/progress.ts';
import { RULES } from '../../rules/index.ts';
import { assembleContent, type Content, type ContentFile } from '../../src/domain/content.ts';
import { DESIGN_VERSION } from '../../src/domain/design.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { App } from '../../src/view/App.tsx';
import { fixtureContent } from './fixtures.ts';

/** The fixture content plus a second scenario (same requirement, its own id and title). */
function twoScenarios(): Content {
  const content = fixtureContent();
  const first = content.scenarios[0]!;
  const second = {
    ...first,
    scenario: { ...first.scenario, id: 'batch-etl', title: 'Nightly batch ETL', difficulty: 'beginner' as const, tags: ['batch', 'etl'], summary: 'Load ten sources into a warehouse every night.' },
    reference: { ...first.reference, scenarioId: 'batch-etl' },
  };
  return { ...content, scenarios: [first, second] };
}

function renderApp(content: Content) {
  const store = createAppStore({ content, storage: window.localStorage, saveDelayMs: 10 });
  const stop = startGrading(store, inThreadAnalyser(content));
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, stop, ...view };
}

async function openPicker(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /scenarios?$/ }));
  // The list loads on first open (a lazy chunk): wait for it.
  return screen.findByRole('dialog', { name: 'Scenarios' });
}
const item = (dialog: HTMLElement, title: string) => within(dialog).getByRole('button', { name: new RegExp(title) });

describe('scenario picker', () => {
  it('lists every scenario with difficulty, tags and progress, keeps corrupt progress aside, and closes with Escape', async () => {
    localStorage.setItem(progressKey('batch-etl'), JSON.stringify({ passed: 0, total: 1, bestPassed: 1, bestTotal: 1, updatedAt: '2026-01-01T00:00:00Z' }));
    localStorage.setItem(progressKey('iot-5tb-day'), '{"passed": "lots"');
    const { user, store } = renderApp(twoScenarios());
    // Unreadable progress is kept aside and listed under Recovered data, never dropped without a word.
    expect(store.getState().recovered.map((r) => r.title)).toEqual([expect.stringMatching(/^Progress for iot-5tb-day/)]);
    expect(localStorage.getItem(store.getState().recovered[0]!.key)).toBe('{"passed": "lots"');

    let dialog = await openPicker(user);
    expect(within(dialog).getByRole('searchbox', { name: 'Search scenarios' })).toHaveFocus();
    const batch = item(dialog, 'Nightly batch ETL');
    expect(batch).toHaveTextContent('beginner');
    expect(batch).toHaveTextContent('etl');
    expect(within(batch).getByTestId('scenario-progress')).toHaveTextContent('0/1 now · best 1/1');
    expect(within(item(dialog, 'IoT telemetry')).getByTestId('scenario-progress')).toHaveTextContent('Not started');
    // Filter by tag.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Filter by tag' }), 'batch');
    expect(within(dialog).queryByRole('button', { name: /IoT telemetry/ })).toBeNull();
    expect(item(dialog, 'Nightly batch ETL')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    // Grading the active scenario records progress: now and best, in storage too.
    act(() => void store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 }));
    await waitFor(() => expect(JSON.parse(localStorage.getItem(progressKey('iot-5tb-day')) ?? '{}')).toMatchObject({ passed: 0, total: 1, bestPassed: 0 }));
    act(() => store.getState().dispatch({ type: 'setNodeSetting', nodeId: store.getState().design.nodes[0]!.id, key: 'capacityMode', value: 'on-demand' }));
    await waitFor(() => expect(JSON.parse(localStorage.getItem(progressKey('iot-5tb-day')) ?? '{}')).toMatchObject({ passed: 1, bestPassed: 1 }));
    act(() => store.getState().undo());
    await waitFor(() => expect(JSON.parse(localStorage.getItem(progressKey('iot-5tb-day')) ?? '{}')).toMatchObject({ passed: 0, bestPassed: 1 }));
    dialog = await openPicker(user);
    expect(within(item(dialog, 'IoT telemetry')).getByTestId('scenario-progress')).toHaveTextContent('0/1 now · best 1/1');
  });

  it('switches scenario keeping each one its own design, also after a reload', async () => {
    const content = twoScenarios();
    const first = renderApp(content);
    act(() => void first.store.getState().addService('amazon-s3', { x: 0, y: 0 }));
    await first.user.click(item(await openPicker(first.user), 'Nightly batch ETL'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(first.store.getState().scenarioId).toBe('batch-etl');
    expect(first.store.getState().design.nodes).toHaveLength(0);
    act(() => void first.store.getState().addService('iot-devices', { x: 0, y: 0 }));
    await first.user.click(item(await openPicker(first.user), 'IoT telemetry'));
    expect(first.store.getState().design.nodes.map((n) => n.service)).toEqual(['amazon-s3']);
    await waitFor(() => expect(localStorage.getItem('archboard:design:batch-etl')).toContain('iot-devices'));
    await waitFor(() => expect(localStorage.getItem('archboard:design:iot-5tb-day')).toContain('amazon-s3'));
    first.stop();
    first.unmount();

    // "Reload": a new store on the same storage.
    const second = renderApp(content);
    expect(second.store.getState().design.nodes.map((n) => n.service)).toEqual(['amazon-s3']);
    await second.user.click(item(await openPicker(second.user), 'Nightly batch ETL'));
    expect(second.store.getState().design.nodes.map((n) => n.service)).toEqual(['iot-devices']);
    expect(screen.getByRole('button', { name: /Nightly batch ETL/ })).toBeInTheDocument();
  });
});

describe('an exercise written only as JSON files', () => {
  const ID = 'eu-bucket-drill';
  // As docs/authoring.md describes: scenarios/<id>/scenario.json plus a reference and a common-mistake design.
  const scenario = {
    $schema: '../../schemas/scenario.schema.json',
    id: ID,
    title: 'EU customer files stay in the EU',
    summary: 'Store customer exports in S3, inside an EU Region, encrypted.',
    brief: 'A retailer exports customer records nightly as files. They must be kept in Amazon S3 and must never leave the EU.',
    difficulty: 'beginner',
    tags: ['sovereignty', 'authoring-test'],
    workload: { ingestGBPerDay: 10, recordBytes: 2048, peakFactor: 1 },
    requirements: [
      { id: 'lake', text: 'Files land in Amazon S3', rule: 'service-coverage', params: { kinds: ['amazon-s3'] }, severity: 'error', hints: ['Where do files go?', 'Object storage', 'Add Amazon S3'] },
      {
        id: 'eu-only',
        text: 'Personal data stays in EU Regions',
        rule: 'sovereignty',
        params: { personalData: ['amazon-s3'], allowedRegions: ['eu-region'] },
        severity: 'error',
        hints: ['Where does the bucket live?', 'Regions are groups', 'Put the bucket in an EU Region group'],
      },
    ],
    referenceDesign: 'reference.design.json',
    commonMistake: { design: 'common-mistake.design.json', fails: ['eu-only'], explanation: 'The bucket sits in us-east-1, outside the EU.' },
  };
  const designIn = (regionCode: string) => ({
    format: 'archboard.design',
    version: DESIGN_VERSION,
    scenarioId: ID,
    nodes: [
      { id: 'region', service: 'aws-region', position: { x: 0, y: 0 }, size: { width: 480, height: 320 }, settings: { regionCode } },
      { id: 'bucket', service: 'amazon-s3', parentId: 'region', position: { x: 120, y: 120 } },
    ],
    edges: [],
  });

  it('appears in the picker and grades: its reference passes every requirement, its common mistake fails the named one', async () => {
    const catalogFiles: ContentFile[] = Object.entries(import.meta.glob('/catalog/*.json', { eager: true, import: 'default' })).map(([file, data]) => ({ file: file.slice(1), data }));
    const scenarioFiles: ContentFile[] = [
      // After the shipped IoT exercise (opened at start), so it has to be picked.
      ...Object.entries(import.meta.glob('/scenarios/iot-5tb-day/*.json', { eager: true, import: 'default' })).map(([file, data]) => ({ file: file.slice(1), data })),
      { file: `scenarios/${ID}/scenario.json`, data: scenario },
      { file: `scenarios/${ID}/reference.design.json`, data: designIn('eu-central-1') },
      { file: `scenarios/${ID}/common-mistake.design.json`, data: designIn('us-east-1') },
    ];
    const { content, problems } = assembleContent(catalogFiles, scenarioFiles, RULES);
    expect(problems.filter((p) => p.file.includes(ID))).toEqual([]);
    const { user, store } = renderApp(content);
    expect(store.getState().scenarioId).not.toBe(ID);

    await user.click(item(await openPicker(user), 'EU customer files stay in the EU'));
    expect(screen.getByRole('button', { name: /EU customer files stay in the EU/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Reference/ }));
    const score = await screen.findByRole('button', { name: /2\/2 requirements pass/ });
    expect(score).toHaveClass('is-pass');
    expect(store.getState().report?.results.map((r) => [r.requirementId, r.status])).toEqual([
      ['lake', 'pass'],
      ['eu-only', 'pass'],
    ]);

    act(() => void store.getState().importText(JSON.stringify(designIn('us-east-1')), 'common-mistake.design.json'));
    await screen.findByRole('button', { name: /1\/2 requirements pass/ });
    expect(store.getState().report?.results.find((r) => r.requirementId === 'eu-only')?.status).toBe('fail');
  });
});
