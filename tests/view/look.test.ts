/**
 * Issue 10's pure view logic with the shipped catalog: ranked palette search, free placement of
 * keyboard-added services, a new group fitting inside its parent, edge routes around nodes, and the
 * setting a finding names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADED_CONTENT as CONTENT } from '../../src/adapters/graded-content.ts';
import { DESIGN_VERSION, type Design, type DesignNode } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { routeEdges, routePath, type RouteBox } from '../../src/view/edge-routes.ts';
import { findingSetting } from '../../src/view/finding-setting.ts';
import { DEFAULT_GROUP_SIZE, freePosition, GROUP_INSET, nodeSize, placement } from '../../src/domain/groups.ts';
import { searchCatalog } from '../../src/view/palette-search.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/view/ServiceNode.tsx';

const { catalog } = CONTENT;
const design = (nodes: DesignNode[], edges: Design['edges'] = []): Design => ({ format: 'archboard.design', version: DESIGN_VERSION, nodes, edges });
const top = (q: string) => searchCatalog(catalog.entries, q)[0]?.entry.id;

describe('palette search ranks', () => {
  it.each([
    ['athena', 'amazon-athena'],
    ['Athena', 'amazon-athena'],
    ['s3', 'amazon-s3'],
    ['ddb', 'amazon-dynamodb'],
    ['kds', 'amazon-kinesis-data-streams'],
    ['msk', 'amazon-msk'],
    ['flink', 'amazon-managed-service-for-apache-flink'],
    ['emr', 'amazon-emr'],
    ['sfn', 'aws-step-functions'],
    ['dynamo db', 'amazon-dynamodb'],
    ['xray', 'aws-x-ray'],
    ['Amazon Redshift', 'amazon-redshift'],
    ['kinesis data', 'amazon-kinesis-data-streams'],
  ])('"%s" puts %s first', (q, id) => expect(top(q)).toBe(id));

  it('ranks name matches before description matches, and finds by description last', () => {
    const hits = searchCatalog(catalog.entries, 's3');
    expect(hits[0]!.tier).toBe(0);
    const tiers = hits.map((h) => h.tier);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    expect(searchCatalog(catalog.entries, 'shards').every((h) => h.tier === 4)).toBe(true);
  });

  it('every entry is the top hit for its own name and its short name (or ties with an identical name)', () => {
    for (const e of catalog.entries) {
      for (const q of [e.name, e.shortName]) {
        const first = searchCatalog(catalog.entries, q)[0]!;
        expect(first.tier, `${q}`).toBe(0);
        if (first.entry.id !== e.id)
          expect(
            searchCatalog(catalog.entries, q)
              .filter((h) => h.tier === 0)
              .map((h) => h.entry.id),
            q,
          ).toContain(e.id);
      }
    }
  });

  it('returns everything in catalog order for an empty query, and nothing for nonsense', () => {
    expect(searchCatalog(catalog.entries, '  ').map((h) => h.entry.id)).toEqual(catalog.entries.map((e) => e.id));
    expect(searchCatalog(catalog.entries, 'zzqqxx')).toEqual([]);
  });
});

describe('placing services and groups', () => {
  it('a new service goes beside the anchor, never on top of another service', () => {
    const size = { width: NODE_WIDTH, height: NODE_HEIGHT };
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: -600, max: 600 }), y: fc.integer({ min: -400, max: 400 }) }), { minLength: 1, maxLength: 25 }), (points) => {
        const d = design(points.map((p, i) => ({ id: `n${i}`, service: 'amazon-s3', position: p })));
        const anchor = { position: d.nodes[0]!.position, size };
        const p = freePosition(d, catalog, anchor, size);
        for (const n of d.nodes) {
          const overlap = p.x < n.position.x + size.width && n.position.x < p.x + size.width && p.y < n.position.y + size.height && n.position.y < p.y + size.height;
          expect(overlap).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('beside a lone selection, the new service goes to its right (the next stage of the flow)', () => {
    const d = design([{ id: 'a', service: 'amazon-s3', position: { x: 0, y: 0 } }]);
    const p = freePosition(d, catalog, { position: { x: 0, y: 0 }, size: { width: NODE_WIDTH, height: NODE_HEIGHT } }, { width: NODE_WIDTH, height: NODE_HEIGHT });
    expect(p.x).toBeGreaterThan(NODE_WIDTH);
    expect(p.y).toBe(0);
  });

  it('a group dropped on a group of the same default size nests inside it, smaller, with its handles clear', () => {
    const d = design([{ id: 'region', service: 'aws-region', position: { x: 100, y: 100 }, size: { ...DEFAULT_GROUP_SIZE } }]);
    const place = placement(d, catalog, 'amazon-vpc', { x: 100, y: 100 });
    expect(place.parentId).toBe('region');
    const parent = nodeSize(d.nodes[0]!, catalog);
    expect(place.size!.width).toBeLessThanOrEqual(parent.width - 2 * GROUP_INSET.side);
    expect(place.position.x).toBeGreaterThanOrEqual(GROUP_INSET.side);
    expect(place.position.y).toBeGreaterThanOrEqual(GROUP_INSET.top);
    expect(place.position.x + place.size!.width).toBeLessThanOrEqual(parent.width - GROUP_INSET.side);
    expect(place.position.y + place.size!.height).toBeLessThanOrEqual(parent.height - GROUP_INSET.side);
  });

  it('a group dropped on empty canvas keeps the default size at top level', () => {
    const place = placement(design([]), catalog, 'amazon-vpc', { x: 0, y: 0 });
    expect(place).toEqual({ position: { x: 0, y: 0 }, parentId: undefined, size: DEFAULT_GROUP_SIZE });
  });
});

describe('edge routes', () => {
  const box = (x: number, y: number): RouteBox => ({ x, y, width: 200, height: 60 });
  const crosses = (pts: { x: number; y: number }[], b: RouteBox) =>
    pts.slice(1).some((p, i) => {
      const a = pts[i]!;
      return Math.min(a.x, p.x) < b.x + b.width && Math.max(a.x, p.x) > b.x && Math.min(a.y, p.y) < b.y + b.height && Math.max(a.y, p.y) > b.y;
    });

  it('goes straight between two aligned neighbours, and around a box in the way', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(400, 0)],
    ]);
    expect(routeEdges(boxes, [{ id: 'e', source: 'a', target: 'b' }]).get('e')!.points).toHaveLength(2);
    boxes.set('c', box(700, 0));
    const r = routeEdges(boxes, [{ id: 'e', source: 'a', target: 'c' }]).get('e')!;
    expect(crosses(r.points, boxes.get('b')!)).toBe(false);
    expect(r.points[0]).toEqual({ x: 200, y: 30 });
    expect(r.points.at(-1)).toEqual({ x: 700, y: 30 });
  });

  it('never runs through another box (random layouts on a grid)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ c: fc.integer({ min: 0, max: 5 }), r: fc.integer({ min: 0, max: 4 }) }), { minLength: 2, maxLength: 14, selector: (p) => `${p.c},${p.r}` }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        (cells, pairs) => {
          const boxes = new Map(cells.map((p, i) => [`n${i}`, box(p.c * 300, p.r * 160)] as const));
          const ids = [...boxes.keys()];
          const edges = pairs.map(([a, b], i) => ({ id: `e${i}`, source: ids[a % ids.length]!, target: ids[b % ids.length]! }));
          for (const [id, route] of routeEdges(boxes, edges)) {
            const e = edges.find((x) => x.id === id)!;
            for (const [bid, b] of boxes) if (bid !== e.source && bid !== e.target) expect(crosses(route.points, b), `${id} through ${bid}`).toBe(false);
            for (let i = 1; i < route.points.length; i++) expect(route.points[i]!.x === route.points[i - 1]!.x || route.points[i]!.y === route.points[i - 1]!.y).toBe(true);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('draws a path that starts and ends exactly at the ports it is given', () => {
    const { d } = routePath(
      [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
        { x: 50, y: 100 },
        { x: 120, y: 100 },
      ],
      { x: 2, y: 1 },
      { x: 118, y: 99 },
    );
    expect(d.startsWith('M 2 1')).toBe(true);
    expect(d.endsWith('L 118 99')).toBe(true);
  });
});

describe('the setting a finding names', () => {
  it('opens the IoT common mistake findings on the settings they ask to change', () => {
    const loaded = CONTENT.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
    const report = grade(loaded.commonMistake, loaded.scenario, catalog, CONTENT.rules);
    const findings = report.results.flatMap((r) => r.findings);
    const unencrypted = findings.find((f) => /unencrypted at rest/.test(f.message))!;
    expect(findingSetting(unencrypted, loaded.commonMistake, catalog)).toEqual({ nodeId: unencrypted.nodeIds[0], key: 'encryption' });
    const archive = findings.find((f) => /archive/i.test(f.message) && f.nodeIds.length)!;
    expect(findingSetting(archive, loaded.commonMistake, catalog)?.key).toMatch(/lifecycle/i);
  });

  it('uses the setting a rule names, and names none for a finding about a missing service', () => {
    const d = design([{ id: 's3', service: 'amazon-s3', position: { x: 0, y: 0 } }]);
    expect(findingSetting({ nodeIds: ['s3'], edgeIds: [], message: 'x', remediation: 'y', setting: 'storageClass' }, d, catalog)).toEqual({ nodeId: 's3', key: 'storageClass' });
    expect(findingSetting({ nodeIds: [], edgeIds: [], message: 'Amazon CloudWatch is missing from the design.', remediation: 'Add it.' }, d, catalog)).toBeUndefined();
  });
});
