/**
 * The simulation as the headless grader reports it: a JSON summary (per-edge volume, per-node load,
 * per-sink latency against the scenario's budgets, storage at the horizon, monthly and horizon cost)
 * and a short text section. Built on the domain only. Figures are rounded for reading (MB/s and GB to
 * 3 decimals, USD to cents, utilisation to 4 decimals); the app shows the same numbers.
 */
import { STORAGE_CLASS_NAMES, type Catalog, type StorageClass } from '../domain/catalog.ts';
import type { Design } from '../domain/design.ts';
import type { Scenario } from '../domain/scenario.ts';
import { formatLoad } from '../domain/format.ts';
import { formatGBPerDay, GB_PER_DAY_PER_MBPS, formatMBps, formatMs, formatPercent, formatTB, formatUsd, type LimitLoad, type SimulationReport } from '../domain/simulation.ts';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const usd = (x: number) => Math.round(x * 100) / 100;

/** The `simulation` member of `npm run grade -- --json`. */
export interface SimulationSummary {
  workload: { averageIngestMBps: number; peakIngestMBps: number; peakFactor: number; horizonDays: number };
  bottleneck?: { nodeId: string; label: string; utilisation: number; peakUtilisation: number; overloaded: boolean; limit: LimitSummary };
  /** Data edges only (control edges carry nothing). */
  edges: { edgeId: string; source: string; target: string; averageMBps: number; peakMBps: number; averageRecordsPerSecond: number; peakRecordsPerSecond: number; averageGBPerDay: number; peakGBPerDay: number; closesCycle: boolean }[];
  /** Nodes with a capacity limit, with the limit that binds them. */
  nodes: {
    nodeId: string;
    label: string;
    inboundMBps: number;
    inboundRecordsPerSecond: number;
    /** The tightest MB/s write limit, when the node has one. */
    capacityMBps?: number;
    utilisation: number;
    peakUtilisation: number;
    overloaded: boolean;
    overloadedAtPeak: boolean;
    binding: LimitSummary;
  }[];
  sinks: {
    nodeId: string;
    label: string;
    latencyMs?: number;
    criticalPath?: string[];
    slowestNodeId?: string;
    budgets: { requirementId: string; maxLatencyMs: number; latencyMs?: number; withinBudget: boolean }[];
  }[];
  /** TB per storage class (non-zero only) in each bucket at the end of the horizon. */
  storage: { nodeId: string; label: string; gbPerDay: number; tbByClassAtHorizon: Record<string, number>; totalTBAtHorizon: number }[];
  cost: {
    region: string;
    /** Average month over the horizon, USD. */
    averageMonthlyUsd: number;
    firstMonthUsd: number;
    lastMonthUsd: number;
    yearlyUsd: number[];
    horizonUsd: number;
    nodes: { nodeId: string; label: string; averageMonthlyUsd: number; horizonUsd: number; lines: { label: string; basis: string; usdPerMonth: number }[]; free?: string }[];
    /** Service nodes whose service has no public price in the catalog (sources, consumers, notes and groups are not listed). */
    notPriced: { nodeId: string; label: string }[];
  };
}

/** A limit with its load, as the grader prints it: `estimate` says AWS publishes no such figure. */
export interface LimitSummary {
  id: string;
  label: string;
  unit: string;
  capacity: number;
  averageLoad: number;
  peakLoad: number;
  quota: boolean;
  raisable: boolean;
  estimate: boolean;
  source: string;
  asOf: string;
}

function limitSummary(l: LimitLoad): LimitSummary {
  return { id: l.id, label: l.label, unit: l.unit, capacity: r3(l.capacity), averageLoad: r3(l.averageLoad), peakLoad: r3(l.peakLoad), quota: l.quota, raisable: l.raisable, estimate: l.estimate, source: l.source, asOf: l.asOf };
}

/** A limit in words for the text output: `57.9 MB/s against 180 MB/s (1 MB/s per shard)`, `(estimate)` when it is one. */
function limitWords(l: LimitLoad): string {
  return `${formatLoad(l.averageLoad, l.unit)} against ${formatLoad(l.capacity, l.unit)} (${l.label}${l.estimate ? ', an estimate' : ''})`;
}

/** Display name of each node: its label, else its service's short name. */
function namesOf(design: Design, catalog: Catalog): Map<string, string> {
  return new Map(design.nodes.map((n) => [n.id, n.label || catalog.byId.get(n.service)?.shortName || n.service]));
}

