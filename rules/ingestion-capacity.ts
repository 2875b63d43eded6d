/**
 * ingestion-capacity: the first ingest service the sources' data reaches (a Kinesis data stream, a
 * Firehose delivery stream) can take its load times a headroom factor, in every limit it has (bytes/s
 * and records/s: 1 MB/s or 1,000 records/s per provisioned shard,
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html). Loads and limits are
 * the simulation's (`ctx.simulation()`), so the finding and the canvas's bottleneck mark show the same
 * numbers. `stage-capacity` checks every stage; this rule checks only where the data comes in.
 */
import { z } from 'zod';
import { describeOverload } from '../src/domain/capacity.ts';
import type { ResolvedNode } from '../src/domain/graph.ts';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'ingestion-capacity',
  title: 'Ingestion is sized for the data volume',
  summary: 'the first ingest service takes the workload (every limit) x a headroom',
  pillar: 'performance-efficiency',
  docUrl: 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  params: z.strictObject({
    /** Kinds of node the data comes from. */
    from: kindsSchema.default(['source']),
    /** Kinds of node that ingest it; the first reached on each path is checked. */
    ingest: kindsSchema.default(['stream', 'delivery-stream']),
    /** Required capacity = average MB/s x this factor (1 = average load; the peak factor for peaks). */
    headroomFactor: z.number().min(1).default(1),
  }),
  check(design, params, ctx) {
    const sources = design.nodesOf(params.from);
    if (!sources.length)
      return ctx.fail({
        code: 'no-source',
        message: `Nothing on the canvas produces the data (${describeKinds(params.from, ctx.catalog)}).`,
        remediation: `Add ${describeKinds(params.from, ctx.catalog)} from the palette and connect it to an ingestion service.`,
      });

    // Walk from the sources, stopping at the first ingest node of each path.
    const firstIngest = new Map<string, ResolvedNode>();
    const seen = new Set(sources.map((s) => s.id));
    const stack = [...seen];
    while (stack.length) {
      for (const e of design.out(stack.pop()!)) {
        const next = design.node(e.target)!;
        if (!e.data || seen.has(next.id)) continue;
        seen.add(next.id);
        if (params.ingest.some((k) => next.service === k || next.roles.has(k))) firstIngest.set(next.id, next);
        else if (next.roles.has('iot-gateway') || next.roles.has('source')) stack.push(next.id);
      }
    }
    if (!firstIngest.size)
      return ctx.fail({
        code: 'no-ingestion',
        nodeIds: sources.map((s) => s.id),
        message: `The data of ${sources.map((s) => s.label).join(', ')} reaches no ingestion service (${describeKinds(params.ingest, ctx.catalog)}).`,
        remediation: 'Connect the sources to Amazon Kinesis Data Streams (directly or through AWS IoT Core).',
      });

    const sim = ctx.simulation();
    const loads = new Map(sim.nodes.map((n) => [n.nodeId, n]));
    for (const node of firstIngest.values()) {
      // Required capacity = average load x the headroom factor, for every limit of the stage.
      const exceeded = (loads.get(node.id)?.limits ?? [])
        .map((l) => ({ ...l, peakLoad: l.averageLoad * params.headroomFactor }))
        .filter((l) => l.peakLoad > l.capacity)
        .sort((a, b) => b.peakLoad / b.capacity - a.peakLoad / a.capacity);
      const worst = exceeded[0];
      if (!worst) continue;
      const words = describeOverload(node, design.inputServices(node.id), worst, params.headroomFactor > 1 ? 'peak' : 'average', params.headroomFactor);
      ctx.fail({ code: worst.quota ? 'quota-exceeded' : 'stage-overloaded', nodeIds: [node.id], message: words.message, remediation: words.remediation });
    }
  },
});
