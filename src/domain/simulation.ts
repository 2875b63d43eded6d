/**
 * The simulator: runs a scenario's workload through a design and reports, as plain numbers,
 * - the flow: volume on every edge (MB/s and GB/day, average and peak) and every node's load against
 *   its write capacity, with the bottleneck (`simulation/flow.ts`);
 * - the latency: how fresh each sink's data is, along the fastest path from each source, with the
 *   critical path, its slowest node, and the scenario's latency budgets (`simulation/latency.ts`);
 * - the storage: TB per S3 storage class at each year end of the horizon (`simulation/storage.ts`);
 * - the cost: the bill of every service node from the catalog's price model (each entry's `pricing`),
 *   with a monthly series per service and totals per month, per year and over the horizon
 *   (`simulation/cost.ts`).
 *
 * Pure and deterministic: no I/O, no clock. Every number in the report is finite (never NaN or
 * Infinity, whatever the design's settings); what cannot be computed is absent (e.g. the utilisation
 * of a node without a capacity limit, the latency of a sink no source reaches). Runs in time roughly
 * linear in nodes + edges, plus one path search per source over what it reaches and one per latency
 * budget; the cost model keeps a series per service, not per node.
 */
import type { Catalog } from './catalog.ts';
import type { Design } from './design.ts';
import { DesignGraph, type ResolvedNode } from './graph.ts';
import type { Scenario } from './scenario.ts';
import { computeCost, type CostInput, type CostReport } from './simulation/cost.ts';
import { computeFlow, type Bottleneck, type EdgeFlow, type NodeFlow } from './simulation/flow.ts';
import { computeLatency, type SinkLatency } from './simulation/latency.ts';
import { lifecyclePlan, storeGrowth, type StoreGrowth } from './simulation/storage.ts';
import { DEFAULT_HORIZON_DAYS, finite, GB_PER_DAY_PER_MBPS, MAX_HORIZON_DAYS } from './simulation/units.ts';

export type { CostLine, CostReport, NodeCost, ServiceCost } from './simulation/cost.ts';
export type { Bottleneck, EdgeFlow, LimitLoad, NodeFlow } from './simulation/flow.ts';
export type { StageLimit } from './capacity.ts';
export type { LatencyBudget, SinkLatency, SourcePath } from './simulation/latency.ts';
export type { StorageTier, StorageYear, StoreGrowth } from './simulation/storage.ts';
export { DAYS_PER_MONTH, GB_PER_DAY_PER_MBPS, HOURS_PER_MONTH } from './simulation/units.ts';
export { formatFixed, formatGBPerDay, formatMBps, formatMs, formatPercent, formatRecordsPerSecond, formatTB, formatUsd } from './format.ts';

/** The upstream of a node without data inputs (shared, never changed). */
const NO_NODES: readonly ResolvedNode[] = [];

/** The nodes whose data edges enter the node at position `i` of `graph.nodes`, in edge order: a list of that length (counted first), or the shared empty list. */
function upstreamOf(graph: DesignGraph, i: number): readonly ResolvedNode[] {
  const entering = graph.inAt(i);
  let count = 0;
  for (const e of entering) if (e.data) count++;
  if (!count) return NO_NODES;
  const upstream = new Array<ResolvedNode>(count);
  count = 0;
  for (const e of entering) if (e.data) upstream[count++] = graph.nodes[e.sourceIndex]!;
  return upstream;
}

/** Everything the simulator computes for one design and scenario. */
export interface SimulationReport {
  /** The workload as simulated. */
  workload: {
    /** `ingestGBPerDay` x 10^9 B / 86,400 s / 10^6: 5,000 GB/day is 57.87 MB/s. */
    averageIngestMBps: number;
    peakIngestMBps: number;
    peakFactor: number;
    /** Days simulated: the scenario's `horizonDays`, or 2,555 (7 years). */
    horizonDays: number;
    /** Nodes that emit the workload (roles `source`, `iot-source`), each an equal share. */
    sourceIds: string[];
  };
  /** One entry per edge of the design, in design order. */
  edges: EdgeFlow[];
  /** One entry per node of the design whose service is in the catalog, in design order. */
  nodes: NodeFlow[];
  /** The node with the highest utilisation, if any node has a capacity limit. */
  bottleneck?: Bottleneck;
  /** Freshness of every sink. */
  sinks: SinkLatency[];
  /** Growth of every S3 bucket. */
  storage: StoreGrowth[];
  cost: CostReport;
}