/** The JSON summary of a simulation report. */
export function simulationSummary(sim: SimulationReport, design: Design, catalog: Catalog): SimulationSummary {
  const names = namesOf(design, catalog);
  const label = (id: string) => names.get(id) ?? id;
  const b = sim.bottleneck;
  const monthly = sim.cost.monthlyTotalUsd;
  return {
    workload: { averageIngestMBps: r3(sim.workload.averageIngestMBps), peakIngestMBps: r3(sim.workload.peakIngestMBps), peakFactor: sim.workload.peakFactor, horizonDays: sim.workload.horizonDays },
    ...(b ? { bottleneck: { nodeId: b.nodeId, label: label(b.nodeId), utilisation: r4(b.utilisation), peakUtilisation: r4(b.peakUtilisation), overloaded: b.overloaded, limit: limitSummary(b.limit) } } : {}),
    edges: sim.edges
      .filter((e) => e.data)
      .map((e) => ({
        edgeId: e.edgeId,
        source: e.source,
        target: e.target,
        averageMBps: r3(e.averageMBps),
        peakMBps: r3(e.peakMBps),
        averageRecordsPerSecond: r3(e.averageRecordsPerSecond),
        peakRecordsPerSecond: r3(e.peakRecordsPerSecond),
        averageGBPerDay: r3(e.averageGBPerDay),
        peakGBPerDay: r3(e.peakGBPerDay),
        closesCycle: e.closesCycle,
      })),
    nodes: sim.nodes.flatMap((n) =>
      n.utilisation !== undefined && n.binding
        ? [
            {
              nodeId: n.nodeId,
              label: label(n.nodeId),
              inboundMBps: r3(n.inboundMBps),
              inboundRecordsPerSecond: r3(n.inboundRecordsPerSecond),
              ...(n.capacityMBps !== undefined ? { capacityMBps: r3(n.capacityMBps) } : {}),
              utilisation: r4(n.utilisation),
              peakUtilisation: r4(n.peakUtilisation ?? 0),
              overloaded: n.overloaded,
              overloadedAtPeak: n.overloadedAtPeak,
              binding: limitSummary(n.binding),
            },
          ]
        : [],
    ),
    sinks: sim.sinks.map((s) => ({
      nodeId: s.nodeId,
      label: label(s.nodeId),
      ...(s.latencyMs !== undefined ? { latencyMs: r3(s.latencyMs) } : {}),
      ...(s.criticalPath ? { criticalPath: s.criticalPath.nodeIds, slowestNodeId: s.criticalPath.slowestNodeId } : {}),
      budgets: s.budgets.map((x) => ({ requirementId: x.requirementId, maxLatencyMs: x.maxLatencyMs, ...(x.latencyMs !== undefined ? { latencyMs: r3(x.latencyMs) } : {}), withinBudget: x.withinBudget })),
    })),
    storage: sim.storage.map((s) => {
      const last = s.years.at(-1);
      return {
        nodeId: s.nodeId,
        label: label(s.nodeId),
        gbPerDay: r3(s.gbPerDay),
        tbByClassAtHorizon: Object.fromEntries(
          Object.entries(last?.tbByClass ?? {})
            .filter(([, tb]) => tb > 0)
            .map(([c, tb]) => [c, r3(tb)]),
        ),
        totalTBAtHorizon: r3(last?.totalTB ?? 0),
      };
    }),
    cost: {
      region: sim.cost.region,
      averageMonthlyUsd: usd(sim.cost.nodes.reduce((a, n) => a + n.averageMonthlyUsd, 0)),
      firstMonthUsd: usd(monthly[0] ?? 0),
      lastMonthUsd: usd(monthly.at(-1) ?? 0),
      yearlyUsd: sim.cost.yearlyTotalUsd.map(usd),
      horizonUsd: usd(sim.cost.horizonTotalUsd),
      nodes: sim.cost.nodes.map((n) => ({
        nodeId: n.nodeId,
        label: label(n.nodeId),
        averageMonthlyUsd: usd(n.averageMonthlyUsd),
        horizonUsd: usd(n.horizonUsd),
        lines: n.lines.map((l) => ({ ...l, usdPerMonth: usd(l.usdPerMonth) })),
        ...(n.free ? { free: n.free } : {}),
      })),
      notPriced: sim.cost.unpricedNodeIds.map((id) => ({ nodeId: id, label: label(id) })),
    },
  };
}

