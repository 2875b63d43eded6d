/**
 * The simulator and the sizing rule agree: the `stage-capacity` finding on the IoT common-mistake
 * design quotes the same load, capacity and binding limit as the simulation of that design, flags the
 * node the simulation names as its bottleneck, and both change their verdict at the same shard count.
 */
import { describe, expect, it } from 'vitest';
import { formatLoad } from '../../src/domain/format.ts';
import type { Design } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { simulate } from '../../src/domain/simulation.ts';
import { content } from '../support/designs.ts';

const { catalog, rules } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const sizing = iot.scenario.requirements.find((r) => r.rule === 'stage-capacity')!;
const streamOf = (d: Design) => d.nodes.find((n) => n.service === 'amazon-kinesis-data-streams')!;
const withShards = (d: Design, shardCount: number): Design => ({
  ...d,
  nodes: d.nodes.map((n) => (n === streamOf(d) ? { ...n, settings: { ...n.settings, capacityMode: 'provisioned', shardCount } } : n)),
});
const sizingResult = (d: Design) => grade(d, iot.scenario, catalog, rules).results.find((r) => r.requirementId === sizing.id)!;

describe('stage-capacity and the simulation', () => {
  it('quote the same load, capacity and limit for the common-mistake design (10 shards, overloaded)', () => {
    const design = iot.commonMistake;
    const stream = streamOf(design);
    expect(stream.settings?.shardCount).toBe(10);

    const sim = simulate(design, iot.scenario, catalog);
    const load = sim.nodes.find((n) => n.nodeId === stream.id)!;
    // 5,000 GB/day x 10^9 B / 86,400 s / 10^6 = 57.87 MB/s; x 3 peak = 173.61 MB/s; 10 shards x 1 MB/s = 10 MB/s.
    expect(load.inboundMBps).toBeCloseTo(57.87037, 4);
    expect(load.peakInboundMBps).toBeCloseTo(173.6111, 3);
    expect(load.capacityMBps).toBe(10);
    expect(load.binding).toMatchObject({ id: 'shard-write-bytes', capacity: 10 });
    expect(sim.bottleneck).toMatchObject({ nodeId: stream.id, overloaded: true });

    const result = sizingResult(design);
    expect(result.status).toBe('fail');
    const finding = result.findings.find((f) => f.nodeIds.includes(stream.id))!;
    expect(finding.code).toBe('stage-overloaded');
    // The simulation's figures, printed as the app and the grader print them, are the rule's figures.
    expect(finding.message).toContain(`${formatLoad(load.binding!.peakLoad, 'MB/s')} at 3x peak against ${formatLoad(10, 'MB/s')}`);
    expect(finding.message).toContain(load.binding!.label);
    expect(finding.remediation).toContain('Shards to at least 174'); // 173.61 MB/s / 1 MB/s per shard
  });

  it('change their verdict at the same shard count (the requirement sizes for the 3x peak)', () => {
    expect(sizing.params).toMatchObject({ sizedFor: 'peak' });
    // 173.61 MB/s at peak needs 174 shards: 173 shards are overloaded at peak, 174 are not.
    for (const [shards, overloaded] of [
      [58, true],
      [173, true],
      [174, false],
      [400, false],
    ] as const) {
      const design = withShards(iot.reference, shards);
      const sim = simulate(design, iot.scenario, catalog);
      const load = sim.nodes.find((n) => n.nodeId === streamOf(design).id)!;
      expect(load.capacityMBps).toBe(shards);
      expect(load.overloadedAtPeak, `${shards} shards`).toBe(overloaded);
      expect(sizingResult(design).status, `${shards} shards`).toBe(overloaded ? 'fail' : 'pass');
    }
  });

  it('find no overloaded node in the reference design, whose sizing rule passes', () => {
    const sim = simulate(iot.reference, iot.scenario, catalog);
    expect(sim.nodes.filter((n) => n.overloaded)).toEqual([]);
    expect(sim.nodes.filter((n) => n.overloadedAtPeak)).toEqual([]);
    expect(sizingResult(iot.reference).status).toBe('pass');
    // And it meets every latency budget the scenario sets.
    const budgets = sim.sinks.flatMap((s) => s.budgets);
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.every((b) => b.withinBudget)).toBe(true);
  });
});
