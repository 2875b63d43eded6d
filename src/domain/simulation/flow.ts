/**
 * Flow model: the scenario's workload pushed through the design's data edges.
 *
 * - Sources (nodes with role `source` or `iot-source`) emit the workload's average ingest rate
 *   (`ingestGBPerDay` x 10^9 B / 86,400 s), split evenly when there are several.
 * - Fan-out copies: every outgoing data edge carries the node's whole output. Fan-in sums: a node's
 *   inbound load is the sum of its inbound data edges.
 * - Transformations are catalog data, as settings the learner can change:
 *   an integer setting with `dividesVolume` (e.g. `aggregationFactor` of Glue and Flink) divides the
 *   node's output by its value; an enum option with `volumeFactor` (e.g. Parquet on an S3 bucket or a
 *   Firehose record format conversion) sets the size of the node's output (and, for a store, of what
 *   it keeps) to JSON size x that figure. The model carries two numbers along each edge: the volume of
 *   the same records as JSON, and the bytes actually sent; a format option replaces the ratio between
 *   them instead of compounding (Parquet after Parquet stays 0.2 x JSON). Nodes without a format option
 *   pass on the ratio they receive (a weighted mean on fan-in). An edge carries what its source node
 *   outputs: the edge from a Glue job into a Parquet bucket is counted at the job's (JSON) size, and
 *   the bucket stores and serves the Parquet size.
 * - Cycles terminate: nodes are processed in the reverse post-order of a depth-first search along data
 *   edges, started from the sources (then from every other node in design order). That order is
 *   topological for every edge except the "back edges" that close a loop (a self-loop included).
 *   Data going round a loop is counted once: a back edge shows the volume it carries
 *   (`closesCycle: true`), but its target does not receive it again, so no load is amplified.
 * - Control edges (`data: false`: KMS, CloudWatch, Lake Formation) carry nothing.
 * - Load against capacity: a node's inbound MB/s over its `writeCapacityMBps` (graph.ts) is its
 *   utilisation; peak utilisation multiplies by the workload's peak factor (the model is linear).
 *   A node with no capacity limit in the catalog, or a capacity that is not a positive finite number
 *   (only settings no form produces give that), has no utilisation (undefined, never Infinity).
 *
 * Linear in nodes + edges.
 */
import { settingApplies } from '../catalog.ts';
import { type ResolvedEdge, type ResolvedNode, type DesignGraph, writeCapacityMBps } from '../graph.ts';
import type { Workload } from '../scenario.ts';
import { finite, GB_PER_DAY_PER_MBPS, ratio } from './units.ts';

/** Roles of the nodes that emit the workload. */
export const SOURCE_ROLES = ['source', 'iot-source'] as const;

/** Volume on one edge. MB/s are 10^6 bytes per second; GB/day 10^9 bytes per day. */
export interface EdgeFlow {
  edgeId: string;
  source: string;
  target: string;
  /** False for control edges, which carry nothing (all figures 0). */
  data: boolean;
  averageMBps: number;
  /** Average x the workload's peak factor. */
  peakMBps: number;
  averageGBPerDay: number;
  peakGBPerDay: number;
  /** The edge closes a loop: it carries `averageMBps` but its target does not count it again. */
  closesCycle: boolean;
}

/** Load on one node. */
export interface NodeFlow {
  nodeId: string;
  service: string;
  /** Sum of the inbound data edges (loop-closing edges excluded), MB/s. */
  inboundMBps: number;
  peakInboundMBps: number;
  /** Records per second arriving, counted as the scenario's `recordBytes`-sized JSON records. */
  inboundRecordsPerSecond: number;
  /** What the node sends on each outgoing data edge (fan-out copies it), MB/s. */
  outputMBps: number;
  /** Size of the node's output relative to the same records as JSON (1 = JSON, 0.2 = Parquet). */
  outputSizeVsJson: number;
  /** Write capacity from the catalog and settings, MB/s; absent when the catalog sets no limit. */
  capacityMBps?: number;
  /** `inboundMBps / capacityMBps`; absent without a capacity. Above 1 the node is overloaded. */
  utilisation?: number;
  /** `peakInboundMBps / capacityMBps`. */
  peakUtilisation?: number;
  /** Average load exceeds capacity (utilisation > 1). */
  overloaded: boolean;
  /** Load at peak exceeds capacity (peak utilisation > 1). */
  overloadedAtPeak: boolean;
}