/** The "Simulation" section of the grader's text output. */
export function formatSimulation(sim: SimulationReport, design: Design, catalog: Catalog, scenario: Scenario): string {
  const names = namesOf(design, catalog);
  const label = (id: string) => `${names.get(id) ?? id} (${id})`;
  const w = sim.workload;
  const years = w.horizonDays / 365;
  const horizon = Number.isInteger(years) ? `${years} year${years === 1 ? '' : 's'}` : `${w.horizonDays} days`;
  const lines = ['Simulation'];
  lines.push(`  Ingest: ${formatMBps(w.averageIngestMBps)} average, ${formatMBps(w.peakIngestMBps)} at ${w.peakFactor}x peak (${formatGBPerDay(w.averageIngestMBps * GB_PER_DAY_PER_MBPS)})`);
  const b = sim.bottleneck;
  if (b)
    lines.push(
      `  Bottleneck: ${label(b.nodeId)}: ${limitWords(b.limit)}, ${formatPercent(b.utilisation)} (${formatPercent(b.peakUtilisation)} at peak)` + (b.overloaded ? ': OVERLOADED' : b.peakUtilisation > 1 ? ': overloaded at peak' : ''),
    );
  else lines.push('  Bottleneck: none (no service with a capacity limit)');
  for (const n of sim.nodes) {
    if (!n.binding || n.utilisation === undefined) continue;
    const verdict = n.overloaded ? 'OVER' : n.overloadedAtPeak ? 'PEAK' : 'ok';
    lines.push(
      `  ${verdict.padEnd(4)} ${label(n.nodeId)}: ${formatMBps(n.inboundMBps)}, ${formatLoad(n.inboundRecordsPerSecond, 'records/s')} in; binding ${limitWords(n.binding)}: ${formatPercent(n.utilisation)}, ${formatPercent(n.peakUtilisation ?? 0)} at peak`,
    );
  }
  for (const s of sim.sinks) {
    const cp = s.criticalPath;
    lines.push(
      `  Latency to ${label(s.nodeId)}: ${s.latencyMs !== undefined && cp ? `${formatMs(s.latencyMs)} via ${cp.nodeIds.map((id) => names.get(id) ?? id).join(' -> ')}; slowest ${names.get(cp.slowestNodeId) ?? cp.slowestNodeId} (${formatMs(cp.slowestNodeMs)})` : 'no source reaches it'}`,
    );
    for (const x of s.budgets) {
      const text = scenario.requirements.find((r) => r.id === x.requirementId)?.text;
      const verdict = x.withinBudget ? 'within' : x.latencyMs === undefined ? 'NO PATH' : 'OVER';
      lines.push(`    ${verdict.padEnd(7)} ${x.requirementId}${text ? ` (${text})` : ''}: budget ${formatMs(x.maxLatencyMs)}${x.latencyMs !== undefined ? `, ${formatMs(x.latencyMs)}` : ', no path through the required stages'}`);
    }
  }
  for (const s of sim.storage) {
    const last = s.years.at(-1);
    if (!last) continue;
    const parts = Object.entries(last.tbByClass)
      .filter(([, tb]) => tb > 0)
      .map(([c, tb]) => `${STORAGE_CLASS_NAMES[c as StorageClass] ?? c} ${formatTB(tb)}`);
    lines.push(`  Storage in ${label(s.nodeId)} after ${horizon}: ${formatTB(last.totalTB)}${parts.length ? ` (${parts.join(', ')})` : ''}`);
  }
  const average = sim.cost.nodes.reduce((a, n) => a + n.averageMonthlyUsd, 0);
  lines.push(
    `  Cost (${sim.cost.region}): ${formatUsd(average)} a month on average (month 1 ${formatUsd(sim.cost.monthlyTotalUsd[0] ?? 0)}, month ${sim.cost.months} ${formatUsd(sim.cost.monthlyTotalUsd.at(-1) ?? 0)}); ${formatUsd(sim.cost.horizonTotalUsd)} over ${horizon}`,
  );
  for (const n of [...sim.cost.nodes].sort((a, c) => c.averageMonthlyUsd - a.averageMonthlyUsd)) if (!n.free) lines.push(`    ${formatUsd(n.averageMonthlyUsd).padStart(10)}/month  ${label(n.nodeId)}`);
  const free = sim.cost.nodes.filter((n) => n.free);
  if (free.length) lines.push(`    no charge: ${free.map((n) => label(n.nodeId)).join(', ')}`);
  if (sim.cost.unpricedNodeIds.length) lines.push(`    not priced: ${sim.cost.unpricedNodeIds.map(label).join(', ')}`);
  return lines.join('\n');
}
