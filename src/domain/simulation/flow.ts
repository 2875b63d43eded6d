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
 * - Records are counted apart from bytes: sources emit `bytes / recordBytes` records per second; an
 *   aggregation (`dividesVolume`) divides records and bytes alike, batching (`batchesRecords`, e.g.
 *   readings per MQTT message) divides records only, and a format conversion changes bytes only.
 * - Load against capacity (`capacity.ts`): every limit in force on a node (bytes/s, bytes/s read by
 *   its consumers, records/s or write units/s, MB per batch run) is held against the load in its
 *   metric, on average and at the workload's peak factor. A batch job's load per run is what arrives
 *   in one period of its schedule (or of the scheduled job it runs after); runs of a day or longer see
 *   the day's average volume, shorter runs the peak rate. The node's utilisation is its highest
 *   load/limit ratio and `binding` the limit behind the highest ratio at peak. A node without limits
 *   has no utilisation (undefined, never Infinity).
 *
 * Linear in nodes + edges.
 */
import { settingApplies, type CatalogEntry, type SettingSpec } from '../catalog.ts';
import { stageLimits, type StageLimit } from '../capacity.ts';
import { flowLatencyMs, type ResolvedEdge, type ResolvedNode, type DesignGraph } from '../graph.ts';
import type { Workload } from '../scenario.ts';
import { SOURCE_ROLES } from '../roles.ts';
import { finite, GB_PER_DAY_PER_MBPS, ratio } from './units.ts';

export { SOURCE_ROLES } from '../roles.ts';

/** A limit of a node held against its load. */
export interface LimitLoad extends StageLimit {
  /** Load in the limit's unit, on average and at the workload's peak. */
  averageLoad: number;
  peakLoad: number;
  /** `averageLoad / capacity` and `peakLoad / capacity`; above 1 the limit is exceeded. */
  utilisation: number;
  peakUtilisation: number;
}

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
  /** Records per second on the edge, on average and at peak. */
  averageRecordsPerSecond: number;
  peakRecordsPerSecond: number;
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
  /** Records (messages, events, items) per second arriving, and at peak. */
  inboundRecordsPerSecond: number;
  peakInboundRecordsPerSecond: number;
  /** Records per second the node sends on each outgoing data edge. */
  outputRecordsPerSecond: number;
  /** What the node sends on each outgoing data edge (fan-out copies it), MB/s. */
  outputMBps: number;
  /** Size of the node's output relative to the same records as JSON (1 = JSON, 0.2 = Parquet). */
  outputSizeVsJson: number;
  /** Every limit in force, with its load. Empty when the catalog sets no limit for the service. */
  limits: LimitLoad[];
  /** The limit with the highest utilisation at peak (ties: on average); absent without limits. */
  binding?: LimitLoad;
  /** The tightest bytes-per-second write limit, MB/s; absent when none applies. */
  capacityMBps?: number;
  /** Highest `averageLoad / capacity` over the limits; absent without limits. Above 1 the node is overloaded. */
  utilisation?: number;
  /** Highest `peakLoad / capacity` over the limits. */
  peakUtilisation?: number;
  /** For a batch job: the period one run covers, seconds. */
  runPeriodSeconds?: number;
  /** Delay data spends in the node given this flow, ms (a Firehose buffer fills before its interval...). */
  latencyMs: number;
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
  /** The limit that binds it. */
  limit: LimitLoad;
}

/** Output of `computeFlow`: per edge and per node, plus lookups the other models use. */
export interface FlowResult {
  averageIngestMBps: number;
  peakFactor: number;
  sourceIds: string[];
  edges: EdgeFlow[];
  nodes: NodeFlow[];
  bottleneck?: Bottleneck;
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
  const perSourceRecords = finite((perSource * 1e6) / recordBytes);
  const sourceIds = new Set(sources.map((s) => s.id));
  // By position in `graph.nodes`: 1 for a source.
  const isSourceAt = new Uint8Array(graph.nodes.length);
  for (const s of sources) isSourceAt[graph.indexOf(s.id)!] = 1;

  const { order, backEdges } = depthFirstOrder(graph, sources);
  // JSON-equivalent MB/s, actual MB/s and records/s arriving at each node (by position in
  // `graph.nodes`), over edges that do not close a loop.
  const jsonIn = new Float64Array(graph.nodes.length);
  const bytesIn = new Float64Array(graph.nodes.length);
  const recordsIn = new Float64Array(graph.nodes.length);
  // Each node's flow by position in `graph.nodes`.
  const flowAt = new Array<NodeFlow>(graph.nodes.length);
  const chained = chainedBatchJobs(graph);
  const inputServices: string[] = [];
  // The limits of the node at hand, copied into its flow at their number.
  const stage: StageLimit[] = [];

