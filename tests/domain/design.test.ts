/** Loading design documents: every problem is reported with its JSON path; good files round-trip. */
import { describe, expect, it } from 'vitest';
import { loadDesign, loadDesignText, serializeDesign } from '../../src/domain/design.ts';
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
    ['a newer version', (d) => (d.version = 2), '$.version', /newer Archboard/],
    ['a version that is not a number', (d) => (d.version = '1'), '$.version', /version number/],
    ['an unknown service', (d) => (d.nodes[1].service = 'amazon-kinesis'), '$.nodes[1].service', /unknown service "amazon-kinesis"/],
    ['a dangling edge', (d) => (d.edges[0].target = 'ghost'), '$.edges[0].target', /"ghost", which is not a node/],
    ['a duplicate node id', (d) => (d.nodes[1].id = 'd'), '$.nodes[1].id', /duplicate node id "d"/],
    ['an edge id equal to a node id', (d) => (d.edges[0].id = 'k'), '$.edges[0].id', /duplicate id/],
    ['a setting out of range', (d) => (d.nodes[1].settings.shardCount = 0), '$.nodes[1].settings.shardCount', /too small|>=/],
    ['a setting the service does not have', (d) => (d.nodes[1].settings.colour = 'red'), '$.nodes[1].settings.colour', /no setting "colour"/],
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
    expect(problemsOf(doc).map((p) => p.path).sort()).toEqual(['$.edges[0].source', '$.nodes[1].service']);
  });
});
