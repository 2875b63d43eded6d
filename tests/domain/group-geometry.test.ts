/** The commands a drag ends with: into, out of and between groups; the innermost group wins. */
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/adapters/content.ts';
import { applyCommand } from '../../src/domain/commands.ts';
import { DESIGN_VERSION, type Design, type DesignNode } from '../../src/domain/design.ts';
import { boundsOf } from '../../src/domain/diagram.ts';
import { absolutePositions, dragEndCommands, nodeSize, placement } from '../../src/domain/groups.ts';

const { catalog } = CONTENT;
const design = (nodes: DesignNode[]): Design => ({ format: 'archboard.design', version: DESIGN_VERSION, nodes, edges: [] });
// Region (0,0) 1000x600 holding a VPC at (100,100) 400x300; a second Region at (1200,0); S3 at top level.
const base = design([
  { id: 'eu', service: 'aws-region', position: { x: 0, y: 0 }, size: { width: 1000, height: 600 } },
  { id: 'vpc', service: 'amazon-vpc', parentId: 'eu', position: { x: 100, y: 100 }, size: { width: 400, height: 300 } },
  { id: 'us', service: 'aws-region', position: { x: 1200, y: 0 }, size: { width: 600, height: 400 } },
  { id: 's3', service: 'amazon-s3', position: { x: 2000, y: 800 } },
]);
const run = (d: Design, moved: Record<string, { x: number; y: number }>) => dragEndCommands(d, catalog, new Map(Object.entries(moved))).reduce(applyCommand, d);
const node = (d: Design, id: string) => d.nodes.find((n) => n.id === id)!;

describe('drag end and groups', () => {
  it('puts a node into the innermost group under its centre, position relative to it', () => {
    const d = run(base, { s3: { x: 200, y: 200 } }); // centre (304, 232): in the VPC, which is in the Region
    expect(node(d, 's3').parentId).toBe('vpc');
    expect(node(d, 's3').position).toEqual({ x: 100, y: 100 });
    expect(absolutePositions(d).get('s3')).toEqual({ x: 200, y: 200 });
    expect(d.nodes.findIndex((n) => n.id === 'vpc')).toBeLessThan(d.nodes.findIndex((n) => n.id === 's3'));
  });

  it('moves a member out to the canvas and from one group into another, keeping where it is on screen', () => {
    const inVpc = run(base, { s3: { x: 200, y: 200 } });
    const out = run(inVpc, { s3: { x: 2000, y: 900 } }); // relative to the VPC: absolute (2100, 1000)
    expect(node(out, 's3').parentId).toBeUndefined();
    expect(node(out, 's3').position).toEqual({ x: 2100, y: 1000 });
    const across = run(inVpc, { s3: { x: 1200, y: 50 } }); // absolute (1300, 150): in the us Region
    expect(node(across, 's3').parentId).toBe('us');
    expect(node(across, 's3').position).toEqual({ x: 100, y: 150 });
  });

  it('keeps a move within the same group a plain move, and puts a group only into a bigger one', () => {
    const inVpc = run(base, { s3: { x: 200, y: 200 } });
    expect(dragEndCommands(inVpc, catalog, new Map([['s3', { x: 120, y: 110 }]]))).toEqual([{ type: 'moveNodes', positions: new Map([['s3', { x: 120, y: 110 }]]) }]);
    // The VPC dragged onto the us Region (bigger than it) goes in; the us Region dragged onto the VPC does not.
    const vpcMoved = run(base, { vpc: { x: 1250, y: 50 } });
    expect(node(vpcMoved, 'vpc').parentId).toBe('us');
    const small = design([
      { id: 'big', service: 'aws-region', position: { x: 0, y: 0 }, size: { width: 300, height: 200 } },
      { id: 'az', service: 'availability-zone', position: { x: 1000, y: 0 }, size: { width: 600, height: 400 } },
    ]);
    expect(node(run(small, { az: { x: -150, y: -100 } }), 'az').parentId).toBeUndefined();
    // A group never goes into its own member.
    expect(node(run(base, { eu: { x: 0, y: 0 } }), 'eu').parentId).toBeUndefined();
  });

  it('places a node dropped from the palette inside the group under it', () => {
    expect(placement(base, catalog, 'amazon-s3', { x: 1300, y: 100 })).toEqual({ parentId: 'us', position: { x: 100, y: 100 } });
    expect(placement(base, catalog, 'amazon-s3', { x: 3000, y: 100 })).toEqual({ parentId: undefined, position: { x: 3000, y: 100 } });
  });
});

describe('boundsOf', () => {
  it('spans every drawn box at its absolute position, members of groups included', () => {
    const nested = run(base, { s3: { x: 200, y: 200 } }); // S3 inside the VPC, inside the Region
    const far = { ...nested, nodes: [...nested.nodes, { id: 'k', service: 'amazon-kinesis-data-streams', position: { x: -300, y: 900 } }] };
    const box = boundsOf(far.nodes, catalog, absolutePositions(far));
    // Left edge from the stream at x -300; right edge from the us Region (1200 + 600); bottom from the stream (900 + its height).
    expect(box).toEqual({ x: -300, y: 0, width: 2100, height: 900 + nodeSize(far.nodes.at(-1)!, catalog).height });
  });

  it('counts measured sizes and leaves out nodes it cannot place or draw', () => {
    const d = design([
      { id: 'a', service: 'amazon-s3', position: { x: 10, y: 20 } },
      { id: 'gone', service: 'no-such-service', position: { x: 5000, y: 5000 } },
      { id: 'nan', service: 'amazon-s3', position: { x: Number.NaN, y: 0 } },
    ]);
    expect(boundsOf(d.nodes, catalog, absolutePositions(d), new Map([['a', { width: 300, height: 100 }]]))).toEqual({ x: 10, y: 20, width: 300, height: 100 });
    expect(boundsOf([], catalog, new Map())).toBeUndefined();
  });
});
