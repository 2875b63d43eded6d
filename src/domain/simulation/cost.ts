/**
 * Cost model: monthly cost per service node from the catalog's price figures (us-east-1, on-demand
 * list prices, each figure with its pricing page and as-of date), over the scenario's horizon.
 *
 * A month is 730 hours (30.42 days), twelve make a 365-day year; a horizon that ends inside a month
 * pays that month pro rata. Traffic is the flow model's average (peaks do not change a monthly bill
 * under these prices except through provisioned capacity, which the learner sets).
 *
 * Priced, with the figures read (see each catalog file):
 * - Amazon S3: storage per storage class, GB-months from the storage model x `usdPerGBMonth.<CLASS>`.
 * - Kinesis Data Streams, provisioned: shards x 730 h x `usdPerShardHour`, plus PUT payload units
 *   (one per started `putPayloadUnitKB` of each record) x `usdPerMillionPutPayloadUnits`.
 *   On-demand: 730 h x `onDemandUsdPerStreamHour`, data in (records rounded up to
 *   `onDemandBillingIncrementKB`) x `onDemandUsdPerGBIngested`, and data out once per outgoing data
 *   edge (each consumer reads everything) x `onDemandUsdPerGBRetrieved`.
 * - Amazon Data Firehose: records rounded up to `ingestionBillingIncrementKB` (5 KB) x
 *   `usdPerGBIngested`, plus the same GB x `usdPerGBFormatConversion` when converting to Parquet/ORC.
 * - AWS Glue: workers x `dpuPerWorker.<type>` x `usdPerDpuHour`, 730 h a month for a streaming job;
 *   for a scheduled job, runs a month (730 h / the schedule's period, from the schedule option's
 *   delay) x `runMinutes`.
 * - Managed Service for Apache Flink: (parallelism + `orchestrationKpusPerApplication`) KPUs x 730 h x
 *   `usdPerKpuHour` (one KPU per parallel task; autoscaling not modelled).
 * - DynamoDB: writes (one per record, one write unit per started `writeRequestUnitKB`); on-demand x
 *   `onDemandUsdPerMillionWriteRequestUnits`, provisioned as WCUs sized for the average x 730 h x
 *   `provisionedUsdPerWcuHour`.
 * - Redshift: serverless `baseRpu` x `activeHoursPerDay` x 30.42 days x `serverlessUsdPerRpuHour`;
 *   provisioned `nodeCount` x 730 h x `provisionedUsdPerNodeHour`.
 * - Athena: inbound GB/day x `scansPerDay` x 30.42 days / 1,000 x `usdPerTBScanned`.
 *
 * Not priced: requests and lifecycle transitions in S3, retrievals and early deletion, Kinesis
 * extended retention and enhanced fan-out, DynamoDB reads and storage, Redshift managed storage,
 * Glue crawlers and Data Catalog, Lambda, EMR, IoT Core, QuickSight, CloudWatch, KMS, Lake Formation,
 * data transfer, volume-tier discounts, free tiers, Savings Plans and reservations. Services without a
 * pricing rule here are listed in `unpricedNodeIds`.
 */
import type { ResolvedNode } from '../graph.ts';
import type { NodeFlow } from './flow.ts';
import { tierGBDays, type StorageTier } from './storage.ts';
import { DAYS_PER_MONTH, finite, GB_PER_DAY_PER_MBPS, HOURS_PER_MONTH, ratio, SECONDS_PER_MONTH } from './units.ts';

/** Region of every price in the catalog. */
export const PRICE_REGION = 'us-east-1';

/** One item of a node's bill. */
export interface CostLine {
  label: string;
  /** How the amount is computed, with the figures used (e.g. "58 shards x 730 h x $0.015/shard-hour"). */
  basis: string;
  /** Average over the months of the horizon (constant items: every month's amount), USD. */
  usdPerMonth: number;
}

/** The bill of one service node. */
export interface NodeCost {
  nodeId: string;
  service: string;
  lines: CostLine[];
  /** USD for each month of the horizon (month 1 first). */
  monthlyUsd: number[];
  /** Average month over the horizon, USD. */
  averageMonthlyUsd: number;
  /** Total over the horizon, USD. */
  horizonUsd: number;
}

/** Cost of the whole design. */
export interface CostReport {
  region: typeof PRICE_REGION;
  /** Months in the horizon (the last may be partial). */
  months: number;
  nodes: NodeCost[];
  /** Sum of every node's cost per month, USD. */
  monthlyTotalUsd: number[];
  /** Per year of the horizon (12 months each; the last may be shorter), USD. */
  yearlyTotalUsd: number[];
  horizonTotalUsd: number;
  /** Nodes whose service the model does not price (see the module's list). */
  unpricedNodeIds: string[];
}

