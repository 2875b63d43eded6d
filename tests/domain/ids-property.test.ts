/**
 * Ids are data: random command sequences over ids named like every Object.prototype member and other
 * hostile strings, through the store's own actions (and the canvas's drag geometry), must always leave
 * a stored document that loads back equal to the design in memory. Regression for issue 15: a node with
 * id `constructor` got `"position": {}` from one nudge and made the saved design unreadable.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { designKey } from '../../src/adapters/persistence.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, loadDesignText, type Design } from '../../src/domain/design.ts';
import { absolutePositions, dragEndCommands } from '../../src/domain/groups.ts';
import { copySelection, nudgeSelection, paste } from '../../src/store/editor.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { content } from '../support/designs.ts';

/** Every own member name of Object.prototype (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, ...) and more. */
const HOSTILE_IDS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'then',
  'length',
  '0',
  'NaN',
  'kinesis-data-streams-1',
  'e-1',
  '<img src=x onerror=alert(1)>',
  'a"b\\c',
  ' ',
  '\u202e',
  '💥',
  'x'.repeat(200),
  '',
  'x'.repeat(201),
];
const SERVICES = ['amazon-kinesis-data-streams', 'amazon-s3', 'aws-lambda', 'amazon-data-firehose', 'amazon-vpc', 'aws-region', 'text-note'];

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const coordinate = fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.constantFrom(1e300, -1e300, Number.NaN, Infinity, 2_000_000));
const pick = fc.nat({ max: 40 });
const action = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...HOSTILE_IDS), service: fc.constantFrom(...SERVICES), x: coordinate, y: coordinate }),
  fc.record({ kind: fc.constant('addService' as const), service: fc.constantFrom(...SERVICES), x: fc.integer({ min: -500, max: 2000 }), y: fc.integer({ min: -500, max: 2000 }) }),
  fc.record({ kind: fc.constant('move' as const), node: pick, x: coordinate, y: coordinate }),
  fc.record({ kind: fc.constant('nudge' as const), nodes: fc.array(pick, { maxLength: 3 }), dx: fc.integer({ min: -10, max: 10 }), dy: fc.integer({ min: -10, max: 10 }) }),
  fc.record({ kind: fc.constant('connect' as const), a: pick, b: pick }),
  fc.record({ kind: fc.constant('group' as const), node: pick, group: pick }),
  fc.record({ kind: fc.constant('ungroup' as const), node: pick }),
  fc.record({ kind: fc.constant('resize' as const), node: pick, w: coordinate, h: coordinate }),
  fc.record({ kind: fc.constant('delete' as const), nodes: fc.array(pick, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
  fc.record({ kind: fc.constant('paste' as const), nodes: fc.array(pick, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('pasteText' as const), ids: fc.array(fc.constantFrom(...HOSTILE_IDS), { minLength: 1, maxLength: 3 }) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const nth = (design: Design, i: number) => (design.nodes.length ? design.nodes[i % design.nodes.length] : undefined);
const groups = (design: Design) => design.nodes.filter((n) => content.catalog.byId.get(n.service)?.group);

function run(store: AppStore, a: Action): void {
  const s = store.getState();
  const d = s.design;
  switch (a.kind) {
    case 'add':
      s.dispatch({ type: 'addNode', node: { id: a.id, service: a.service, position: { x: a.x, y: a.y }, ...(content.catalog.byId.get(a.service)?.group ? { size: { width: 480, height: 320 } } : {}) } });
      return;
    case 'addService':
      s.addService(a.service, { x: a.x, y: a.y });
      return;
    case 'move': {
      // The canvas's drag end: positions relative to the node's parent, reparenting by where it lands.
      const n = nth(d, a.node);
      if (!n) return;
      for (const cmd of dragEndCommands(d, content.catalog, new Map([[n.id, { x: a.x, y: a.y }]]))) store.getState().dispatch(cmd, { coalesce: 'drag' });
      return;
    }
    case 'nudge':
      s.select({ nodeIds: a.nodes.flatMap((i) => nth(d, i)?.id ?? []), edgeIds: [] });
      nudgeSelection(store, a.dx, a.dy);
      return;
    case 'connect': {
      const x = nth(d, a.a);
      const y = nth(d, a.b);
      if (x && y) s.connect(x.id, y.id);
      return;
    }
    case 'group': {
      const n = nth(d, a.node);
      const gs = groups(d);
      const g = gs[a.group % Math.max(1, gs.length)];
      if (n && g) s.dispatch({ type: 'setParent', nodeId: n.id, parentId: g.id, position: { x: 20, y: 40 } });
      return;
    }
    case 'ungroup': {
      const n = nth(d, a.node);
      if (n?.parentId !== undefined) s.dispatch({ type: 'setParent', nodeId: n.id, parentId: undefined, position: absolutePositions(d).get(n.id)! });
      return;
    }
    case 'resize': {
      const gs = groups(d);
      const g = gs[a.node % Math.max(1, gs.length)];
      if (g) s.dispatch({ type: 'resizeNode', nodeId: g.id, size: { width: a.w, height: a.h } });
      return;
    }
    case 'delete':
      s.select({ nodeIds: a.nodes.flatMap((i) => nth(d, i)?.id ?? []), edgeIds: [] });
      s.deleteSelection();
      return;
    case 'undo':
      s.undo();
      return;
    case 'redo':
      s.redo();
      return;
    case 'paste':
      s.select({ nodeIds: a.nodes.flatMap((i) => nth(d, i)?.id ?? []), edgeIds: [] });
      if (copySelection(store)) paste(store);
      return;
    case 'pasteText': {
      // Text from another tab or app: a design whose ids are hostile.
      const nodes = a.ids.map((id, i) => ({ id, service: 'amazon-s3', position: { x: i * 10, y: 0 } }));
      paste(store, JSON.stringify({ format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes, edges: [] }));
      return;
    }
  }
}

let steps = 0;
describe('ids are data (command-sequence property)', () => {
  it('after every step, the stored document loads back equal to the design', () => {
    const scenarioId = content.scenarios[0]!.scenario.id;
    fc.assert(
      fc.property(fc.array(action, { minLength: 30, maxLength: 60 }), (actions) => {
        const storage = new MemoryStorage();
        const store = createAppStore({ content, storage, scenarioId, saveDelayMs: 0 });
        try {
          for (const a of actions) {
            run(store, a);
            steps++;
            store.saver.flush();
            const raw = storage.getItem(designKey(scenarioId));
            const design = store.getState().design;
            if (raw === null) {
              expect(design.nodes).toHaveLength(0);
              continue;
            }
            const loaded = loadDesignText(raw, content.catalog);
            if (!loaded.ok) throw new Error(`stored design does not load after ${a.kind}: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
            expect(loaded.repairs).toBeUndefined();
            expect(loaded.design).toEqual(design);
          }
        } finally {
          store.saver.dispose();
        }
      }),
      { numRuns: 240, seed: Number(process.env.FC_SEED ?? 15) },
    );
  }, 120_000);
  afterAll(() => {
    // At least 10,000 steps per CI run.
    expect(steps).toBeGreaterThanOrEqual(10_000);
  });
});
