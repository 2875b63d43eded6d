/** Commands return a new design and leave the old one untouched; refused edits change nothing. */
import { describe, expect, it } from 'vitest';
import { applyCommand, freshId } from '../../src/domain/commands.ts';
import { DesignGraph } from '../../src/domain/graph.ts';
import { build, content } from '../support/designs.ts';

const base = () => build({ a: 'iot-devices', b: 'amazon-kinesis-data-streams', c: 'amazon-s3' }, ['a>b']);

describe('applyCommand', () => {
  it('adds, moves, sets and removes without mutating the input', () => {
    const before = base();
    const frozen = JSON.stringify(before);
    let d = applyCommand(before, { type: 'setNodeSetting', nodeId: 'b', key: 'shardCount', value: 60 });
    d = applyCommand(d, { type: 'moveNodes', positions: new Map([['c', { x: 5, y: 7 }]]) });
    d = applyCommand(d, { type: 'connect', edge: { id: 'e1', source: 'b', target: 'c' } });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(d.nodes.find((n) => n.id === 'b')!.settings).toEqual({ shardCount: 60 });
    expect(d.nodes.find((n) => n.id === 'c')!.position).toEqual({ x: 5, y: 7 });
    expect(d.edges.map((e) => e.id)).toEqual(['a>b', 'e1']);
  });

  it('removing a node removes its edges', () => {
    const d = applyCommand(base(), { type: 'removeElements', nodeIds: ['b'], edgeIds: [] });
    expect(d.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(d.edges).toEqual([]);
  });

  it.each([
    ['a self-loop', { id: 'x', source: 'a', target: 'a' }],
    ['a second edge between the same nodes', { id: 'x', source: 'a', target: 'b' }],
    ['an edge to a missing node', { id: 'x', source: 'a', target: 'zz' }],
    ['an edge with a taken id', { id: 'b', source: 'b', target: 'c' }],
  ])('refuses %s', (_name, edge) => {
    const before = base();
    expect(applyCommand(before, { type: 'connect', edge })).toBe(before);
  });

  it('clears a label set to blank', () => {
    const d = applyCommand(applyCommand(base(), { type: 'setNodeLabel', nodeId: 'a', label: 'Sensors' }), { type: 'setNodeLabel', nodeId: 'a', label: '  ' });
    expect(d.nodes[0]).not.toHaveProperty('label');
  });

  it('freshId picks the smallest free number', () => {
    const d = build({ 'kinesis-1': 'amazon-kinesis-data-streams', 'kinesis-3': 'amazon-kinesis-data-streams' });
    expect(freshId(d, 'kinesis')).toBe('kinesis-2');
  });
});

describe('groups', () => {
  const grouped = () => build({ s: 'amazon-s3', r: 'aws-region', v: 'amazon-vpc' }, []);

  it('puts a node into a group, keeps groups before members, and reads membership back', () => {
    let d = applyCommand(grouped(), { type: 'setParent', nodeId: 'v', parentId: 'r', position: { x: 10, y: 20 } });
    d = applyCommand(d, { type: 'setParent', nodeId: 's', parentId: 'v', position: { x: 5, y: 5 } });
    expect(d.nodes.map((n) => n.id)).toEqual(['r', 'v', 's']);
    const graph = new DesignGraph(d, content.catalog);
    expect(graph.groupsOf('s').map((g) => g.id)).toEqual(['v', 'r']);
    expect(
      graph
        .membersOf('r')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['s', 'v']);
    const out = applyCommand(d, { type: 'setParent', nodeId: 's', parentId: undefined, position: { x: 0, y: 0 } });
    expect(out.nodes.find((n) => n.id === 's')).not.toHaveProperty('parentId');
  });

  it('refuses to put a group inside its own member', () => {
    const d = applyCommand(grouped(), { type: 'setParent', nodeId: 'v', parentId: 'r', position: { x: 0, y: 0 } });
    expect(applyCommand(d, { type: 'setParent', nodeId: 'r', parentId: 'v', position: { x: 0, y: 0 } })).toBe(d);
  });

  it('removing a group removes its members and their edges', () => {
    let d = build({ r: 'aws-region', s: 'amazon-s3', a: 'amazon-athena', q: 'amazon-quicksight' }, ['s>a', 'a>q']);
    d = applyCommand(d, { type: 'setParent', nodeId: 's', parentId: 'r', position: { x: 0, y: 0 } });
    d = applyCommand(d, { type: 'removeElements', nodeIds: ['r'], edgeIds: [] });
    expect(d.nodes.map((n) => n.id)).toEqual(['a', 'q']);
    expect(d.edges.map((e) => e.id)).toEqual(['a>q']);
  });
});