/** What a pricing rule gets: the node, its flow, the record size, and its storage plan for S3. */
interface PriceInput {
  node: ResolvedNode;
  flow: NodeFlow;
  recordBytes: number;
  /** Data edges leaving the node (consumers of a stream). */
  consumers: number;
}

type ConstantPricer = (input: PriceInput) => CostLine[];

/**
 * Costs of every node over the horizon.
 * @param nodes resolved nodes in design order, with their flows, consumer counts and, for S3, storage plans
 * @param horizonDays days simulated
 */
export function computeCost(
  nodes: readonly { node: ResolvedNode; flow: NodeFlow; consumers: number; storage?: { gbPerDay: number; tiers: StorageTier[] } }[],
  recordBytes: number,
  horizonDays: number,
): CostReport {
  const months = Math.max(1, Math.ceil(horizonDays / DAYS_PER_MONTH - 1e-9));
  // Fraction of each (0-based) month inside the horizon, computed once for every node.
  const monthFractions = Array.from({ length: months }, (_, m) => Math.min(1, Math.max(0, (horizonDays - m * DAYS_PER_MONTH) / DAYS_PER_MONTH)));
  const fullMonths = horizonDays / DAYS_PER_MONTH;
  const costs: NodeCost[] = [];
  const unpricedNodeIds: string[] = [];
  const storageCache = new Map<string, { monthly: number[]; lines: CostLine[] }>();

  for (const { node, flow, consumers, storage } of nodes) {
    let monthlyUsd: number[];
    let lines: CostLine[];
    if (node.service === 'amazon-s3' && storage) {
      const key = `${storage.gbPerDay}|${JSON.stringify(storage.tiers)}|${JSON.stringify(priceFigures(node))}`;
      let s = storageCache.get(key);
      if (!s) storageCache.set(key, (s = s3StorageCost(node, storage.gbPerDay, storage.tiers, months, horizonDays, fullMonths)));
      ({ monthly: monthlyUsd, lines } = s);
    } else {
      const pricer = PRICERS[node.service];
      if (!pricer) {
        unpricedNodeIds.push(node.id);
        continue;
      }
      lines = pricer({ node, flow, recordBytes, consumers }).map((l) => ({ ...l, usdPerMonth: finite(l.usdPerMonth) }));
      const perMonth = lines.reduce((a, l) => a + l.usdPerMonth, 0);
      monthlyUsd = monthFractions.map((f) => finite(perMonth * f));
    }
    const horizonUsd = finite(monthlyUsd.reduce((a, b) => a + b, 0));
    costs.push({ nodeId: node.id, service: node.service, lines, monthlyUsd, averageMonthlyUsd: ratio(horizonUsd, fullMonths), horizonUsd });
  }

  const sums = new Array<number>(months).fill(0);
  for (const c of costs) for (let m = 0; m < months; m++) sums[m]! += c.monthlyUsd[m] ?? 0;
  const monthlyTotalUsd = sums.map((x) => finite(x));
  const yearlyTotalUsd: number[] = [];
  for (let m = 0; m < months; m += 12) yearlyTotalUsd.push(finite(monthlyTotalUsd.slice(m, m + 12).reduce((a, b) => a + b, 0)));
  return {
    region: PRICE_REGION,
    months,
    nodes: costs,
    monthlyTotalUsd,
    yearlyTotalUsd,
    horizonTotalUsd: finite(monthlyTotalUsd.reduce((a, b) => a + b, 0)),
    unpricedNodeIds,
  };
}

/** S3 storage per month: GB-months per tier x the class's `usdPerGBMonth.<CLASS>` figure. */
function s3StorageCost(node: ResolvedNode, gbPerDay: number, tiers: StorageTier[], months: number, horizonDays: number, fullMonths: number) {
  const monthly = new Array<number>(months).fill(0);
  const byClass = new Map<string, { gbMonths: number; usd: number; price: number }>();
  for (const tier of tiers) {
    const price = fig(node, `usdPerGBMonth.${tier.storageClass}`);
    if (price === undefined) continue;
    const acc = byClass.get(tier.storageClass) ?? { gbMonths: 0, usd: 0, price };
    for (let m = 0; m < months; m++) {
      const gbMonths = finite(tierGBDays(gbPerDay, tier, m * DAYS_PER_MONTH, Math.min((m + 1) * DAYS_PER_MONTH, horizonDays)) / DAYS_PER_MONTH);
      monthly[m] = finite(monthly[m]! + gbMonths * price);
      acc.gbMonths += gbMonths;
      acc.usd += gbMonths * price;
    }
    byClass.set(tier.storageClass, acc);
  }
  const lines = [...byClass].map(([cls, a]) => ({
    label: `Storage, ${cls}`,
    basis: `${round(a.gbMonths / Math.max(fullMonths, 1e-9))} GB-months a month on average x $${a.price}/GB-month`,
    usdPerMonth: ratio(a.usd, fullMonths),
  }));
  return { monthly, lines };
}

