/**
 * Issue 15: paste says why text could not be pasted, and never pastes a stale in-app copy in place
 * of what the clipboard holds (a version-9 document pasted an earlier copy).
 */
import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../../src/domain/design.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { copySelection, paste } from '../../src/store/editor.ts';
import { content } from '../support/designs.ts';

const make = () => createAppStore({ content, scenarioId: 'iot-5tb-day' });
const lastToast = (store: ReturnType<typeof make>) => store.getState().toasts.at(-1);

describe('paste', () => {
  it('says why plain text is not pasted, and pastes nothing', () => {
    const store = make();
    expect(paste(store, 'hello world')).toMatchObject({ pasted: 0, reason: expect.stringMatching(/not Archboard services/) });
    expect(lastToast(store)?.message).toMatch(/Nothing pasted/);
    expect(store.getState().design.nodes).toHaveLength(0);
  });

  it('a version-9 document after an in-app copy: says which JSON path is wrong and does not paste the old copy', () => {
    const store = make();
    const id = store.getState().addService('amazon-s3', { x: 0, y: 0 })!;
    store.getState().select({ nodeIds: [id], edgeIds: [] });
    copySelection(store);
    const v9 = JSON.stringify({ format: DESIGN_FORMAT, version: 9, nodes: [{ id: 'x', service: 'amazon-s3', position: { x: 0, y: 0 } }], edges: [] });
    const r = paste(store, v9);
    expect(r.pasted).toBe(0);
    expect(lastToast(store)?.detail).toMatch(/^\$\.version: version 9 was written by a newer Archboard/);
    expect(store.getState().design.nodes).toHaveLength(1);
  });

  it('invalid JSON and a design with problems are explained with the path', () => {
    const store = make();
    paste(store, '{"format": "archboard.design", ');
    expect(lastToast(store)?.detail).toMatch(/^\$: not valid JSON/);
    paste(store, JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes: [{ id: 'a', service: 'amazon-teleporter', position: { x: 0, y: 0 } }], edges: [] }));
    expect(lastToast(store)?.detail).toMatch(/^\$\.nodes\[0\]\.service: unknown service "amazon-teleporter"/);
    expect(store.getState().design.nodes).toHaveLength(0);
  });

  it('pastes a design from the clipboard, and the in-app copy when the browser gives no text', () => {
    const store = make();
    const text = JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes: [{ id: 'constructor', service: 'amazon-s3', position: { x: 0, y: 0 } }], edges: [] });
    expect(paste(store, text).pasted).toBe(1);
    expect(paste(store).pasted).toBe(1);
    expect(store.getState().design.nodes).toHaveLength(2);
  });

  it('pastes 10,000 nodes in one step (each fresh id costs O(1))', () => {
    const store = make();
    const nodes = Array.from({ length: 10_000 }, (_, i) => ({ id: `s3-${i}`, service: 'amazon-s3', position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 90 } }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e-${i}`, source: nodes[i]!.id, target: n.id }));
    expect(paste(store, JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes, edges })).pasted).toBe(10_000);
    expect(new Set(store.getState().design.nodes.map((n) => n.id)).size).toBe(10_000);
    expect(store.getState().design.edges).toHaveLength(9_999);
  }, 30_000);
});
