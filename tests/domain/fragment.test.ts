/** Copy and paste of part of a design: fresh ids, internal edges, group membership, offsets. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/domain/commands.ts';
import { loadDesign } from '../../src/domain/design.ts';
import { copyFragment, pasteFragment } from '../../src/domain/fragment.ts';
import { build, content, grouped } from '../support/designs.ts';

const pipeline = () =>
  build({ 'devices-1': 'iot-devices', 'kinesis-1': 'amazon-kinesis-data-streams', 's3-1': ['amazon-s3', { storageClass: 'STANDARD_IA' }], 'athena-1': 'amazon-athena' }, [
    ['devices-1>kinesis-1', { label: 'MQTT' }],
    'kinesis-1>s3-1',
    's3-1>athena-1',
  ]);

describe('copyFragment', () => {
  it('keeps the selected nodes, their settings, and only the edges between them', () => {
    const f = copyFragment(pipeline(), ['kinesis-1', 's3-1', 'athena-1'])!;
    expect(f.nodes.map((n) => n.id)).toEqual(['kinesis-1', 's3-1', 'athena-1']);
    expect(f.nodes[1]!.settings).toEqual({ storageClass: 'STANDARD_IA' });
    expect(f.edges.map((e) => e.id)).toEqual(['kinesis-1>s3-1', 's3-1>athena-1']);
    expect(loadDesign(f, content.catalog).ok).toBe(true);
  });

  it('returns nothing when no known node is selected', () => {
    expect(copyFragment(pipeline(), ['nope'])).toBeUndefined();
  });

  it('brings the members of a copied group, and makes a member copied without its group absolute', () => {
    const base = pipeline();
    const design = grouped({ ...base, nodes: [{ id: 'eu', service: 'aws-region', position: { x: 1000, y: 500 }, size: { width: 800, height: 300 } }, ...base.nodes] }, { 'kinesis-1': 'eu', 's3-1': 'eu' });
    const withGroup = copyFragment(design, ['eu'])!;
    expect(withGroup.nodes.map((n) => [n.id, n.parentId])).toEqual([
      ['eu', undefined],
      ['kinesis-1', 'eu'],
      ['s3-1', 'eu'],
    ]);
    const alone = copyFragment(design, ['s3-1'])!;
    expect(alone.nodes[0]!.parentId).toBeUndefined();
    expect(alone.nodes[0]!.position).toEqual({ x: 1000 + 400, y: 500 });
  });
});

describe('pasteFragment', () => {
  it('adds copies with fresh ids and the internal edges, in one command', () => {
    const design = pipeline();
    const f = copyFragment(design, ['kinesis-1', 's3-1', 'athena-1'])!;
    const pasted = pasteFragment(design, f, { x: 24, y: 24 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['kinesis-2', 's3-2', 'athena-2']);
    expect(pasted.nodes.map((n) => n.position)).toEqual([
      { x: 224, y: 24 },
      { x: 424, y: 24 },
      { x: 624, y: 24 },
    ]);
    expect(pasted.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['kinesis-2>s3-2', 's3-2>athena-2']);
    const after = applyCommand(design, { type: 'addNodes', nodes: pasted.nodes, edges: pasted.edges });
    expect(after.nodes).toHaveLength(7);
    expect(after.edges).toHaveLength(5);
    expect(new Set([...after.nodes, ...after.edges].map((x) => x.id)).size).toBe(12);
    expect(loadDesign(after, content.catalog).ok).toBe(true);
  });

  it('keeps edge settings and gives the same fragment new ids on a second paste', () => {
    const design = pipeline();
    const f = copyFragment(design, ['devices-1', 'kinesis-1'])!;
    const once = applyCommand(design, { type: 'addNodes', ...pasteFragment(design, f, { x: 24, y: 24 }) });
    const twice = pasteFragment(once, f, { x: 48, y: 48 });
    expect(twice.nodes.map((n) => n.id)).toEqual(['devices-3', 'kinesis-3']);
    expect(twice.edges[0]!.settings).toEqual({ label: 'MQTT' });
  });

  it('re-parents members to the pasted group and moves only top-level nodes by the offset', () => {
    const base = pipeline();
    const design = grouped({ ...base, nodes: [{ id: 'eu', service: 'aws-region', position: { x: 0, y: 0 }, size: { width: 800, height: 300 } }, ...base.nodes] }, { 'kinesis-1': 'eu' });
    const pasted = pasteFragment(design, copyFragment(design, ['eu'])!, { x: 24, y: 24 });
    const [group, member] = pasted.nodes;
    expect(group!.position).toEqual({ x: 24, y: 24 });
    expect(member!.parentId).toBe(group!.id);
    expect(member!.position).toEqual({ x: 200, y: 0 });
    expect(loadDesign(applyCommand(design, { type: 'addNodes', nodes: pasted.nodes, edges: pasted.edges }), content.catalog).ok).toBe(true);
  });
});