  for (const i of order) {
    const node = graph.nodes[i]!;
    const inJson = jsonIn[i]!;
    const inBytes = bytesIn[i]!;
    const inRecords = recordsIn[i]!;
    const isSource = isSourceAt[i] === 1;
    const totalJson = inJson + (isSource ? perSource : 0);
    const totalBytes = inBytes + (isSource ? perSource : 0);
    const totalRecords = inRecords + (isSource ? perSourceRecords : 0);
    const sizeVsJson = declaredSizeVsJson(node) ?? ratio(totalBytes, totalJson, 1);
    const divisor = divisorOf(node, 'dividesVolume');
    const outJson = finite(totalJson / divisor);
    const outBytes = finite(outJson * sizeVsJson);
    const outRecords = finite(totalRecords / divisor / divisorOf(node, 'batchesRecords'));
    const dataOut = graph.dataOutAt(i);
    const consumers = dataOut.length;
    for (const e of dataOut) {
      if (backEdges.size && backEdges.has(e)) continue;
      const t = e.targetIndex;
      jsonIn[t]! += outJson;
      bytesIn[t]! += outBytes;
      recordsIn[t]! += outRecords;
    }
    const period = runPeriodSeconds(graph, node);
    inputServices.length = 0;
    for (const e of graph.inAt(i)) if (e.data) inputServices.push(graph.nodes[e.sourceIndex]!.service);
    stage.length = 0;
    stageLimits(node, inputServices, stage);
    const limits: LimitLoad[] = new Array(stage.length);
    let binding: LimitLoad | undefined;
    let utilisation: number | undefined;
    let peakUtilisation: number | undefined;
    let capacityMBps: number | undefined;
    for (let k = 0; k < stage.length; k++) {
      const l = loadOn(stage[k]!, inBytes, inRecords, consumers, peakFactor, period);
      limits[k] = l;
      if (!binding || l.peakUtilisation > binding.peakUtilisation || (l.peakUtilisation === binding.peakUtilisation && l.utilisation > binding.utilisation)) binding = l;
      utilisation = utilisation === undefined ? l.utilisation : Math.max(utilisation, l.utilisation);
      peakUtilisation = peakUtilisation === undefined ? l.peakUtilisation : Math.max(peakUtilisation, l.peakUtilisation);
      if (l.metric === 'MBps') capacityMBps = capacityMBps === undefined ? l.capacity : Math.min(capacityMBps, l.capacity);
    }
    const flow: NodeFlow = {
      nodeId: node.id,
      service: node.service,
      inboundMBps: finite(inBytes),
      peakInboundMBps: finite(inBytes * peakFactor),
      inboundRecordsPerSecond: finite(inRecords),
      peakInboundRecordsPerSecond: finite(inRecords * peakFactor),
      outputMBps: outBytes,
      outputRecordsPerSecond: outRecords,
      outputSizeVsJson: finite(sizeVsJson, 1),
      limits,
      latencyMs: finite(flowLatencyMs(node, inBytes, chained.has(node.id))),
      overloaded: utilisation !== undefined && utilisation > 1,
      overloadedAtPeak: peakUtilisation !== undefined && peakUtilisation > 1,
    };
    if (binding) flow.binding = binding;
    if (capacityMBps !== undefined) flow.capacityMBps = capacityMBps;
    if (utilisation !== undefined) {
      flow.utilisation = utilisation;
      flow.peakUtilisation = peakUtilisation ?? utilisation;
    }
    if (period !== undefined) flow.runPeriodSeconds = period;
    flowAt[i] = flow;
  }
  // Report nodes in design order, as the canvas lists them (every node is in `order`).
  const nodes: NodeFlow[] = flowAt;

  const edges: EdgeFlow[] = graph.edges.map((e) => {
    // A data edge carries what its source node outputs.
    const average = e.data ? flowAt[e.sourceIndex]!.outputMBps : 0;
    const records = e.data ? flowAt[e.sourceIndex]!.outputRecordsPerSecond : 0;
    return {
      edgeId: e.id,
      source: e.source,
      target: e.target,
      data: e.data,
      averageMBps: average,
      peakMBps: finite(average * peakFactor),
      averageRecordsPerSecond: records,
      peakRecordsPerSecond: finite(records * peakFactor),
      averageGBPerDay: finite(average * GB_PER_DAY_PER_MBPS),
      peakGBPerDay: finite(average * peakFactor * GB_PER_DAY_PER_MBPS),
      closesCycle: backEdges.size > 0 && backEdges.has(e),
    };
  });