/** The node with the highest utilisation; `overloaded` when it is above 1. */
export interface Bottleneck {
  nodeId: string;
  utilisation: number;
  peakUtilisation: number;
  overloaded: boolean;
}

/** Output of `computeFlow`: per edge and per node, plus lookups the other models use. */
export interface FlowResult {
  averageIngestMBps: number;
  peakFactor: number;
  sourceIds: string[];
  edges: EdgeFlow[];
  nodes: NodeFlow[];
  bottleneck?: Bottleneck;
  byNode: Map<string, NodeFlow>;
}

/**
 * Pushes the workload through the design.
 * @param graph the design resolved against the catalog
 * @param workload the scenario's workload (`ingestGBPerDay`, `recordBytes`, `peakFactor`)
 */
export function computeFlow(graph: DesignGraph, workload: Workload): FlowResult {
  const averageIngestMBps = Math.max(0, finite((finite(workload.ingestGBPerDay) * 1e9) / 86_400 / 1e6));
  const peakFactor = Math.max(1, finite(workload.peakFactor, 1));
  const recordBytes = Math.max(1, finite(workload.recordBytes, 1));
  const sources = graph.nodes.filter((n) => SOURCE_ROLES.some((r) => n.roles.has(r)));
  const perSource = ratio(averageIngestMBps, sources.length);
  const sourceIds = new Set(sources.map((s) => s.id));

  const { order, backEdges } = depthFirstOrder(graph, sources);
  // JSON-equivalent and actual MB/s arriving at each node, over edges that do not close a loop.
  const jsonIn = new Map<string, number>();
  const bytesIn = new Map<string, number>();
  const edgeVolume = new Map<ResolvedEdge, number>();
  const nodes: NodeFlow[] = [];
  const byNode = new Map<string, NodeFlow>();

  for (const node of order) {
    const inJson = jsonIn.get(node.id) ?? 0;
    const inBytes = bytesIn.get(node.id) ?? 0;
    const emitted = sourceIds.has(node.id) ? perSource : 0;
    const totalJson = inJson + emitted;
    const totalBytes = inBytes + emitted;
    const sizeVsJson = declaredSizeVsJson(node) ?? ratio(totalBytes, totalJson, 1);
    const outJson = finite(totalJson / volumeDivisor(node));
    const outBytes = finite(outJson * sizeVsJson);
    for (const e of graph.out(node.id)) {
      if (!e.data) continue;
      edgeVolume.set(e, outBytes);
      if (backEdges.has(e)) continue;
      jsonIn.set(e.target, (jsonIn.get(e.target) ?? 0) + outJson);
      bytesIn.set(e.target, (bytesIn.get(e.target) ?? 0) + outBytes);
    }
    const rawCapacity = writeCapacityMBps(node);
    const capacityMBps = rawCapacity !== undefined && Number.isFinite(rawCapacity) && rawCapacity > 0 ? rawCapacity : undefined;
    const utilisation = capacityMBps === undefined ? undefined : finite(inBytes / capacityMBps);
    const flow: NodeFlow = {
      nodeId: node.id,
      service: node.service,
      inboundMBps: finite(inBytes),
      peakInboundMBps: finite(inBytes * peakFactor),
      inboundRecordsPerSecond: finite((inJson * 1e6) / recordBytes),
      outputMBps: outBytes,
      outputSizeVsJson: finite(sizeVsJson, 1),
      overloaded: utilisation !== undefined && utilisation > 1,
      overloadedAtPeak: utilisation !== undefined && utilisation * peakFactor > 1,
    };
    if (capacityMBps !== undefined && utilisation !== undefined) {
      flow.capacityMBps = capacityMBps;
      flow.utilisation = utilisation;
      flow.peakUtilisation = finite(utilisation * peakFactor);
    }
    byNode.set(node.id, flow);
  }
  // Report nodes in design order, as the canvas lists them.
  for (const node of graph.nodes) nodes.push(byNode.get(node.id)!);

  const edges: EdgeFlow[] = graph.edges.map((e) => {
    const average = e.data ? (edgeVolume.get(e) ?? 0) : 0;
    return {
      edgeId: e.id,
      source: e.source,
      target: e.target,
      data: e.data,
      averageMBps: average,
      peakMBps: finite(average * peakFactor),
      averageGBPerDay: finite(average * GB_PER_DAY_PER_MBPS),
      peakGBPerDay: finite(average * peakFactor * GB_PER_DAY_PER_MBPS),
      closesCycle: backEdges.has(e),
    };
  });

  let bottleneck: Bottleneck | undefined;
  for (const n of nodes)
    if (n.utilisation !== undefined && (!bottleneck || n.utilisation > bottleneck.utilisation))
      bottleneck = { nodeId: n.nodeId, utilisation: n.utilisation, peakUtilisation: n.peakUtilisation ?? 0, overloaded: n.overloaded };

  return { averageIngestMBps, peakFactor, sourceIds: [...sourceIds], edges, nodes, byNode, ...(bottleneck ? { bottleneck } : {}) };
}

