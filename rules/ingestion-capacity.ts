/**
 * ingestion-capacity: the first ingest service the sources' data reaches (a Kinesis data stream, a
 * Firehose delivery stream) can take its load times a headroom factor. Load and capacity are the
 * simulation's (`ctx.simulation()`: the workload split over the sources, fan-out copies, fan-in sums;
 * capacity from the catalog's `writeCapacityMBps`, e.g. 1 MB/s per provisioned shard,
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html), so the finding and the
 * canvas's bottleneck mark show the same numbers.
 */
import { z } from 'zod';
import type { ResolvedNode } from '../src/domain/graph.ts';
import { defineRule, describeKinds, formatNumber, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'ingestion-capacity',
  title: 'Ingestion is sized for the data volume',
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
      return ctx.fail({ message: `Nothing on the canvas produces the data (${describeKinds(params.from, ctx.catalog)}).`, remediation: `Add ${describeKinds(params.from, ctx.catalog)} from the palette and connect it to an ingestion service.` });

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
        nodeIds: sources.map((s) => s.id),
        message: `The data of ${sources.map((s) => s.label).join(', ')} reaches no ingestion service (${describeKinds(params.ingest, ctx.catalog)}).`,
        remediation: 'Connect the sources to Amazon Kinesis Data Streams (directly or through AWS IoT Core).',
      });

    const loads = new Map(ctx.simulation().nodes.map((n) => [n.nodeId, n]));
    for (const node of firstIngest.values()) {
      const load = loads.get(node.id);
      const capacity = load?.capacityMBps;
      if (!load || capacity === undefined) continue;
      const average = load.inboundMBps;
      const peak = load.peakInboundMBps;
      const required = average * params.headroomFactor;
      if (capacity >= required) continue;
      const rules = node.entry.writeCapacityMBps ?? [];
      const holds = (when: Record<string, string | boolean> | undefined) => !when || Object.entries(when).every(([k, v]) => node.settings[k] === v);
      const cap = rules.find((c) => holds(c.when));
      const unitSetting = cap?.timesSetting ? node.entry.settings[cap.timesSetting] : undefined;
      const perUnit = cap ? (node.entry.figures[cap.figure]?.value ?? 0) : 0;
      const fixes: string[] = [];
      if (unitSetting && perUnit > 0)
        fixes.push(`set ${unitSetting.label} to at least ${Math.ceil(required / perUnit)} (${formatNumber(perUnit)} MB/s each; ${Math.ceil(peak / perUnit)} absorbs ${ctx.workload.peakFactor}x peaks)`);
      // Another capacity mode of the same service that carries the load, e.g. on-demand.
      for (const other of rules) {
        if (other === cap || other.timesSetting || !other.when) continue;
        const otherMBps = node.entry.figures[other.figure]?.value ?? 0;
        if (otherMBps < required) continue;
        const how = Object.entries(other.when).map(([k, v]) => {
          const spec = node.entry.settings[k];
          const label = spec?.type === 'enum' ? (spec.options.find((o) => o.value === v)?.label ?? String(v)) : String(v);
          return `${spec?.label ?? k} to ${label}`;
        });
        fixes.push(`set ${how.join(' and ')} (up to ${formatNumber(otherMBps)} MB/s)`);
      }
      const units = cap?.timesSetting ? Number(node.settings[cap.timesSetting]) : 0;
      const unitName = unitSetting?.type === 'integer' ? (unitSetting.unit ?? unitSetting.label) : 'units';
      ctx.fail({
        nodeIds: [node.id],
        message:
          `${node.label}: ${formatNumber(average)} MB/s average (${formatNumber(peak)} MB/s at ${ctx.workload.peakFactor}x peak) against ` +
          (unitSetting ? `${units} ${unitName} (${formatNumber(capacity)} MB/s).` : `a write capacity of ${formatNumber(capacity)} MB/s.`),
        remediation: fixes.length
          ? `${fixes.join(', or ')}.`.replace(/^./, (c) => c.toUpperCase())
          : `Put a service with more write capacity in front (e.g. Amazon Kinesis Data Streams sized for ${formatNumber(required)} MB/s), or raise the quota.`,
      });
    }
  },
});