/** Price-related figures of a node, for the storage cache key. */
function priceFigures(node: ResolvedNode): Record<string, number> {
  return Object.fromEntries(Object.entries(node.entry.figures).filter(([k]) => k.startsWith('usdPer')).map(([k, f]) => [k, f.value]));
}

function fig(node: ResolvedNode, key: string): number | undefined {
  const v = node.entry.figures[key]?.value;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** A whole-number setting, or `fallback` when missing or not a finite number >= `min`. */
function intSetting(node: ResolvedNode, key: string, fallback: number, min = 0): number {
  const v = node.settings[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
}

/** `x` with at most 2 decimals and thousands separators (`152,083.33`); plain string work, as Intl is slow at 10,000 nodes. */
function round(x: number): string {
  const [whole, frac] = String(Number(finite(x).toFixed(2))).split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** A line when every figure exists, else none. */
function line(label: string, basis: string, amount: number | undefined): CostLine[] {
  return amount === undefined || !Number.isFinite(amount) ? [] : [{ label, basis, usdPerMonth: amount }];
}

/** Records a month and the bytes of each (records keep the scenario's record count; bytes follow the format). */
function records(flow: NodeFlow, recordBytes: number) {
  const perMonth = finite(flow.inboundRecordsPerSecond * SECONDS_PER_MONTH);
  const bytesEach = finite(ratio(flow.inboundMBps * 1e6, flow.inboundRecordsPerSecond, recordBytes));
  return { perMonth, bytesEach };
}

/** Billed GB a month when each record is rounded up to a whole number of `incrementKB` (1,024 B) units. */
function billedGB(flow: NodeFlow, recordBytes: number, incrementKB: number): number {
  const { perMonth, bytesEach } = records(flow, recordBytes);
  const unit = incrementKB * 1024;
  return finite((perMonth * Math.ceil(bytesEach / unit) * unit) / 1e9);
}

const PRICERS: Record<string, ConstantPricer> = {
  'amazon-kinesis-data-streams': ({ node, flow, recordBytes, consumers }) => {
    if (node.settings.capacityMode === 'on-demand') {
      const hour = fig(node, 'onDemandUsdPerStreamHour');
      const inGB = fig(node, 'onDemandUsdPerGBIngested');
      const outGB = fig(node, 'onDemandUsdPerGBRetrieved');
      const gbIn = billedGB(flow, recordBytes, fig(node, 'onDemandBillingIncrementKB') ?? 1);
      const gbOut = finite(flow.outputMBps * GB_PER_DAY_PER_MBPS * DAYS_PER_MONTH * consumers);
      return [
        ...line('Stream hours (on-demand)', `${HOURS_PER_MONTH} h x $${hour}/stream-hour`, hour === undefined ? undefined : HOURS_PER_MONTH * hour),
        ...line('Data in (on-demand)', `${round(gbIn)} GB x $${inGB}/GB`, inGB === undefined ? undefined : gbIn * inGB),
        ...line('Data out (on-demand)', `${round(gbOut)} GB (${consumers} consumers) x $${outGB}/GB`, outGB === undefined ? undefined : gbOut * outGB),
      ];
    }
    const shards = intSetting(node, 'shardCount', 0);
    const shardHour = fig(node, 'usdPerShardHour');
    const perMillion = fig(node, 'usdPerMillionPutPayloadUnits');
    const { perMonth, bytesEach } = records(flow, recordBytes);
    const units = finite(perMonth * Math.ceil(bytesEach / ((fig(node, 'putPayloadUnitKB') ?? 25) * 1024)));
    return [
      ...line('Shard hours', `${shards} shards x ${HOURS_PER_MONTH} h x $${shardHour}/shard-hour`, shardHour === undefined ? undefined : shards * HOURS_PER_MONTH * shardHour),
      ...line('PUT payload units', `${round(units / 1e6)} million units x $${perMillion}/million`, perMillion === undefined ? undefined : (units / 1e6) * perMillion),
    ];
  },
  'amazon-data-firehose': ({ node, flow, recordBytes }) => {
    const gb = billedGB(flow, recordBytes, fig(node, 'ingestionBillingIncrementKB') ?? 5);
    const ingest = fig(node, 'usdPerGBIngested');
    const converting = node.entry.settings.recordFormatConversion?.type === 'enum' && node.settings.recordFormatConversion !== 'none';
    const convert = fig(node, 'usdPerGBFormatConversion');
    return [
      ...line('Ingestion', `${round(gb)} GB billed (records rounded up to 5 KB) x $${ingest}/GB`, ingest === undefined ? undefined : gb * ingest),
      ...(converting ? line('Format conversion', `${round(gb)} GB x $${convert}/GB`, convert === undefined ? undefined : gb * convert) : []),
    ];
  },
  'aws-glue': ({ node }) => {
    const workers = intSetting(node, 'numberOfWorkers', 0);
    const workerType = node.settings.workerType;
    const dpuEach = typeof workerType === 'string' ? fig(node, `dpuPerWorker.${workerType}`) : undefined;
    const price = fig(node, 'usdPerDpuHour');
    if (dpuEach === undefined || price === undefined) return [];
    const dpus = workers * dpuEach;
    if (node.settings.jobType === 'streaming')
      return line('Streaming job DPU-hours', `${dpus} DPU x ${HOURS_PER_MONTH} h x $${price}/DPU-hour`, dpus * HOURS_PER_MONTH * price);
    const spec = node.entry.settings.schedule;
    const periodMs = spec?.type === 'enum' ? (spec.options.find((o) => o.value === node.settings.schedule)?.latencyMs ?? 0) : 0;
    const runs = ratio(HOURS_PER_MONTH * 3_600_000, periodMs);
    const hours = intSetting(node, 'runMinutes', 0) / 60;
    return line('Scheduled job DPU-hours', `${round(runs)} runs x ${round(hours)} h x ${dpus} DPU x $${price}/DPU-hour`, runs * hours * dpus * price);
  },
  'amazon-managed-service-for-apache-flink': ({ node }) => {
    const kpus = intSetting(node, 'parallelism', 1, 1) + (fig(node, 'orchestrationKpusPerApplication') ?? 1);
    const price = fig(node, 'usdPerKpuHour');
    return line('KPU hours', `${kpus} KPU (parallelism + 1 for orchestration) x ${HOURS_PER_MONTH} h x $${price}/KPU-hour`, price === undefined ? undefined : kpus * HOURS_PER_MONTH * price);
  },
  'amazon-dynamodb': ({ node, flow, recordBytes }) => {
    const { perMonth, bytesEach } = records(flow, recordBytes);
    const unitsEach = Math.max(1, Math.ceil(bytesEach / ((fig(node, 'writeRequestUnitKB') ?? 1) * 1024)));
    const writeUnits = finite(perMonth * unitsEach);
    if (node.settings.capacityMode === 'provisioned') {
      const price = fig(node, 'provisionedUsdPerWcuHour');
      const wcu = Math.ceil(finite(writeUnits / SECONDS_PER_MONTH));
      return line('Provisioned write capacity', `${wcu} WCU (average writes/s) x ${HOURS_PER_MONTH} h x $${price}/WCU-hour`, price === undefined ? undefined : wcu * HOURS_PER_MONTH * price);
    }
    const price = fig(node, 'onDemandUsdPerMillionWriteRequestUnits');
    return line('Write request units (on-demand)', `${round(writeUnits / 1e6)} million WRU x $${price}/million`, price === undefined ? undefined : (writeUnits / 1e6) * price);
  },
  'amazon-redshift': ({ node }) => {
    if (node.settings.deployment === 'serverless') {
      const rpu = intSetting(node, 'baseRpu', 128, 0);
      const hours = Math.min(24, intSetting(node, 'activeHoursPerDay', 8, 0));
      const price = fig(node, 'serverlessUsdPerRpuHour');
      return line('Serverless compute', `${rpu} RPU x ${hours} h/day x ${round(DAYS_PER_MONTH)} days x $${price}/RPU-hour`, price === undefined ? undefined : rpu * hours * DAYS_PER_MONTH * price);
    }
    const nodes = intSetting(node, 'nodeCount', 2, 0);
    const price = fig(node, 'provisionedUsdPerNodeHour');
    return line('Provisioned nodes (ra3.xlplus)', `${nodes} nodes x ${HOURS_PER_MONTH} h x $${price}/node-hour`, price === undefined ? undefined : nodes * HOURS_PER_MONTH * price);
  },
  'amazon-athena': ({ node, flow }) => {
    const scans = intSetting(node, 'scansPerDay', 1, 0);
    const tb = finite((flow.inboundMBps * GB_PER_DAY_PER_MBPS * scans * DAYS_PER_MONTH) / 1000);
    const price = fig(node, 'usdPerTBScanned');
    return line('Data scanned', `${round(tb)} TB (${scans} scans of each day's data) x $${price}/TB`, price === undefined ? undefined : tb * price);
  },
};
