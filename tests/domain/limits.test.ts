/**
 * Issue 15 regressions in the loader and the commands: deep nesting, parallel edges, self-loops,
 * positions and sizes out of range, settings named like Object members, and echoed values, each
 * refused with its JSON path for an import and repaired-and-reported for a stored design, with the
 * editor's commands refusing the same things.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/domain/commands.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, loadDesign, type Design, type DesignNode } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { MAX_COORDINATE, MAX_NESTING_DEPTH, nesting } from '../../src/domain/invariants.ts';
import { simulate } from '../../src/domain/simulation.ts';
import { content } from '../support/designs.ts';

const { catalog } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const doc = (nodes: unknown[], edges: unknown[] = []) => ({ format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes, edges });

/** `levels` VPCs each inside the previous one, then an S3 bucket in the innermost. */
function chainOfGroups(levels: number): { format: string; version: number; nodes: DesignNode[]; edges: [] } {
  const nodes: DesignNode[] = [];
  for (let i = 0; i < levels; i++) nodes.push({ id: `g${i}`, service: 'amazon-vpc', position: { x: 10, y: 20 }, size: { width: 400, height: 300 }, ...(i ? { parentId: `g${i - 1}` } : {}) });
  nodes.push({ id: 's3', service: 'amazon-s3', position: { x: 5, y: 5 }, parentId: `g${levels - 1}` });
  return { format: DESIGN_FORMAT, version: DESIGN_VERSION, nodes, edges: [] };
}