  let bottleneck: Bottleneck | undefined;
  for (const n of nodes)
    if (n.utilisation !== undefined && n.binding && (!bottleneck || n.utilisation > bottleneck.utilisation))
      bottleneck = { nodeId: n.nodeId, utilisation: n.utilisation, peakUtilisation: n.peakUtilisation ?? 0, overloaded: n.overloaded, limit: n.binding };

  return { averageIngestMBps, peakFactor, sourceIds: [...sourceIds], edges, nodes, ...(bottleneck ? { bottleneck } : {}) };
}

/** The load one limit carries, given what arrives at the node (MB/s, records/s, outgoing data edges, the run period in seconds). */
function loadOn(limit: StageLimit, bytes: number, records: number, consumers: number, workloadPeakFactor: number, period: number | undefined): LimitLoad {
  let average: number;
  let peakFactor = workloadPeakFactor;
  switch (limit.metric) {
    case 'MBps':
      average = bytes;
      break;
    case 'readMBps':
      average = bytes * consumers;
      break;
    case 'recordsPerSecond': {
      const unitsEach = limit.recordUnitKB ? Math.max(1, Math.ceil(ratio(bytes * 1e6, records, 0) / (limit.recordUnitKB * 1024) - 1e-9)) : 1;
      average = records * unitsEach;
      break;
    }
    case 'MBPerRun':
      average = bytes * (period ?? 86_400);
      // A run covering a day or more sees the day's average volume; a shorter run may fall on the peak.
      if ((period ?? 86_400) >= 86_400) peakFactor = 1;
      break;
  }
  average = finite(average);
  const peak = finite(average * peakFactor);
  const load = limit as LimitLoad;
  // The limit was made for this node alone (`stageLimits`), so it becomes the load in place.
  load.averageLoad = average;
  load.peakLoad = peak;
  load.utilisation = finite(average / limit.capacity);
  load.peakUtilisation = finite(peak / limit.capacity);
  return load;
}

/**
 * Seconds of data one run of a batch job covers: the period of its schedule (the `latencyMs` of the
 * chosen option of a setting named `schedule`), or, for a job triggered after another, the period of
 * the nearest scheduled job upstream (a day when there is none). `undefined` for a node without a
 * schedule or trigger in force.
 */
function runPeriodSeconds(graph: DesignGraph, node: ResolvedNode): number | undefined {
  const trigger = node.entry.settings.trigger;
  let period = ownPeriodSeconds(node);
  if (period === undefined && trigger?.type === 'enum' && settingApplies(trigger, node.settings) && node.settings.trigger === 'after-upstream') {
    // Breadth-first up the data edges to the nearest scheduled job.
    const seen = new Set([node.id]);
    let frontier = [node.id];
    while (period === undefined && frontier.length) {
      const next: string[] = [];
      for (const id of frontier)
        for (const e of graph.in(id)) {
          if (!e.data || seen.has(e.source)) continue;
          seen.add(e.source);
          const up = graph.node(e.source)!;
          period ??= ownPeriodSeconds(up);
          next.push(e.source);
        }
      frontier = next;
    }
    period ??= 86_400;
  }
  return period;
}

/** Seconds between runs of the node's own schedule (a `schedule` enum setting in force), if any. */
function ownPeriodSeconds(n: ResolvedNode): number | undefined {
  const spec = n.entry.settings.schedule;
  if (spec?.type !== 'enum' || !settingApplies(spec, n.settings)) return undefined;
  const ms = spec.options.find((o) => o.value === n.settings.schedule)?.latencyMs;
  return ms !== undefined && ms > 0 ? ms / 1000 : undefined;
}

/**
 * Batch jobs an orchestrator (Step Functions, Amazon MWAA) runs after another job it also controls:
 * a control edge from the orchestrator to both, and a data path from the earlier job to the later.
 * Such a job starts when the earlier one finishes, so its own schedule adds no delay.
 */
function chainedBatchJobs(graph: DesignGraph): Set<string> {
  const chained = new Set<string>();
  for (const o of graph.nodes) {
    if (!o.roles.has('orchestrator')) continue;
    const jobs = graph
      .out(o.id)
      .map((e) => graph.node(e.target)!)
      .filter((n) => n.roles.has('batch-processor'));
    if (jobs.length < 2) continue;
    const ids = new Set(jobs.map((j) => j.id));
    for (const job of jobs) for (const id of graph.reachableFrom([job.id])) if (id !== job.id && ids.has(id)) chained.add(id);
  }
  return chained;
}

