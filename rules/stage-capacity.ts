/**
 * stage-capacity: every stage the sources' data flows through can carry its load, at the workload's
 * peak (or on average): bytes/s, records/s (or write units/s), bytes/s read by its consumers, and
 * for batch jobs the data of one run within the run time. Loads and limits are the simulation's
 * (`ctx.simulation()`, limits from the catalog's `capacities` and the node's settings), so findings,
 * the Simulation tab and the canvas's bottleneck badge show the same figures. A finding names the
 * stage, its binding limit (with the AWS figure, or that it is an estimate), the load and the setting
 * or quota increase that fixes it.
 */
import { z } from 'zod';
import { describeOverload } from '../src/domain/capacity.ts';
import { formatLoad } from '../src/domain/format.ts';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';
import { flowsByPosition, type LimitLoad } from '../src/domain/simulation.ts';

export default defineRule({
  id: 'stage-capacity',
  title: 'Every stage is sized for its load',
  summary: `every stage the sources' data reaches carries its load in every limit (bytes/s, records/s, reads, write units, data per batch run)`,
  pillar: 'performance-efficiency',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/performance-efficiency-pillar/welcome.html',
  params: z.strictObject({
    /** Kinds of node the data comes from; every stage their data reaches is checked. */
    from: kindsSchema.default(['source']),
    /** Size for the workload's peak (average x peak factor) or for its average. */
    sizedFor: z.enum(['peak', 'average']).default('peak'),
    /** Only stages of these kinds (default: every stage with a limit). */
    kinds: kindsSchema.optional(),
  }),
  check(design, params, ctx) {
    const sources = design.nodesOf(params.from);
    if (!sources.length)
      return ctx.fail({
        code: 'no-source',
        message: `Nothing on the canvas produces the data (${describeKinds(params.from, ctx.catalog)}).`,
        remediation: `Add ${describeKinds(params.from, ctx.catalog)} from the palette and connect it to an ingestion service.`,
      });
    const sim = ctx.simulation();
    const loads = flowsByPosition(design, sim);
    const reached = design.reachableFrom(sources.map((s) => s.id));
    const ratio = (l: LimitLoad) => (params.sizedFor === 'peak' ? l.peakUtilisation : l.utilisation);
    for (let i = 0; i < design.nodes.length; i++) {
      const node = design.nodes[i]!;
      if (!reached.has(node.id) || (params.kinds && !params.kinds.some((k) => node.service === k || node.roles.has(k)))) continue;
      const limits = loads[i]?.limits;
      if (!limits?.some((l) => ratio(l) > 1)) continue;
      const exceeded = limits.filter((l) => ratio(l) > 1).sort((a, b) => ratio(b) - ratio(a));
      const worst = exceeded[0];
      if (!worst) continue;
      const words = describeOverload(node, design.inputServices(node.id), worst, params.sizedFor, sim.workload.peakFactor);
      const also = exceeded.slice(1).map((l) => `${l.label} (${formatLoad(params.sizedFor === 'peak' ? l.peakLoad : l.averageLoad, l.unit)} against ${formatLoad(l.capacity, l.unit)})`);
      ctx.fail({
        code: worst.quota ? 'quota-exceeded' : 'stage-overloaded',
        nodeIds: [node.id],
        message: words.message + (also.length ? ` It also exceeds ${also.join(' and ')}.` : ''),
        remediation: words.remediation,
      });
    }
  },
});