describe('nesting limit', () => {
  it(`accepts ${MAX_NESTING_DEPTH} levels and refuses one more, at the first node past the limit`, () => {
    expect(loadDesign(chainOfGroups(MAX_NESTING_DEPTH), catalog).ok).toBe(true);
    const r = loadDesign(chainOfGroups(MAX_NESTING_DEPTH + 1), catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe(`$.nodes[${MAX_NESTING_DEPTH + 1}].parentId`);
    expect(r.problems[0]!.message).toMatch(/at most 16 levels/);
  });

  it('refuses a 1,000-level chain with its path, and a 10,000-level chain without throwing', () => {
    for (const levels of [1000, 10_000]) {
      const r = loadDesign(chainOfGroups(levels), catalog);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual([`$.nodes[${MAX_NESTING_DEPTH + 1}].parentId`]);
    }
  });

  it('repairs a stored design nested too deep: every node stays at the same place on the canvas', () => {
    const raw = chainOfGroups(60);
    const r = loadDesign(raw, catalog, { repair: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.repairs!.length).toBeGreaterThan(0);
    const { depth } = nesting(r.design.nodes);
    expect(Math.max(...depth.values())).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    const abs = (nodes: readonly DesignNode[], id: string) => {
      const byId = new Map(nodes.map((n) => [n.id, n]));
      let p = byId.get(id);
      let x = 0;
      for (; p; p = p.parentId === undefined ? undefined : byId.get(p.parentId)) x += p.position.x;
      return x;
    };
    for (const n of raw.nodes) expect(abs(r.design.nodes, n.id)).toBe(abs(raw.nodes, n.id));
    expect(loadDesign(r.design, catalog)).toMatchObject({ ok: true });
  });

  it('refuses to put a group into another when that would nest deeper than the limit', () => {
    const loaded = loadDesign(chainOfGroups(MAX_NESTING_DEPTH), catalog);
    if (!loaded.ok) throw new Error('fixture');
    let d: Design = applyCommand(loaded.design, { type: 'addNode', node: { id: 'outer', service: 'amazon-vpc', position: { x: 0, y: 0 }, size: { width: 900, height: 900 } } });
    d = applyCommand(d, { type: 'addNode', node: { id: 'inner', service: 'amazon-vpc', position: { x: 0, y: 0 }, parentId: 'outer', size: { width: 500, height: 500 } } });
    // g15 sits at depth 15 (its S3 bucket at 16): inner into g15 gives depth 16 (allowed) ...
    const ok = applyCommand(d, { type: 'setParent', nodeId: 'inner', parentId: 'g15', position: { x: 1, y: 1 } });
    expect(ok.nodes.find((n) => n.id === 'inner')!.parentId).toBe('g15');
    // ... but outer (with inner below it) into g15 would put inner at depth 17.
    expect(applyCommand(d, { type: 'setParent', nodeId: 'outer', parentId: 'g15', position: { x: 1, y: 1 } })).toBe(d);
  });
});

describe('one set of invariants for loader and editor', () => {
  const stream = { id: 'stream', service: 'amazon-kinesis-data-streams', position: { x: 0, y: 0 } };
  const devices = { id: 'devices', service: 'iot-devices', position: { x: -300, y: 0 } };

  it('refuses a second parallel edge on import, with its path; repairs it in a stored design', () => {
    const data = doc(
      [devices, stream],
      [
        { id: 'e1', source: 'devices', target: 'stream' },
        { id: 'e2', source: 'devices', target: 'stream' },
      ],
    );
    const strict = loadDesign(data, catalog);
    expect(strict).toMatchObject({ ok: false, problems: [{ path: '$.edges[1]', message: expect.stringMatching(/second connection from "devices" to "stream"/) }] });
    const repaired = loadDesign(data, catalog, { repair: true });
    expect(repaired).toMatchObject({ ok: true, repairs: [{ path: '$.edges[1]' }] });
    if (repaired.ok) expect(repaired.design.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('a parallel edge can no longer double the simulated volume: the design that loads has one edge', () => {
    const ref = iot.reference;
    const first = ref.edges[0]!;
    const data = { ...ref, edges: [...ref.edges, { ...first, id: 'parallel' }] };
    const loaded = loadDesign(JSON.parse(JSON.stringify(data)), catalog, { repair: true });
    if (!loaded.ok) throw new Error('should repair');
    const cost = (d: Design) => simulate(d, iot.scenario, catalog).cost.horizonTotalUsd;
    expect(cost(loaded.design)).toBeCloseTo(cost(ref), 6);
  });

  it('refuses a self-loop on import and repairs it in storage', () => {
    const data = doc([stream], [{ id: 'loop', source: 'stream', target: 'stream' }]);
    expect(loadDesign(data, catalog)).toMatchObject({ ok: false, problems: [{ path: '$.edges[0]', message: expect.stringMatching(/cannot connect to itself/) }] });
    expect(loadDesign(data, catalog, { repair: true })).toMatchObject({ ok: true, design: { edges: [] }, repairs: [{ path: '$.edges[0]' }] });
  });

  it('refuses a position of 1e300 with its path; repairs it into the canvas range; moveNodes clamps the same way', () => {
    const far = { ...stream, position: { x: 1e300, y: -5 } };
    expect(loadDesign(doc([far]), catalog)).toMatchObject({ ok: false, problems: [{ path: '$.nodes[0].position', message: expect.stringMatching(/outside the canvas/) }] });
    const r = loadDesign(doc([far]), catalog, { repair: true });
    expect(r).toMatchObject({ ok: true, design: { nodes: [{ position: { x: MAX_COORDINATE, y: -5 } }] } });
    const moved = applyCommand(loadDesign(doc([stream]), catalog).ok ? (loadDesign(doc([stream]), catalog) as { design: Design }).design : (null as never), {
      type: 'moveNodes',
      positions: new Map([['stream', { x: 1e300, y: Number.NaN }]]),
    });
    expect(loadDesign(JSON.parse(JSON.stringify(moved)), catalog).ok).toBe(true);
  });

  it('refuses a group size outside the range and repairs it', () => {
    const vpc = { id: 'vpc', service: 'amazon-vpc', position: { x: 0, y: 0 }, size: { width: 1e9, height: 0 } };
    expect(loadDesign(doc([vpc]), catalog)).toMatchObject({ ok: false, problems: [{ path: '$.nodes[0].size' }] });
    expect(loadDesign(doc([vpc]), catalog, { repair: true })).toMatchObject({ ok: true, design: { nodes: [{ size: { width: 100_000, height: 1 } }] } });
  });

  it('reports a setting named __proto__ like any unknown setting (it was dropped silently)', () => {
    const data = JSON.parse(`{"format":"archboard.design","version":2,"nodes":[{"id":"s","service":"amazon-s3","position":{"x":0,"y":0},"settings":{"__proto__":{"encryption":"none"},"constructor":1}}],"edges":[]}`);
    const r = loadDesign(data, catalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['$.nodes[0].settings.__proto__', '$.nodes[0].settings.constructor']);
    const repaired = loadDesign(data, catalog, { repair: true });
    expect(repaired.ok && Object.getPrototypeOf(repaired.design.nodes[0]!.settings ?? {})).toBe(Object.prototype);
  });

  it('cuts echoed values to a short excerpt', () => {
    const huge = 'x'.repeat(1_000_000);
    for (const data of [doc([{ ...stream, service: huge }]), { format: huge }, doc([stream], [{ id: 'e', source: 'stream', target: huge.slice(0, 150) }])]) {
      const r = loadDesign(data, catalog);
      expect(r.ok).toBe(false);
      if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeLessThan(300);
    }
  });
});

describe('loader fuzz: never throws, repairs always give a design that loads strictly', () => {
  const hostile = [...Object.getOwnPropertyNames(Object.prototype), 'g0', 'g1', 'g2', 'n', 's3', ''];
  const services = ['amazon-vpc', 'aws-region', 'amazon-s3', 'amazon-kinesis-data-streams', 'nope'];
  const num = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.constantFrom(1e300, -1e300, 0, 2e6));
  const node = fc.record(
    {
      id: fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 3 })),
      service: fc.constantFrom(...services),
      position: fc.record({ x: num, y: num }),
      parentId: fc.constantFrom(...hostile),
      size: fc.record({ width: num, height: num }),
      settings: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'encryption', 'shardCount', 'toString'), fc.jsonValue()),
    },
    { requiredKeys: ['id', 'service', 'position'] },
  );
  const edge = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), source: fc.constantFrom(...hostile), target: fc.constantFrom(...hostile) });
  it('for random nodes, edges, parents and long chains', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 25 }), fc.array(edge, { maxLength: 25 }), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1200 })), (nodes, edges, chain) => {
        const all = [...nodes, ...chainOfGroups(chain || 1).nodes.slice(0, chain)];
        const data = JSON.parse(JSON.stringify(doc(all, edges)));
        for (const repair of [false, true]) {
          const r = loadDesign(data, catalog, { repair });
          if (!r.ok) for (const p of r.problems) expect(p.path).toMatch(/^\$/);
          else {
            const again = loadDesign(JSON.parse(JSON.stringify(r.design)), catalog);
            expect(again).toMatchObject({ ok: true });
            expect(again.ok && again.repairs).toBeFalsy();
            grade(r.design, iot.scenario, catalog, content.rules);
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});

describe('share links with huge values', () => {
  it('a short link whose design echoes a 1 MB value or thousands of problems gives a short list of short messages', async () => {
    const { compressToEncodedURIComponent } = await import('lz-string');
    const { decodeShareLink } = await import('../../src/domain/share-link.ts');
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, service: i ? 'nope' : 'x'.repeat(1_000_000), position: { x: 0, y: 0 } }));
    const hash = `#d=${compressToEncodedURIComponent(JSON.stringify(doc(nodes)))}`;
    expect(hash.length).toBeLessThan(20_000);
    const r = decodeShareLink(hash, catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeLessThanOrEqual(201);
    expect(r.problems.reduce((n, p) => n + p.message.length, 0)).toBeLessThan(40_000);
  }, 30_000);
});
