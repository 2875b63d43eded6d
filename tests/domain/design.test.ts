/** Loading design documents: every problem is reported with its JSON path; good files round-trip. */
import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION, loadDesign, loadDesignText, serializeDesign } from '../../src/domain/design.ts';
import { build, content } from '../support/designs.ts';

const { catalog } = content;
const good = () => JSON.parse(serializeDesign(build({ d: 'iot-devices', k: ['amazon-kinesis-data-streams', { shardCount: 60 }] }, ['d>k'])));
const problemsOf = (data: unknown) => {
  const result = loadDesign(data, catalog);
  return result.ok ? [] : result.problems;
};

describe('loadDesign', () => {
  it('round-trips a valid design through its text', () => {
    const design = build({ d: 'iot-devices', s: ['amazon-s3', { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }] }] }, [['d>s', { tls: false }]]);
    const result = loadDesignText(serializeDesign(design), catalog);
    expect(result).toEqual({ ok: true, design });
  });

  it.each([
    ['not JSON', '{"format": "archboard.design",', '$', /not valid JSON/],
    ['a JSON array', '[]', '$', /JSON object/],
  ])('refuses %s', (_name, text, path, message) => {
    const result = loadDesignText(text, catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.path).toBe(path);
      expect(result.problems[0]!.message).toMatch(message);
    }
  });

  it.each<[string, (d: any) => void, string, RegExp]>([
    ['another format', (d) => (d.format = 'drawio'), '$.format', /not an Archboard design/],
    ['a newer version', (d) => (d.version = DESIGN_VERSION + 1), '$.version', /newer Archboard/],
    ['a parent that is not a node', (d) => (d.nodes[0].parentId = 'ghost'), '$.nodes[0].parentId', /not a node/],
    ['a parent that is not a group', (d) => (d.nodes[0].parentId = 'k'), '$.nodes[0].parentId', /not a group/],
    ['a group size that is not positive', (d) => (d.nodes[0].size = { width: 0, height: 10 }), '$.nodes[0].size', /width and height must be from 1 to 100000 px/],
    ['a version that is not a number', (d) => (d.version = '1'), '$.version', /version number/],
    ['an unknown service', (d) => (d.nodes[1].service = 'amazon-kinesis'), '$.nodes[1].service', /unknown service "amazon-kinesis"/],
    ['a dangling edge', (d) => (d.edges[0].target = 'ghost'), '$.edges[0].target', /"ghost", which is not a node/],
    ['a duplicate node id', (d) => (d.nodes[1].id = 'd'), '$.nodes[1].id', /duplicate node id "d"/],
    ['an edge id equal to a node id', (d) => (d.edges[0].id = 'k'), '$.edges[0].id', /duplicate id/],
    ['a setting out of range', (d) => (d.nodes[1].settings.shardCount = 0), '$.nodes[1].settings.shardCount', /too small|>=/],
    ['a setting the service does not have', (d) => (d.nodes[1].settings.colour = 'red'), '$.nodes[1].settings.colour', /no setting "colour"/],
    ['a setting named like an Object method (found by the fuzz test)', (d) => (d.nodes[1].settings.valueOf = null), '$.nodes[1].settings.valueOf', /no setting "valueOf"/],
    ['an enum value not offered', (d) => (d.nodes[1].settings.capacityMode = 'turbo'), '$.nodes[1].settings.capacityMode', /one of/],
    ['a missing position', (d) => delete d.nodes[0].position, '$.nodes[0].position', /.+/],
    ['an extra top-level key', (d) => (d.layout = {}), '$', /layout/],
    ['a non-boolean tls', (d) => (d.edges[0].settings = { tls: 'yes' }), '$.edges[0].settings.tls', /boolean/],
  ])('reports %s at its path', (_name, change, path, message) => {
    const doc = good();
    change(doc);
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toMatch(message);
  });

  it('reports every problem, not just the first', () => {
    const doc = good();
    doc.nodes[1].service = 'nope';
    doc.edges[0].source = 'ghost';
    expect(
      problemsOf(doc)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['$.edges[0].source', '$.nodes[1].service']);
  });
});

describe('groups and versions', () => {
  it('migrates a version-1 document to the current version', () => {
    const v1 = { ...good(), version: 1 };
    const result = loadDesign(v1, catalog);
    expect(result).toMatchObject({ ok: true, migratedFrom: 1, design: { version: DESIGN_VERSION, nodes: v1.nodes } });
  });

  it('keeps group membership and refuses a loop of groups', () => {
    const design = build({ r: ['aws-region', { regionCode: 'eu-west-1' }], v: 'amazon-vpc', s: 'amazon-s3' });
    design.nodes[1]!.parentId = 'r';
    design.nodes[2]!.parentId = 'v';
    expect(loadDesignText(serializeDesign(design), catalog)).toEqual({ ok: true, design });
    design.nodes[0]!.parentId = 'v';
    const looped = loadDesign(JSON.parse(serializeDesign(design)), catalog);
    expect(looped.ok ? [] : looped.problems.map((p) => p.path)).toContain('$.nodes[0].parentId');
  });
});