/**
 * Reverse post-order (positions in `graph.nodes`) of an iterative depth-first search along data
 * edges, from `starts` first and then from every remaining node; `backEdges` are the edges that reach
 * a node still on the search stack (they close a loop). Every other data edge goes forward in `order`.
 */
function depthFirstOrder(graph: DesignGraph, starts: readonly ResolvedNode[]): { order: Int32Array; backEdges: Set<ResolvedEdge> } {
  const ON_STACK = 1;
  const DONE = 2;
  const n = graph.nodes.length;
  // By position in `graph.nodes`: 0 not seen yet, ON_STACK, DONE.
  const state = new Uint8Array(n);
  const backEdges = new Set<ResolvedEdge>();
  // Filled from the end, so it ends in reverse post-order.
  const order = new Int32Array(n);
  let filled = n;
  // The search stack as parallel arrays: node position and the next of its data edges to follow.
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  let depth = 0;
  const visit = (r: number) => {
    if (state[r]) return;
    state[r] = ON_STACK;
    stackNode[0] = r;
    stackNext[0] = 0;
    depth = 1;
    while (depth) {
      const top = depth - 1;
      const out = graph.dataOutAt(stackNode[top]!);
      if (stackNext[top]! < out.length) {
        const e = out[stackNext[top]!++]!;
        const t = e.targetIndex;
        const s = state[t];
        if (s === ON_STACK) backEdges.add(e);
        else if (!s) {
          state[t] = ON_STACK;
          stackNode[depth] = t;
          stackNext[depth] = 0;
          depth++;
        }
      } else {
        state[stackNode[top]!] = DONE;
        order[--filled] = stackNode[top]!;
        depth--;
      }
    }
  };
  for (const root of starts) visit(graph.indexOf(root.id)!);
  for (let i = 0; i < n; i++) visit(i);
  return { order, backEdges };
}

/** Product of the node's integer settings in force that carry the flag (values below 1 or not numbers count as 1). */
function divisorOf(node: ResolvedNode, flag: 'dividesVolume' | 'batchesRecords'): number {
  let divisor = 1;
  for (const [key, spec] of flowSettingsOf(node.entry)[flag]) {
    if (!settingApplies(spec, node.settings)) continue;
    const v = finite(node.settings[key], 1);
    if (v >= 1) divisor *= v;
  }
  return Number.isFinite(divisor) ? divisor : 1;
}

/** Output size vs JSON set by a chosen enum option's `volumeFactor` figure (the last such setting wins). */
function declaredSizeVsJson(node: ResolvedNode): number | undefined {
  let factor: number | undefined;
  for (const [key, spec] of flowSettingsOf(node.entry).formats) {
    if (!settingApplies(spec, node.settings)) continue;
    const figure = spec.options.find((o) => o.value === node.settings[key])?.volumeFactor;
    const value = figure ? node.entry.figures[figure]?.value : undefined;
    if (value !== undefined && Number.isFinite(value)) factor = value;
  }
  return factor;
}

type IntegerSpec = Extract<SettingSpec, { type: 'integer' }>;
type EnumSpec = Extract<SettingSpec, { type: 'enum' }>;
/** An entry's settings that change the flow, in catalog order, listed once per entry (catalog entries do not change). */
interface FlowSettings {
  dividesVolume: [string, IntegerSpec][];
  batchesRecords: [string, IntegerSpec][];
  /** Enum settings with an option that has a `volumeFactor`. */
  formats: [string, EnumSpec][];
}
const flowSettings = new WeakMap<CatalogEntry, FlowSettings>();
function flowSettingsOf(entry: CatalogEntry): FlowSettings {
  let found = flowSettings.get(entry);
  if (!found) {
    found = { dividesVolume: [], batchesRecords: [], formats: [] };
    for (const [key, spec] of Object.entries(entry.settings)) {
      if (spec.type === 'integer' && spec.dividesVolume) found.dividesVolume.push([key, spec]);
      if (spec.type === 'integer' && spec.batchesRecords) found.batchesRecords.push([key, spec]);
      if (spec.type === 'enum' && spec.options.some((o) => o.volumeFactor)) found.formats.push([key, spec]);
    }
    flowSettings.set(entry, found);
  }
  return found;
}
