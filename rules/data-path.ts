/**
 * data-path: data flows from a kind of source, through kinds of service in order, to a kind of sink,
 * within a latency budget. The fastest path counts (delay per node from the catalog's `latencyMs`
 * figures and the settings that add to it: buffer intervals, schedules, refresh modes), so any design
 * with a qualifying path passes, whatever services it routes through.
 */
import { z } from 'zod';
import { nodeLatencyMs } from '../src/domain/graph.ts';
import { defineRule, describeKinds, formatDuration, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'data-path',
  title: 'A data path connects the source to the sink in time',
  pillar: 'performance-efficiency',
  docUrl: 'https://docs.aws.amazon.com/whitepapers/latest/build-modern-data-streaming-analytics-architectures/build-modern-data-streaming-analytics-architectures.html',
  params: z.strictObject({
    from: kindsSchema,
    /** Kinds the path must pass through, in this order. */
    through: z.array(z.string().min(1)).default([]),
    to: kindsSchema,
    /** Latency budget from source to sink, in ms; absent means any delay is fine. */
    maxLatencyMs: z.number().positive().optional(),
  }),
  check(design, params, ctx) {
    const stages = [params.from, ...params.through.map((k) => [k]), params.to];
    const wanted = stages.map((s) => describeKinds(s, ctx.catalog)).join(' → ');
    const path = design.fastestPath(params.from, params.to, params.through);
    if (!path) {
      // Say where the chain breaks: the longest prefix of stages that can be reached in order.
      let reached = 1;
      for (let n = 1; n < stages.length; n++) {
        if (!design.fastestPath(params.from, stages[n]!, params.through.slice(0, n - 1))) break;
        reached = n + 1;
      }
      const sources = design.nodesOf(params.from);
      const missing = describeKinds(stages[reached] ?? params.to, ctx.catalog);
      return ctx.fail({
        nodeIds: sources.map((n) => n.id),
        message: sources.length
          ? `No data path ${wanted}: after ${describeKinds(stages[reached - 1]!, ctx.catalog)} the data never reaches ${missing}.`
          : `No data path ${wanted}: there is no ${describeKinds(params.from, ctx.catalog)} on the canvas.`,
        remediation: `Connect the flow in this order: ${wanted}.`,
      });
    }
    if (params.maxLatencyMs !== undefined && path.latencyMs > params.maxLatencyMs) {
      const nodes = path.nodeIds.map((id) => design.node(id)!);
      const slowest = nodes.reduce((a, b) => (nodeLatencyMs(b) > nodeLatencyMs(a) ? b : a));
      ctx.fail({
        nodeIds: path.nodeIds,
        edgeIds: path.edgeIds,
        message: `The fastest path ${nodes.map((n) => n.label).join(' → ')} takes ${formatDuration(path.latencyMs)}; the budget is ${formatDuration(params.maxLatencyMs)}. ${slowest.label} alone adds ${formatDuration(nodeLatencyMs(slowest))}.`,
        remediation: `Shorten the delay at ${slowest.label} (a smaller buffer interval, a streaming job instead of a schedule, direct query instead of a cached refresh), or route around it through ${describeKinds(params.through.length ? params.through : params.to, ctx.catalog)} services with lower latency.`,
      });
    }
  },
});
