/**
 * data-path: data flows from a kind of source, through kinds of service in order, to a kind of sink,
 * within a latency budget. The fastest path counts (delay per node from the catalog's `latencyMs`
 * figures and the settings that add to it, as the simulation computes them from the flow: buffers that
 * flush at their size or interval, windows, schedules, jobs chained after another), so any design with
 * a qualifying path passes, whatever services it routes through. A stage that cannot carry its load
 * (the simulation's utilisation above 1, on average or at peak as `sizedFor` says) breaks the path:
 * data does not get through an overloaded stream in time.
 */
import { z } from 'zod';
import { formatLoad } from '../src/domain/format.ts';
import { formatDuration, formatDurationPair } from '../src/domain/format.ts';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

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
    /** A stage breaks the path when it cannot carry the average load (default) or the peak. */
    sizedFor: z.enum(['average', 'peak']).default('average'),
  }),
  check(design, params, ctx) {
    const stages = [params.from, ...params.through.map((k) => [k]), params.to];
    const wanted = stages.map((s) => describeKinds(s, ctx.catalog)).join(' → ');
    const sim = ctx.simulation();
    const overloaded = new Set(sim.nodes.filter((n) => (params.sizedFor === 'peak' ? n.overloadedAtPeak : n.overloaded)).map((n) => n.nodeId));
    const path = design.fastestPath(params.from, params.to, params.through, overloaded);
    const throughOverloaded = path ? undefined : overloaded.size ? design.fastestPath(params.from, params.to, params.through) : undefined;
    if (throughOverloaded) {
      const flows = new Map(sim.nodes.map((n) => [n.nodeId, n]));
      const stuck = throughOverloaded.nodeIds.filter((id) => overloaded.has(id));
      const words = stuck.map((id) => {
        const limit = flows.get(id)!.binding!;
        const load = params.sizedFor === 'peak' ? limit.peakLoad : limit.averageLoad;
        return `${design.node(id)!.label} carries ${formatLoad(load, limit.unit)}${params.sizedFor === 'peak' ? ' at peak' : ''} against ${formatLoad(limit.capacity, limit.unit)} (${limit.label})`;
      });
      return ctx.fail({
        code: 'path-overloaded',
        nodeIds: stuck,
        edgeIds: throughOverloaded.edgeIds,
        message: `The path ${wanted} runs through a stage that cannot carry the load: ${words.join('; ')}.`,
        remediation: 'Size the overloaded stage for the load (see the stage sizing findings and the Simulation tab), or route the data around it.',
      });
    }
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
        code: 'no-path',
        nodeIds: sources.map((n) => n.id),
        message: sources.length
          ? `No data path ${wanted}: after ${describeKinds(stages[reached - 1]!, ctx.catalog)} the data never reaches ${missing}.`
          : `No data path ${wanted}: there is no ${describeKinds(params.from, ctx.catalog)} on the canvas.`,
        remediation: `Connect the flow in this order: ${wanted}.`,
      });
    }
    if (params.maxLatencyMs !== undefined && path.latencyMs > params.maxLatencyMs) {
      const nodes = path.nodeIds.map((id) => design.node(id)!);
      const slowest = nodes.reduce((a, b) => (design.latencyOf(b) > design.latencyOf(a) ? b : a));
      const [took, budget] = formatDurationPair(path.latencyMs, params.maxLatencyMs);
      ctx.fail({
        code: 'over-budget',
        nodeIds: path.nodeIds,
        edgeIds: path.edgeIds,
        message: `The fastest path ${nodes.map((n) => n.label).join(' → ')} takes ${took}; the budget is ${budget}. ${slowest.label} alone adds ${formatDuration(design.latencyOf(slowest))}.`,
        remediation: `Shorten the delay at ${slowest.label} (a smaller buffer interval, a streaming job instead of a schedule, direct query instead of a cached refresh), or route around it through ${describeKinds(params.through.length ? params.through : params.to, ctx.catalog)} services with lower latency.`,
      });
    }
  },
});
