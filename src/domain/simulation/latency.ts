/**
 * Latency model: how fresh each sink's data is.
 *
 * A sink is a data-carrying node that is not a source and either has no outgoing data edge or plays a
 * serving role (`dashboard`, `consumer`, `warehouse`, `key-value-store`). For every source that reaches
 * it, the delay is that of the fastest path (`DesignGraph.fastestPathsFrom`, the sum of the flow-aware
 * delay of every node on the path, source included: buffers that flush at their size or interval,
 * windows, schedules, jobs chained after another, SPICE refreshes...). The
 * sink's latency is the slowest of those fastest paths (its data is as fresh as the latest source's),
 * and that path is its critical path, with the node contributing the most delay named.
 *
 * Budgets: for every requirement of the scenario checked by the `data-path` rule whose `to` kinds the
 * sink matches, the fastest path from its `from` kinds to this sink through its `through` stages is
 * compared with its `maxLatencyMs`, as the rule does for the design as a whole.
 */
import { isKind, type DesignGraph, type Path, type ResolvedNode } from '../graph.ts';
import type { Scenario } from '../scenario.ts';
import { SINK_ROLES } from '../roles.ts';
import { finite } from './units.ts';

export { SINK_ROLES } from '../roles.ts';

/** The fastest path from one source to a sink. */
export interface SourcePath {
  sourceId: string;
  /** Sum of the delays of every node on the path, ms. */
  latencyMs: number;
  nodeIds: string[];
  edgeIds: string[];
  /** The node on the path that adds the most delay, and its delay in ms. */
  slowestNodeId: string;
  slowestNodeMs: number;
}

/** A latency budget of the scenario (a `data-path` requirement) applied to one sink. */
export interface LatencyBudget {
  requirementId: string;
  maxLatencyMs: number;
  /** Delay of the fastest path through the requirement's stages; absent when there is none. */
  latencyMs?: number;
  /** Node ids of that path. */
  nodeIds: string[];
  /** A path exists and its delay is within the budget. */
  withinBudget: boolean;
}

/** Freshness of one sink. */
export interface SinkLatency {
  nodeId: string;
  service: string;
  /** Slowest of the per-source fastest paths, ms; absent when no source reaches the sink. */
  latencyMs?: number;
  /** The path behind `latencyMs`. */
  criticalPath?: SourcePath;
  /** One fastest path per source that reaches the sink, slowest first. */
  paths: SourcePath[];
  budgets: LatencyBudget[];
}

/**
 * Latency of every sink.
 * @param graph the design resolved against the catalog
 * @param sourceIds ids of the source nodes (from the flow model)
 * @param scenario for its `data-path` requirements (budgets)
 */
export function computeLatency(graph: DesignGraph, sourceIds: readonly string[], scenario: Scenario): SinkLatency[] {
  const isSourceAt = new Uint8Array(graph.nodes.length);
  for (const id of sourceIds) {
    const i = graph.indexOf(id);
    if (i !== undefined) isSourceAt[i] = 1;
  }
  const budgets = dataPathBudgets(scenario);

  // One shortest-path search per source serves every sink it reaches (its paths are taken right away,
  // so only one search is held at a time); one per budget serves every sink the budget applies to
  // (starting from all its sources: those that do not reach a sink add nothing).
  // The sinks' positions in `graph.nodes` (design order), and each sink's paths by position.
  const sinks: number[] = [];
  const pathsAt: (SourcePath[] | undefined)[] = new Array(graph.nodes.length);
  for (let i = 0; i < graph.nodes.length; i++) {
    const n = graph.nodes[i]!;
    if (n.entry.dataFlow && !isSourceAt[i] && (SINK_ROLES.some((r) => n.roles.has(r)) || !graph.dataOutAt(i).length)) {
      sinks.push(i);
      pathsAt[i] = [];
    }
  }
  graph.eachFastestPaths(sourceIds, (sourceId, reached, pathTo) => {
    for (const i of reached) {
      const paths = pathsAt[i];
      if (!paths) continue;
      const path = pathTo(i);
      if (path && Number.isFinite(path.latencyMs)) paths.push(describe(graph, sourceId, path));
    }
  });
  const budgetPaths = new Map(
    budgets.map((b) => [
      b,
      graph.fastestPathsFrom(
        sourceIds.filter((id) => isKind(graph.node(id)!, b.from)),
        b.through,
      ),
    ]),
  );

  return sinks.map((i): SinkLatency => {
    const sink = graph.nodes[i]!;
    // A copy of the sink's length (a list grown by `push` keeps room for 17 paths).
    const paths = slowestFirst(pathsAt[i]!);
    const critical = paths[0];
    const sinkBudgets = budgets.length ? budgets.filter((b) => isKind(sink, b.to)).map((b) => budgetFor(sink, b, budgetPaths.get(b)!)) : [];
    return critical ? { nodeId: sink.id, service: sink.service, latencyMs: critical.latencyMs, criticalPath: critical, paths, budgets: sinkBudgets } : { nodeId: sink.id, service: sink.service, paths, budgets: sinkBudgets };
  });
}

