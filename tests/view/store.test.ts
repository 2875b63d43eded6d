import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import { gradingInputsChanged, startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { fixtureContent } from './fixtures.ts';

const make = () => createAppStore({ content: fixtureContent() });

describe('store history', () => {
  it('records one entry per command, merges typing in one field, and undoes the design only', () => {
    const store = make();
    const id = store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().dispatch({ type: 'moveNodes', positions: new Map([[id, { x: 80, y: 40 }]]) });
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    for (const v of [6, 60]) store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'shardCount', value: v }, { coalesce: `s:${id}` });
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().setRightTab('feedback');
    store.getState().toast('info', 'hello');
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().design.nodes[0]!.settings).toBeUndefined();
    expect(store.getState().rightTab).toBe('feedback');
    store.getState().undo();
    expect(store.getState().design.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    store.getState().redo();
    expect(store.getState().design.nodes[0]!.position).toEqual({ x: 80, y: 40 });
  });

  it('does not re-grade when only positions change', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const store = make();
    const id = store.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    startGrading(store, inThreadAnalyser(fixtureContent()));
    const report = store.getState().report;
    const before = store.getState().design;
    store.getState().dispatch({ type: 'moveNodes', positions: new Map([[id, { x: 99, y: 9 }]]) });
    expect(gradingInputsChanged(before, store.getState().design)).toBe(false);
    vi.runAllTimers();
    expect(store.getState().report).toBe(report);
    store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'capacityMode', value: 'on-demand' });
    vi.runAllTimers();
    expect(store.getState().report).not.toBe(report);
    expect(store.getState().report?.results[0]?.status).toBe('pass');
  });

  it('keeps the design untouched when an import fails, listing the problems', () => {
    const store = make();
    store.getState().addService('amazon-s3', { x: 0, y: 0 });
    const design = store.getState().design;
    expect(store.getState().importText('{"format":"archboard.design","version":7,"nodes":[],"edges":[]}', 'x.json')).toBe(false);
    expect(store.getState().design).toBe(design);
    expect(store.getState().problemsDialog?.problems[0]?.path).toBe('$.version');
  });
});
