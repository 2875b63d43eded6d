/**
 * The simulator and the rules agree: the `ingestion-capacity` finding on the IoT common-mistake design
 * quotes the same MB/s and capacity as the simulation of that design, flags the node the simulation
 * names as its bottleneck, and both change their verdict at the same shard count. The rules are not
 * rewritten to read the simulation (another module owns them); this test keeps the two in step.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { formatMBps, simulate } from '../../src/domain/simulation.ts';
import { content } from '../support/designs.ts';

const { catalog, rules } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const capacityRequirement = iot.scenario.requirements.find((r) => r.rule === 'ingestion-capacity')!;
const streamOf = (d: Design) => d.nodes.find((n) => n.service === 'amazon-kinesis-data-streams')!;
const withShards = (d: Design, shardCount: number): Design => ({
  ...d,
  nodes: d.nodes.map((n) => (n === streamOf(d) ? { ...n, settings: { ...n.settings, capacityMode: 'provisioned', shardCount } } : n)),
});
const capacityResult = (d: Design) => grade(d, iot.scenario, catalog, rules).results.find((r) => r.requirementId === capacityRequirement.id)!;

describe('ingestion-capacity and the simulation', () => {
  it('quote the same MB/s and capacity for the common-mistake design (10 shards, overloaded)', () => {
    const design = iot.commonMistake;
    const stream = streamOf(design);
    expect(stream.settings?.shardCount).toBe(10);

    const sim = simulate(design, iot.scenario, catalog);
    const load = sim.nodes.find((n) => n.nodeId === stream.id)!;
    // 5,000 GB/day x 10^9 B / 86,400 s / 10^6 = 57.87 MB/s; x 3 peak = 173.61 MB/s; 10 shards x 1 MB/s = 10 MB/s.
    expect(load.inboundMBps).toBeCloseTo(57.87037, 4);
    expect(load.peakInboundMBps).toBeCloseTo(173.6111, 3);
    expect(load.capacityMBps).toBe(10);
    expect(sim.bottleneck).toMatchObject({ nodeId: stream.id, overloaded: true });

    const result = capacityResult(design);
    expect(result.status).toBe('fail');
    const finding = result.findings.find((f) => f.nodeIds.includes(stream.id))!;
    expect(finding).toBeDefined();
    // The simulation's figures, printed as the app and the grader print them, are the rule's figures.
    expect(finding.message).toContain(`${formatMBps(load.inboundMBps)} average (${formatMBps(load.peakInboundMBps)} at ${sim.workload.peakFactor}x peak) against 10 shards (${formatMBps(load.capacityMBps!)})`);
    expect(finding.message).toBe(`${stream.label}: 57.9 MB/s average (173.6 MB/s at 3x peak) against 10 shards (10 MB/s).`);
  });

  it('change their verdict at the same shard count (the rule requires the average, headroom 1)', () => {
    expect(capacityRequirement.params).toMatchObject({ headroomFactor: 1 });
    // 57.87 MB/s needs 58 shards: 57 shards (57 MB/s) are overloaded, 58 (58 MB/s) are not.
    for (const [shards, overloaded] of [[57, true], [58, false], [200, false]] as const) {
      const design = withShards(iot.commonMistake, shards);
      const sim = simulate(design, iot.scenario, catalog);
      const load = sim.nodes.find((n) => n.nodeId === streamOf(design).id)!;
      expect(load.capacityMBps).toBe(shards);
      expect(load.overloaded, `${shards} shards`).toBe(overloaded);
      expect(capacityResult(design).status, `${shards} shards`).toBe(overloaded ? 'fail' : 'pass');
    }
  });

  it('find no overloaded node in the reference design, whose capacity rule passes', () => {
    const sim = simulate(iot.reference, iot.scenario, catalog);
    expect(sim.nodes.filter((n) => n.overloaded)).toEqual([]);
    expect(sim.nodes.filter((n) => n.overloadedAtPeak)).toEqual([]);
    expect(capacityResult(iot.reference).status).toBe('pass');
    // And it meets every latency budget the scenario sets.
    const budgets = sim.sinks.flatMap((s) => s.budgets);
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.every((b) => b.withinBudget)).toBe(true);
  });
});
