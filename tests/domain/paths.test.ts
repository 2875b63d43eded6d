/**
 * The one-search-for-all-targets path query (`DesignGraph.fastestPathsFrom`, which the latency model
 * uses) agrees with the one-target query (`fastestPath`, which the data-path rule uses) on random
 * graphs with cycles, self-loops, zero-delay nodes and buffers; and grading with a simulation handed
 * in gives the report grading alone gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { DesignGraph } from '../../src/domain/graph.ts';
import { simulate } from '../../src/domain/simulation.ts';
import { content } from '../support/designs.ts';

const { catalog, rules } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
// Services with different delays (a Firehose buffer, a scheduled Glue job) and roles to pass through.
const SERVICES = ['iot-devices', 'amazon-kinesis-data-streams', 'amazon-data-firehose', 'amazon-managed-service-for-apache-flink', 'aws-glue', 'amazon-s3', 'amazon-dynamodb', 'amazon-quicksight', 'aws-lambda'].filter((s) =>
  catalog.byId.has(s),
);

const graphArb = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    services: fc.array(fc.constantFrom(...SERVICES), { minLength: n, maxLength: n }),
    buffers: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: n, maxLength: n }),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
  }),
);

function designOf({ services, buffers, edges }: { services: string[]; buffers: number[]; edges: [number, number][] }): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    nodes: services.map((service, i) => ({ id: `n${i}`, service, position: { x: 0, y: 0 }, ...(service === 'amazon-data-firehose' ? { settings: { bufferIntervalSeconds: Math.max(0, buffers[i]!) } } : {}) })),
    edges: edges.map(([s, t], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}` })),
  };
}

describe('fastestPathsFrom', () => {
  it('finds, from one node, the same path to every target as fastestPath does target by target', () => {
    fc.assert(
      fc.property(graphArb, fc.constantFrom<string[]>([], ['stream'], ['amazon-s3'], ['stream', 'object-store']), (parts, through) => {
        const graph = new DesignGraph(designOf(parts), catalog);
        for (const start of graph.nodes) {
          const tree = graph.fastestPathsFrom([start.id], through);
          for (const target of graph.nodes) expect(tree.pathTo(target.id)).toEqual(graph.fastestPath([`#${start.id}`], [`#${target.id}`], through));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('from several nodes, finds a path as fast as fastestPath from all of them', () => {
    fc.assert(
      fc.property(graphArb, (parts) => {
        const graph = new DesignGraph(designOf(parts), catalog);
        const starts = graph.nodes.filter((_, i) => i % 2 === 0).map((n) => n.id);
        const tree = graph.fastestPathsFrom(starts, ['stream']);
        for (const target of graph.nodes)
          expect(tree.pathTo(target.id)?.latencyMs).toEqual(
            graph.fastestPath(
              starts.map((id) => `#${id}`),
              [`#${target.id}`],
              ['stream'],
            )?.latencyMs,
          );
      }),
      { numRuns: 200 },
    );
  });
});

describe('grading with the simulation handed in', () => {
  it('gives the same report as grading alone', () => {
    for (const design of [iot.reference, iot.commonMistake]) expect(grade(design, iot.scenario, catalog, rules, { simulation: simulate(design, iot.scenario, catalog) })).toEqual(grade(design, iot.scenario, catalog, rules));
  });
});