/**
 * Reverse post-order of an iterative depth-first search along data edges, from `starts` first and
 * then from every remaining node; `backEdges` are the edges that reach a node still on the search
 * stack (they close a loop). Every other data edge goes forward in `order`.
 */
function depthFirstOrder(graph: DesignGraph, starts: readonly ResolvedNode[]): { order: ResolvedNode[]; backEdges: Set<ResolvedEdge> } {
  const ON_STACK = 1;
  const DONE = 2;
  const state = new Map<string, number>();
  const backEdges = new Set<ResolvedEdge>();
  const post: ResolvedNode[] = [];
  for (const root of [...starts, ...graph.nodes]) {
    if (state.has(root.id)) continue;
    state.set(root.id, ON_STACK);
    const stack: { node: ResolvedNode; out: readonly ResolvedEdge[]; next: number }[] = [{ node: root, out: graph.out(root.id), next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.out.length) {
        const e = top.out[top.next++]!;
        if (!e.data) continue;
        const s = state.get(e.target);
        if (s === ON_STACK) backEdges.add(e);
        else if (s === undefined) {
          state.set(e.target, ON_STACK);
          stack.push({ node: graph.node(e.target)!, out: graph.out(e.target), next: 0 });
        }
      } else {
        state.set(top.node.id, DONE);
        post.push(top.node);
        stack.pop();
      }
    }
  }
  return { order: post.reverse(), backEdges };
}

/** Product of the node's `dividesVolume` settings in force (values below 1 or not numbers count as 1). */
function volumeDivisor(node: ResolvedNode): number {
  let divisor = 1;
  for (const [key, spec] of Object.entries(node.entry.settings)) {
    if (spec.type !== 'integer' || !spec.dividesVolume || !settingApplies(spec, node.settings)) continue;
    const v = finite(node.settings[key], 1);
    if (v >= 1) divisor *= v;
  }
  return Number.isFinite(divisor) ? divisor : 1;
}

/** Output size vs JSON set by a chosen enum option's `volumeFactor` figure (the last such setting wins). */
function declaredSizeVsJson(node: ResolvedNode): number | undefined {
  let factor: number | undefined;
  for (const [key, spec] of Object.entries(node.entry.settings)) {
    if (spec.type !== 'enum' || !settingApplies(spec, node.settings)) continue;
    const figure = spec.options.find((o) => o.value === node.settings[key])?.volumeFactor;
    const value = figure ? node.entry.figures[figure]?.value : undefined;
    if (value !== undefined && Number.isFinite(value)) factor = value;
  }
  return factor;
}
