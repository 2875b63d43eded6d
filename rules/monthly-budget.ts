/**
 * monthly-budget: the design's running cost, from the simulation's price table (us-east-1, prices with
 * sources in the catalog), stays within a monthly budget. Services the model does not price are named
 * in the message so the learner knows what the figure leaves out.
 */
import { z } from 'zod';
import { defineRule } from '../src/domain/rule-kit.ts';
import { formatUsd } from '../src/domain/format.ts';
import type { NodeCost } from '../src/domain/simulation.ts';

export default defineRule({
  id: 'monthly-budget',
  title: 'The running cost fits the monthly budget',
  summary: "the monthly running cost (the simulation's price table: average, first or last month) stays within a budget",
  pillar: 'cost-optimization',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/welcome.html',
  params: z.strictObject({
    /** The budget, USD per month. */
    maxUsdPerMonth: z.number().positive(),
    /** Which month counts: the average over the horizon, the first month, or the last (storage grows). */
    measure: z.enum(['average', 'first-month', 'last-month']).default('average'),
  }),
  check(design, params, ctx) {
    const cost = ctx.simulation().cost;
    const monthly = cost.monthlyTotalUsd;
    if (!cost.nodes.length || !monthly.length) return ctx.notApplicable('Nothing in the design is priced.');
    const value = params.measure === 'first-month' ? monthly[0]! : params.measure === 'last-month' ? monthly.at(-1)! : monthly.reduce((a, b) => a + b, 0) / monthly.length;
    if (value <= params.maxUsdPerMonth) return;
    const perNode = (n: (typeof cost.nodes)[number]) => (params.measure === 'first-month' ? n.firstMonthUsd : params.measure === 'last-month' ? n.lastMonthUsd : n.averageMonthlyUsd);
    const largest = mostExpensive(cost.nodes, perNode, 3);
    const label = (id: string) => design.node(id)?.label ?? id;
    const which = { average: 'on average', 'first-month': 'in the first month', 'last-month': 'in the last month' }[params.measure];
    const unpriced = cost.unpricedNodeIds.length ? ` Not priced: ${cost.unpricedNodeIds.map(label).join(', ')}.` : '';
    ctx.fail({
      code: 'over-budget',
      nodeIds: largest.map((n) => n.nodeId),
      message: `The design costs ${formatUsd(value)} a month ${which}, over the ${formatUsd(params.maxUsdPerMonth)} budget. Largest: ${largest.map((n) => `${label(n.nodeId)} ${formatUsd(perNode(n))}`).join(', ')}.${unpriced}`,
      remediation: `Cut the largest items first: archive sooner with lifecycle transitions, store Parquet instead of JSON, aggregate before writing to key-value stores, or right-size stream and warehouse capacity.`,
    });
  },
});

/**
 * The `count` nodes of highest `usd`, highest first, ties in design order: what a stable sort by
 * descending `usd` would start with, in one pass instead of a sort of every node.
 */
function mostExpensive(nodes: readonly NodeCost[], usd: (n: NodeCost) => number, count: number): NodeCost[] {
  const top: NodeCost[] = [];
  for (const n of nodes) {
    const v = usd(n);
    let at = top.length;
    while (at > 0 && usd(top[at - 1]!) < v) at--;
    if (at >= count) continue;
    top.splice(at, 0, n);
    if (top.length > count) top.pop();
  }
  return top;
}
