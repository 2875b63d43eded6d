/**
 * Feedback within the frame of a change: a design small enough (by the measured rate) is analysed in
 * the event that changed it, so its report is there when the change returns; a bigger one, or one
 * before any measurement, goes to the deferred analyser.
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { analysisCosts, createFrameAnalysis, frameAnalyser } from '../../src/store/frame-analysis.ts';
import { startGrading, type AnalysisInput, type Analyses } from '../../src/store/grading.ts';
import { fixtureContent } from './fixtures.ts';

function setup() {
  vi.useFakeTimers();
  onTestFinished(() => void vi.useRealTimers());
  const content = fixtureContent();
  const store = createAppStore({ content });
  const id = store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
  const inThread = inThreadAnalyser(content) as (input: AnalysisInput) => Analyses;
  const deferred = vi.fn(inThread);
  const costs = analysisCosts();
  let clock = 0;
  // Each in-frame analysis "takes" `tick` ms on the fake clock (it reads the clock twice).
  let tick = 1;
  const now = () => (clock += tick);
  const immediate = frameAnalyser(() => inThread, costs, now, 6);
  startGrading(store, deferred, { immediate });
  vi.runAllTimers();
  deferred.mockClear();
  return { store, id, costs, deferred, setTick: (ms: number) => (tick = ms) };
}

describe('feedback within the frame of a change', () => {
  it('analyses a small design in the change itself once a measurement says it fits the budget', () => {
    const { store, id, costs, deferred } = setup();
    costs.record(10, 1); // 0.1 ms per element: 1 element predicts 0.1 ms
    expect(store.getState().report?.results[0]?.status).toBe('fail');
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'on-demand' });
    // No timer has run: the report is the new design's already.
    expect(store.getState().report?.results[0]?.status).toBe('pass');
    expect(store.getState().analysedDesign).toBe(store.getState().design);
    vi.runAllTimers();
    expect(deferred).not.toHaveBeenCalled();
  });

  it('sends the change to the deferred analyser before any measurement, and when the prediction is over budget', () => {
    const { store, id, costs, deferred } = setup();
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'on-demand' });
    expect(store.getState().report?.results[0]?.status).toBe('fail');
    vi.runAllTimers();
    expect(deferred).toHaveBeenCalledTimes(1);
    expect(store.getState().report?.results[0]?.status).toBe('pass');

    costs.record(1, 7); // 7 ms per element: over the 6 ms budget
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'provisioned' });
    expect(store.getState().report?.results[0]?.status).toBe('pass');
    vi.runAllTimers();
    expect(deferred).toHaveBeenCalledTimes(2);
    expect(store.getState().report?.results[0]?.status).toBe('fail');
  });

  it('learns from its own runs: an in-frame analysis that took too long sends the next change to the deferred analyser', () => {
    const { store, id, costs, deferred, setTick } = setup();
    costs.record(1, 1);
    setTick(20);
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'on-demand' });
    expect(store.getState().report?.results[0]?.status).toBe('pass');
    expect(costs.predictMs(1)).toBeCloseTo(20, 6);
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'provisioned' });
    expect(store.getState().report?.results[0]?.status).toBe('pass');
    vi.runAllTimers();
    expect(deferred).toHaveBeenCalledTimes(1);
    expect(store.getState().report?.results[0]?.status).toBe('fail');
  });

  it('predicts from the median of the latest runs, so one slow run does not send changes away', () => {
    const costs = analysisCosts();
    for (const ms of [2, 2, 30, 2, 2]) costs.record(100, ms);
    expect(costs.predictMs(100)).toBeCloseTo(2, 6);
    expect(costs.predictMs(300)).toBeCloseTo(6, 6);
    for (const ms of [30, 30, 30]) costs.record(100, ms);
    expect(costs.predictMs(100)).toBeCloseTo(30, 6);
  });

  it('loads the in-thread analysis only once the worker is fast enough, warms it up in idle time, then answers at once', async () => {
    const content = fixtureContent();
    const store = createAppStore({ content });
    store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 });
    const run = inThreadAnalyser(content) as (input: AnalysisInput) => Analyses;
    const load = vi.fn(async () => run);
    const idle: (() => void)[] = [];
    let clock = 0;
    const input = () => ({ design: store.getState().design, scenarioId: store.getState().scenarioId, whatIf: undefined, followUps: undefined });
    const frame = createFrameAnalysis(
      load,
      input,
      () => (clock += 0.1),
      (task) => idle.push(task),
    );
    frame.workerAnalysed(1, 500); // far over 4 x 6 ms for this design
    expect(load).not.toHaveBeenCalled();
    expect(frame.immediate(input())).toBeUndefined();
    frame.workerAnalysed(1, 1);
    frame.workerAnalysed(1, 1);
    await vi.waitFor(() => expect(idle.length).toBeGreaterThan(0));
    expect(load).toHaveBeenCalledTimes(1);
    expect(frame.immediate(input())).toBeUndefined(); // not warmed up yet: no rate of this thread
    while (idle.length) idle.shift()!();
    expect(frame.immediate(input())?.report?.results.length).toBeGreaterThan(0);
  });
});