/**
 * A copy of the paths, slowest first, equally slow ones in their order: what a stable sort gives. The
 * copy is of the list's length (a list grown by `push` keeps room for 17); a sink has a path per source
 * that reaches it, usually one or two, which are placed by insertion (`Array.prototype.sort` makes
 * a work array per call).
 */
function slowestFirst(paths: readonly SourcePath[]): SourcePath[] {
  const out = paths.slice();
  if (out.length > 8) return out.sort((a, b) => b.latencyMs - a.latencyMs);
  for (let k = 1; k < out.length; k++) {
    const p = out[k]!;
    let at = k;
    while (at > 0 && out[at - 1]!.latencyMs < p.latencyMs) {
      out[at] = out[at - 1]!;
      at--;
    }
    out[at] = p;
  }
  return out;
}

function describe(graph: DesignGraph, sourceId: string, path: Path): SourcePath {
  let slowestNodeId = path.nodeIds[0] ?? sourceId;
  let slowestNodeMs = -Infinity;
  for (const id of path.nodeIds) {
    const ms = finite(graph.latencyAt(graph.indexOf(id)!));
    if (ms > slowestNodeMs) (slowestNodeMs = ms), (slowestNodeId = id);
  }
  return { sourceId, latencyMs: finite(path.latencyMs), nodeIds: path.nodeIds, edgeIds: path.edgeIds, slowestNodeId, slowestNodeMs: finite(slowestNodeMs) };
}

interface DataPathParams {
  requirementId: string;
  from: string[];
  to: string[];
  through: string[];
  maxLatencyMs: number;
}

/** The scenario's `data-path` requirements that set a latency budget, with their params checked by hand. */
function dataPathBudgets(scenario: Scenario): DataPathParams[] {
  const kinds = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((k) => typeof k === 'string') ? (v as string[]) : undefined);
  const out: DataPathParams[] = [];
  for (const r of scenario.requirements ?? []) {
    if (r.rule !== 'data-path') continue;
    const p = r.params ?? {};
    const from = kinds(p.from) ?? ['source'];
    const to = kinds(p.to);
    const through = kinds(p.through) ?? [];
    const max = p.maxLatencyMs;
    if (!to || typeof max !== 'number' || !Number.isFinite(max) || max < 0) continue;
    out.push({ requirementId: r.id, from, to, through, maxLatencyMs: max });
  }
  return out;
}

function budgetFor(sink: ResolvedNode, budget: DataPathParams, paths: ReturnType<DesignGraph['fastestPathsFrom']>): LatencyBudget {
  const path = paths.pathTo(sink.id);
  const latencyMs = path && Number.isFinite(path.latencyMs) ? path.latencyMs : undefined;
  return {
    requirementId: budget.requirementId,
    maxLatencyMs: budget.maxLatencyMs,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    nodeIds: latencyMs !== undefined ? path!.nodeIds : [],
    withinBudget: latencyMs !== undefined && latencyMs <= budget.maxLatencyMs,
  };
}
