/**
 * What the canvas shows of a simulation: the load mark of every node with a capacity (a bar coloured
 * by utilisation, the bottleneck badge) and the volume label of every data edge. Each mark carries a
 * `key` string that changes only when what is shown changes, so the canvas can keep node and edge
 * objects (and their memoised components) when a re-simulation gives the same picture.
 */
import { volumeLabel } from '../domain/diagram.ts';
import type { EdgeFlow, LimitLoad } from '../domain/simulation/flow.ts';
import type { SimulationReport } from '../domain/simulation.ts';
import { formatGBPerDay, formatLoad, formatMBps, formatPercent, formatRecordsPerSecond } from '../domain/format.ts';

/** Utilisation bands: green below 0.7, amber below 1, red from 1. */
export type LoadLevel = 'ok' | 'high' | 'over';

/** The load mark of one node. */
export interface NodeLoad {
  /** The highest load over limit of the node (0 when idle). */
  utilisation: number;
  level: LoadLevel;
  /**
   * Set on the simulation's bottleneck when it cannot take the load: `overloaded` on average,
   * `peak` only at the workload's peak.
   */
  bottleneck: 'overloaded' | 'peak' | undefined;
  /** The badge's text with the binding limit, e.g. "579% · 1 MB/s per shard" or "299% at peak · 1,000 records/s per shard". */
  badge: string;
  /** A sentence for titles and screen readers. */
  description: string;
  /** Changes exactly when anything above changes. */
  key: string;
}

/** The volume label of one edge. */
export interface EdgeVolume {
  /** Average rate, e.g. "57.9 MB/s". */
  rate: string;
  /** Average records per second, e.g. "56.5k rec/s". */
  records: string;
  /** Both on one line, e.g. "57.9 MB/s · 56.5k rec/s". */
  text: string;
  /** Average and peak in full, for the hover title and the edge's accessible name. */
  title: string;
  key: string;
}

/** The utilisation band of a ratio. */
export function loadLevel(utilisation: number): LoadLevel {
  return utilisation >= 1 ? 'over' : utilisation >= 0.7 ? 'high' : 'ok';
}

/** Load marks by node id, for the nodes with a capacity limit (their texts are made on first read, as the volume labels'). */
export function nodeLoads(sim: SimulationReport | undefined): Map<string, NodeLoad> {
  const out = new Map<string, NodeLoad>();
  if (!sim) return out;
  const peak = sim.workload.peakFactor;
  for (const n of sim.nodes) {
    const limit = n.binding;
    if (n.utilisation === undefined || !limit) continue;
    const peakUtil = n.peakUtilisation ?? n.utilisation * peak;
    const isBottleneck = sim.bottleneck?.nodeId === n.nodeId;
    const bottleneck = !isBottleneck ? undefined : n.utilisation >= 1 ? 'overloaded' : peakUtil > 1 ? 'peak' : undefined;
    out.set(n.nodeId, new NodeLoadText(n.utilisation, peakUtil, bottleneck, limit, peak));
  }
  return out;
}

/** A `NodeLoad` whose badge and description are formatted on first read. */
class NodeLoadText implements NodeLoad {
  readonly level: LoadLevel;
  readonly key: string;
  #badge: string | undefined;
  #description: string | undefined;
  constructor(
    readonly utilisation: number,
    private readonly peakUtil: number,
    readonly bottleneck: NodeLoad['bottleneck'],
    private readonly limit: LimitLoad,
    private readonly peak: number,
  ) {
    this.level = loadLevel(utilisation);
    this.key = `${this.level}|${bottleneck ?? ''}|${utilisation}|${peakUtil}|${limit.label}|${limit.estimate ?? ''}|${limit.averageLoad}|${limit.peakLoad}|${limit.capacity}|${limit.unit}|${peak}`;
  }
  private get named(): string {
    return `${this.limit.label}${this.limit.estimate ? ' (estimate)' : ''}`;
  }
  get badge(): string {
    return (this.#badge ??= `${this.bottleneck === 'peak' ? `${formatPercent(this.peakUtil)} at peak` : formatPercent(this.utilisation)} · ${this.named}`);
  }
  get description(): string {
    const { limit, peak, peakUtil, bottleneck } = this;
    return (this.#description ??=
      `Load ${formatLoad(limit.averageLoad, limit.unit)} against ${formatLoad(limit.capacity, limit.unit)}, binding limit ${this.named} (${formatPercent(this.utilisation)}); ` +
      `${formatLoad(limit.peakLoad, limit.unit)} at ${peak}x peak (${formatPercent(peakUtil)})` +
      (bottleneck === 'overloaded' ? '. Bottleneck: overloaded' : bottleneck === 'peak' ? '. Bottleneck: overloaded at peak' : ''));
  }
}

/**
 * Volume labels by edge id, for the data edges. The texts are made when first read (only the edges
 * in view are drawn: at 15,000 edges, formatting them all would cost ~70 ms per simulation); the key
 * comes from the figures themselves.
 */
export function edgeVolumes(sim: SimulationReport | undefined): Map<string, EdgeVolume> {
  const out = new Map<string, EdgeVolume>();
  if (!sim) return out;
  const peak = sim.workload.peakFactor;
  for (const e of sim.edges) if (e.data) out.set(e.edgeId, new EdgeVolumeText(e, peak));
  return out;
}

/** An `EdgeVolume` whose strings are formatted on first read. */
class EdgeVolumeText implements EdgeVolume {
  readonly key: string;
  #rate: string | undefined;
  #records: string | undefined;
  #text: string | undefined;
  #title: string | undefined;
  constructor(
    private readonly e: EdgeFlow,
    private readonly peak: number,
  ) {
    this.key = `${e.averageMBps}|${e.averageRecordsPerSecond}|${e.averageGBPerDay}|${e.peakMBps}|${e.peakRecordsPerSecond}|${e.peakGBPerDay}|${peak}|${e.closesCycle}`;
  }
  get rate(): string {
    return (this.#rate ??= formatMBps(this.e.averageMBps));
  }
  get records(): string {
    return (this.#records ??= formatRecordsPerSecond(this.e.averageRecordsPerSecond));
  }
  /** The same text the exports draw (domain/diagram.ts), so the canvas and the files agree. */
  get text(): string {
    return (this.#text ??= volumeLabel(this.e));
  }
  get title(): string {
    const { e, peak } = this;
    return (this.#title ??=
      `${formatMBps(e.averageMBps)} and ${formatRecordsPerSecond(e.averageRecordsPerSecond, true)} average (${formatGBPerDay(e.averageGBPerDay)}); ` +
      `${formatMBps(e.peakMBps)} and ${formatRecordsPerSecond(e.peakRecordsPerSecond, true)} at ${peak}x peak (${formatGBPerDay(e.peakGBPerDay)})` +
      (e.closesCycle ? '; closes a loop, so its data is counted once' : ''));
  }
}