/**
 * Simulates a design under a scenario's workload.
 * @param design the design (nodes whose service is not in the catalog, and their edges, are left out)
 * @param scenario for its workload and its `data-path` latency budgets
 * @param catalog the service catalog (capacities, latencies, volume factors, prices)
 * @returns the report; never throws for a design `loadDesign` accepts, nor for the random designs of
 *   the property tests
 */
export function simulate(design: Design, scenario: Scenario, catalog: Catalog): SimulationReport {
  return simulateGraph(new DesignGraph(design, catalog), scenario);
}

/**
 * The simulated flow of every node of `graph`, by position in `graph.nodes` (undefined for a node the
 * simulation does not list). A simulation of the graph's own design lists its nodes in that order,
 * which is checked, so the lookup is then by position; any other falls back to matching node ids.
 */
export function flowsByPosition(graph: DesignGraph, simulation: SimulationReport): readonly (NodeFlow | undefined)[] {
  const flows = simulation.nodes;
  if (flows.length === graph.nodes.length && flows.every((f, i) => f.nodeId === graph.nodes[i]!.id)) return flows;
  const byId = new Map(flows.map((f) => [f.nodeId, f]));
  return graph.nodes.map((n) => byId.get(n.id));
}

/**
 * Simulates a design already resolved into a graph, so grading and simulation share one graph per
 * analysis. Sets the graph's flow-aware node delays (`DesignGraph.useLatencies`), which the rules'
 * path searches then use.
 */
export function simulateGraph(graph: DesignGraph, scenario: Scenario): SimulationReport {
  const workload = scenario.workload;
  const horizonDays = Math.min(MAX_HORIZON_DAYS, Math.max(1, Math.round(finite(workload.horizonDays, DEFAULT_HORIZON_DAYS))));
  const flow = computeFlow(graph, workload);
  const latencies = new Float64Array(graph.nodes.length);
  for (let i = 0; i < graph.nodes.length; i++) latencies[i] = flow.nodes[i]!.latencyMs;
  graph.useLatenciesAt(latencies);
  const sinks = computeLatency(graph, flow.sourceIds, scenario);

  const storage: StoreGrowth[] = [];
  // Each S3 bucket's storage plan, by position in `graph.nodes`.
  const plans: ({ gbPerDay: number; tiers: ReturnType<typeof lifecyclePlan> } | undefined)[] = new Array(graph.nodes.length);
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    if (node.service !== 'amazon-s3') continue;
    const gbPerDay = finite(flow.nodes[i]!.outputMBps * GB_PER_DAY_PER_MBPS);
    const tiers = lifecyclePlan(node);
    plans[i] = { gbPerDay, tiers };
    storage.push(storeGrowth(node.id, gbPerDay, tiers, horizonDays));
  }

  const inputs: CostInput[] = new Array(graph.nodes.length);
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    const consumers = graph.dataOutAt(i).length;
    const upstream = upstreamOf(graph, i);
    const plan = plans[i];
    const nodeFlow = flow.nodes[i]!;
    inputs[i] = plan ? { node, flow: nodeFlow, consumers, upstream, storage: plan } : { node, flow: nodeFlow, consumers, upstream };
  }
  const cost = computeCost(inputs, horizonDays);

  return {
    workload: {
      averageIngestMBps: flow.averageIngestMBps,
      peakIngestMBps: finite(flow.averageIngestMBps * flow.peakFactor),
      peakFactor: flow.peakFactor,
      horizonDays,
      sourceIds: flow.sourceIds,
    },
    edges: flow.edges,
    nodes: flow.nodes,
    ...(flow.bottleneck ? { bottleneck: flow.bottleneck } : {}),
    sinks,
    storage,
    cost,
  };
}
