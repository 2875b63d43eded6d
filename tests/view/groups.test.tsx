/**
 * Groups on the canvas (jsdom): a service dropped from the palette onto a group goes inside it; dragged
 * out onto the empty canvas it leaves the group; one undo puts it back; deleting a group says what went
 * with it. Runs on the shipped catalog (it has the group entries).
 */
import { act, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CONTENT as content } from '../../src/adapters/content.ts';
import { GRADED_CONTENT } from '../../src/adapters/graded-content.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { App } from '../../src/view/App.tsx';
import { SERVICE_DND_TYPE } from '../../src/view/Canvas.tsx';

function renderApp() {
  const store = createAppStore({ content, storage: window.localStorage, saveDelayMs: 20 });
  const stop = startGrading(store, inThreadAnalyser(GRADED_CONTENT));
  const user = userEvent.setup();
  render(<App store={store} />);
  return { store, user, stop };
}

/** Drops a palette entry on the canvas at a client point (jsdom: the flow's origin is the client origin at zoom 1). */
function drop(service: string, clientX: number, clientY: number) {
  const data: Record<string, string> = { [SERVICE_DND_TYPE]: service };
  const canvas = screen.getByTestId('canvas');
  // jsdom has no DragEvent: the event is a plain Event, so the pointer coordinates are set on it here.
  const event = createEvent.drop(canvas, { dataTransfer: { types: Object.keys(data), getData: (t: string) => data[t] ?? '' } });
  Object.defineProperties(event, { clientX: { value: clientX }, clientY: { value: clientY } });
  fireEvent(canvas, event);
}

/** Drags a canvas node with the mouse, as React Flow's d3-drag listens for it (mousedown on the node, moves and up on the window). */
function dragNode(el: Element, from: { x: number; y: number }, to: { x: number; y: number }) {
  const fire = (target: Element | Window, type: 'mouseDown' | 'mouseMove' | 'mouseUp', p: { x: number; y: number }) => {
    const event = createEvent[type](target, { clientX: p.x, clientY: p.y, button: 0, buttons: type === 'mouseUp' ? 0 : 1 });
    // d3-drag listens on `event.view`; jsdom refuses its window as `view` in the event's init dictionary.
    Object.defineProperty(event, 'view', { value: window });
    fireEvent(target, event);
  };
  fire(el, 'mouseDown', from);
  for (let i = 1; i <= 4; i++) fire(window, 'mouseMove', { x: from.x + ((to.x - from.x) * i) / 4, y: from.y + ((to.y - from.y) * i) / 4 });
  fire(window, 'mouseUp', to);
}

const flowNode = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`)!;

describe('groups on the canvas', () => {
  // Dragging into a group and between groups is covered by group-geometry.test.ts (the drag-end
  // commands) and tests/e2e/groups.spec.ts (real pointer drags): jsdom's pointer deltas are not reliable.
  it('puts a service dropped on a group inside it, takes it out when dragged off, and one undo puts it back', async () => {
    const { store, user } = renderApp();
    act(() => drop('aws-region', 304, 304));
    const region = store.getState().design.nodes.find((n) => n.service === 'aws-region')!;
    expect(region.size).toEqual({ width: 480, height: 320 });
    expect(region.position).toEqual({ x: 64, y: 144 });
    await waitFor(() => expect(within(screen.getByTestId('canvas')).getByLabelText(/^AWS Region \(US East \(N\. Virginia\) us-east-1\): group/)).toBeInTheDocument());

    act(() => drop('amazon-s3', 304, 304));
    let s3 = store.getState().design.nodes.find((n) => n.service === 'amazon-s3')!;
    expect(s3.parentId).toBe(region.id);
    expect(s3.position).toEqual({ x: 136, y: 128 }); // relative to the group's top-left
    await waitFor(() => expect(flowNode(s3.id)).not.toBeNull());
    // The group is drawn behind services and has no handles: nothing connects to a group.
    expect(flowNode(region.id).querySelector('.react-flow__handle')).toBeNull();

    const historyBefore = store.temporal.getState().pastStates.length;
    act(() => dragNode(flowNode(s3.id), { x: 304, y: 304 }, { x: 904, y: 904 }));
    await waitFor(() => expect(store.getState().design.nodes.find((n) => n.id === s3.id)!.parentId).toBeUndefined());
    s3 = store.getState().design.nodes.find((n) => n.id === s3.id)!;
    expect(s3.position.x).toBeGreaterThan(600); // absolute now
    expect(store.temporal.getState().pastStates.length).toBe(historyBefore + 1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    s3 = store.getState().design.nodes.find((n) => n.id === s3.id)!;
    expect(s3.parentId).toBe(region.id);
    expect(s3.position).toEqual({ x: 136, y: 128 });
    expect(store.getState().design.nodes.some((n) => n.id === region.id)).toBe(true);
  });

  it('moves a node between groups from the inspector, and deleting a group says its members went too', async () => {
    const { store, user } = renderApp();
    act(() => drop('aws-region', 304, 304));
    act(() => drop('amazon-s3', 304, 304));
    act(() => drop('aws-region', 1304, 304));
    const [eu, other] = store.getState().design.nodes.filter((n) => n.service === 'aws-region');
    const s3 = store.getState().design.nodes.find((n) => n.service === 'amazon-s3')!;
    expect(other!.parentId).toBeUndefined(); // dropped on empty canvas

    act(() => store.getState().select({ nodeIds: [s3.id], edgeIds: [] }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'In group' }), other!.id);
    expect(store.getState().design.nodes.find((n) => n.id === s3.id)!.parentId).toBe(other!.id);

    act(() => store.getState().select({ nodeIds: [other!.id], edgeIds: [] }));
    expect(await screen.findByText('Inside this group (1):')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete group and its contents' }));
    expect(store.getState().design.nodes.map((n) => n.id)).toEqual([eu!.id]);
    expect(await screen.findByText(/Deleted 1 service inside the deleted group too/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().design.nodes.find((n) => n.id === s3.id)?.parentId).toBe(other!.id);
  });
});
