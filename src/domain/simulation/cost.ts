/**
 * Cost model: monthly cost per service node from the catalog's price model (each entry's `pricing`
 * section, see `pricing.ts`: us-east-1 on-demand list prices, each with its pricing page and as-of
 * date), over the scenario's horizon. A generic engine: every priced item is a price (one value, volume
 * tiers, or a value per option of a setting) times a billable quantity computed from the node's
 * settings, its flow and its neighbours; nothing here is keyed by service id.
 *
 * A month is 730 hours (30.42 days), twelve make a 365-day year; a horizon that ends inside a month
 * pays that month pro rata. Traffic is the flow model's average (peaks change a bill only through
 * capacity the learner provisions, which the settings price). Volume tiers apply to each node's own
 * monthly quantity, and free allowances (written as tiers at $0) to each node, as if each were alone in
 * its account.
 *
 * Not modelled: data transfer, S3 requests and lifecycle transitions, retrievals and early deletion,
 * reads of DynamoDB and most other read traffic, Savings Plans and reservations, the 12-month AWS Free
 * Tier for new accounts. Each entry's `pricing.notModelled` lists what its own bill leaves out.
 */
import type { CatalogEntry, StorageClass } from '../catalog.ts';
import type { ResolvedNode } from '../graph.ts';
import { NON_SERVICE_CATEGORIES, type Factor, type Price, type PricingItem, type Quantity } from '../pricing.ts';
import { flatText } from '../format.ts';
import type { NodeFlow } from './flow.ts';
import { tierGBDays, type StorageTier } from './storage.ts';
import { DAYS_PER_MONTH, finite, GB_PER_DAY_PER_MBPS, HOURS_PER_MONTH, ratio, SECONDS_PER_MONTH } from './units.ts';

/** Region of every price in the catalog. */
export const PRICE_REGION = 'us-east-1';

/** Storage classes a query engine reads without a restore. */
const ARCHIVE_CLASSES: readonly StorageClass[] = ['GLACIER', 'DEEP_ARCHIVE'];

/** One item of a node's bill. */
export interface CostLine {
  label: string;
  /** How the amount is computed, with the figures used (e.g. "42,340 shard-hours (58 Shards x 730 h) x $0.015/shard-hour"). */
  basis: string;
  /** Average over the months of the horizon (constant items: every month's amount), USD. */
  usdPerMonth: number;
}

/** The bill of one service node (its month-by-month amounts are summed into its service's `ServiceCost`). */
export interface NodeCost {
  nodeId: string;
  service: string;
  lines: CostLine[];
  /** Average month over the horizon, USD. */
  averageMonthlyUsd: number;
  /** USD of the first month and of the last (storage grows; the last month may be partial). */
  firstMonthUsd: number;
  lastMonthUsd: number;
  /** Total over the horizon, USD. */
  horizonUsd: number;
  /** Set when the service costs nothing under its settings: why (from the catalog's `pricing.free`). */
  free?: string;
}

/** The bill of every priced node of one service, month by month. */
export interface ServiceCost {
  /** Catalog id (`amazon-kinesis-data-streams`). */
  service: string;
  /** The catalog entry's name, as charts and summaries show it. */
  name: string;
  /** Priced nodes of this service in the design. */
  nodeCount: number;
  /** USD for each month of the horizon (month 1 first): the sum of the service's nodes. */
  monthlyUsd: number[];
  /** Total over the horizon, USD: the sum of the nodes' `horizonUsd`. */
  horizonUsd: number;
}

/** Cost of the whole design. */
export interface CostReport {
  region: typeof PRICE_REGION;
  /** Months in the horizon (the last may be partial). */
  months: number;
  /** One bill per priced node, in design order. */
  nodes: NodeCost[];
  /** One series per service with priced nodes, in the order of each service's first node in the design. */
  services: ServiceCost[];
  /** Sum of every node's cost per month, USD. */
  monthlyTotalUsd: number[];
  /** Per year of the horizon (12 months each; the last may be shorter), USD. */
  yearlyTotalUsd: number[];
  horizonTotalUsd: number;
  /**
   * Service nodes whose catalog entry has no price model (no public price). Sources, consumers, notes
   * and groups are not services and are never listed.
   */
  unpricedNodeIds: string[];
}

/** What the cost model gets for one node. */
export interface CostInput {
  node: ResolvedNode;
  flow: NodeFlow;
  /** Data edges leaving the node (consumers of a stream, actions of a rule). */
  consumers: number;
  /** Nodes with a data edge into this one. */
  upstream: readonly ResolvedNode[];
  /** The node's S3 storage plan: GB written a day and the lifecycle tiers. */
  storage?: { gbPerDay: number; tiers: StorageTier[] };
}

/**
 * The horizon as months: count, the fraction of each month inside the horizon, and its length in days.
 * Months fall into a few classes that every constant item prices alike: month 1 alone (class 0, where
 * one-off fees fall), then one class per distinct fraction (1 for every full month, and the last
 * partial month), so a constant item is priced once per class instead of once per month.
 */
interface Months {
  count: number;
  fractions: Float64Array;
  full: number;
  horizonDays: number;
  /** Class of each month. */
  classOf: Uint16Array;
  /** Fraction of the months of each class. */
  classFractions: number[];
}

function monthsOf(horizonDays: number): Months {
  const count = Math.max(1, Math.ceil(horizonDays / DAYS_PER_MONTH - 1e-9));
  const fractions = new Float64Array(count);
  const classOf = new Uint16Array(count);
  const classFractions: number[] = [];
  const classByFraction = new Map<number, number>();
  for (let m = 0; m < count; m++) {
    const f = Math.min(1, Math.max(0, (horizonDays - m * DAYS_PER_MONTH) / DAYS_PER_MONTH));
    fractions[m] = f;
    let c = m === 0 ? undefined : classByFraction.get(f);
    if (c === undefined) {
      c = classFractions.length;
      classFractions.push(f);
      if (m > 0) classByFraction.set(f, c);
    }
    classOf[m] = c;
  }
  return { count, fractions, full: horizonDays / DAYS_PER_MONTH, horizonDays, classOf, classFractions };
}

/**
 * Scratch buffers of one `computeCost` run, reused from node to node and item to item: an item's
 * amounts per month class (`itemClass`, constant items) or per month (`itemSeries`, growing storage),
 * and the node's sum of its items, per class until an item grows month by month, then per month.
 */
interface Scratch {
  itemClass: Float64Array;
  itemSeries: Float64Array;
  qtyClass: Float64Array;
  nodeClass: Float64Array;
  nodeSeries: Float64Array;
  /** The node's bill lines as its items add them; the report gets a copy of the node's length (a list grown by `push` keeps room for 17). */
  lines: CostLine[];
  /** The pieces of the bill line being worded, joined into its `basis` (one flat string, no intermediate texts). */
  basis: string[];
  /** The constant quantity of the item being priced (`quantityOf`): a full month's amount, or month 1's alone when `once`. */
  monthly: number;
  once: boolean;
}

/**
 * Where one priced item put its amounts: nowhere (no price applies under the node's settings),
 * `scratch.itemClass` (per month class) or `scratch.itemSeries` (per month).
 */
type ItemAmounts = 'none' | 'per-class' | 'per-month';

/**
 * Costs of every node over the horizon, with a series per service and the design's totals. Linear in
 * nodes x (items + months), with a constant number of arrays per node.
 * @param inputs resolved nodes in design order, with their flows, neighbours and, for S3, storage plans
 * @param horizonDays days simulated
 */
export function computeCost(inputs: readonly CostInput[], horizonDays: number): CostReport {
  const months = monthsOf(horizonDays);
  const { count, classOf } = months;
  const classes = months.classFractions.length;
  const plans = new Map<string, { gbPerDay: number; tiers: StorageTier[] }>();
  for (const i of inputs) if (i.storage) plans.set(i.node.id, i.storage);
  const readable = new Map<string, Float64Array>();
  const scratch: Scratch = {
    itemClass: new Float64Array(classes),
    itemSeries: new Float64Array(count),
    qtyClass: new Float64Array(classes),
    nodeClass: new Float64Array(classes),
    nodeSeries: new Float64Array(count),
    lines: [],
    basis: [],
    monthly: 0,
    once: false,
  };
  const costs: NodeCost[] = [];
  const unpricedNodeIds: string[] = [];
  const sums = new Float64Array(count);
  const services = new Map<string, { cost: ServiceCost; monthly: Float64Array }>();

  for (const input of inputs) {
    const { node } = input;
    const pricing = node.entry.pricing;
    if (!pricing) {
      if (!NON_SERVICE_CATEGORIES.includes(node.entry.category)) unpricedNodeIds.push(node.id);
      continue;
    }
    const ctx: ItemContext = { node, flow: input.flow, consumers: input.consumers, upstream: input.upstream, storage: input.storage, months, plans, readable, held: undefined };
    const { nodeClass, nodeSeries } = scratch;
    nodeClass.fill(0);
    let nodePerMonth = false;
    const lines = scratch.lines;
    lines.length = 0;
    let inForce = 0;
    for (const item of pricing.items) {
      if (!whenHolds(item, node.settings)) continue;
      inForce++;
      const amounts = priceItem(item, ctx, scratch, lines);
      if (amounts === 'none') continue;
      if (amounts === 'per-month') {
        if (!nodePerMonth) {
          for (let m = 0; m < count; m++) nodeSeries[m] = nodeClass[classOf[m]!]!;
          nodePerMonth = true;
        }
        const s = scratch.itemSeries;
        for (let m = 0; m < count; m++) nodeSeries[m] = finite(nodeSeries[m]! + s[m]!);
      } else if (nodePerMonth) {
        const c = scratch.itemClass;
        for (let m = 0; m < count; m++) nodeSeries[m] = finite(nodeSeries[m]! + c[classOf[m]!]!);
      } else {
        const c = scratch.itemClass;
        for (let k = 0; k < classes; k++) nodeClass[k] = finite(nodeClass[k]! + c[k]!);
      }
    }
    let service = services.get(node.service);
    if (!service) services.set(node.service, (service = { cost: { service: node.service, name: node.entry.name, nodeCount: 0, monthlyUsd: [], horizonUsd: 0 }, monthly: new Float64Array(count) }));
    const serviceMonthly = service.monthly;
    let horizon = 0;
    for (let m = 0; m < count; m++) {
      const v = nodePerMonth ? nodeSeries[m]! : nodeClass[classOf[m]!]!;
      horizon += v;
      sums[m]! += v;
      serviceMonthly[m]! += v;
    }
    const horizonUsd = finite(horizon);
    service.cost.nodeCount++;
    service.cost.horizonUsd += horizonUsd;
    // Free: no item in force, or every item inside its free allowance, and the catalog says why.
    const free = inForce === 0 ? (pricing.free ?? 'No billable usage under these settings.') : horizonUsd === 0 ? pricing.free : undefined;
    if (free !== undefined && inForce === 0) lines.push({ label: 'No charge', basis: free, usdPerMonth: 0 });
    const first = nodePerMonth ? nodeSeries[0]! : nodeClass[classOf[0]!]!;
    const last = nodePerMonth ? nodeSeries[count - 1]! : nodeClass[classOf[count - 1]!]!;
    const cost: NodeCost = { nodeId: node.id, service: node.service, lines: lines.slice(), averageMonthlyUsd: ratio(horizonUsd, months.full), firstMonthUsd: first, lastMonthUsd: last, horizonUsd };
    if (free !== undefined) cost.free = free;
    costs.push(cost);
  }

  const monthlyTotalUsd = new Array<number>(count);
  let horizonTotal = 0;
  for (let m = 0; m < count; m++) horizonTotal += monthlyTotalUsd[m] = finite(sums[m]!);
  const yearlyTotalUsd: number[] = [];
  for (let m = 0; m < count; m += 12) {
    let year = 0;
    for (let k = m; k < Math.min(count, m + 12); k++) year += monthlyTotalUsd[k]!;
    yearlyTotalUsd.push(finite(year));
  }
  const serviceCosts: ServiceCost[] = [];
  for (const { cost, monthly } of services.values()) {
    cost.monthlyUsd = Array.from(monthly);
    serviceCosts.push(cost);
  }
  return {
    region: PRICE_REGION,
    months: count,
    nodes: costs,
    services: serviceCosts,
    monthlyTotalUsd,
    yearlyTotalUsd,
    horizonTotalUsd: finite(horizonTotal),
    unpricedNodeIds,
  };
}

/** One node being priced: its inputs, the months, and the lookups its items share. */
interface ItemContext {
  node: ResolvedNode;
  flow: NodeFlow;
  consumers: number;
  upstream: readonly ResolvedNode[];
  storage: { gbPerDay: number; tiers: StorageTier[] } | undefined;
  months: Months;
  plans: ReadonlyMap<string, { gbPerDay: number; tiers: StorageTier[] }>;
  /** Each store's GB held in readable classes, month by month (filled on first use). */
  readable: Map<string, Float64Array>;
  /** GB held, month by month, in the readable storage classes of the upstream stores (filled on first use). */
  held: Float64Array | undefined;
}

/** Each item's `when` as [setting, value] pairs, computed once per item (catalog entries do not change). */
const whenPairs = new WeakMap<PricingItem, readonly (readonly [string, string | boolean])[]>();

function whenHolds(item: PricingItem, settings: ResolvedNode['settings']): boolean {
  if (!item.when) return true;
  let pairs = whenPairs.get(item);
  if (!pairs) whenPairs.set(item, (pairs = Object.entries(item.when)));
  for (const [k, v] of pairs) if (settings[k] !== v) return false;
  return true;
}

/** A setting as a number: integers as they are, numeric enum options ("0.25") parsed, booleans 1/0; anything else 0. */
function num(settings: ResolvedNode['settings'], key: string): number {
  const v = settings[key];
  if (typeof v === 'number') return Math.max(0, finite(v));
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return Number(v);
  return 0;
}

/** A setting's value as an option name ("" when it is not a string, e.g. from settings no form produces). */
function optionOf(settings: ResolvedNode['settings'], key: string): string {
  const v = settings[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function figure(entry: CatalogEntry, key: string): number {
  return Math.max(0, finite(entry.figures[key]?.value));
}

function settingLabel(node: ResolvedNode, key: string): string {
  return node.entry.settings[key]?.label ?? key;
}

/**
 * The value of one factor; its description goes to `text` when given: "ceil(40 Parallelism / 1
 * Parallelism per KPU)", "1 (dpuPerWorker.G.1X)", "2 consumers".
 */
function factorValue(f: Factor, ctx: ItemContext, text: string[] | undefined): number {
  const { node } = ctx;
  if ('setting' in f) {
    let v = num(node.settings, f.setting);
    // The words wrap the setting: "(ceil(40 Parallelism / 1 Parallelism per KPU) + 1) x 0.5".
    if (text) {
      if (f.plus) text.push('(');
      if (f.divideBySetting) text.push('ceil(');
      text.push(round(v), ' ', settingLabel(node, f.setting));
    }
    if (f.divideBySetting) {
      const d = Math.max(1, num(node.settings, f.divideBySetting));
      v = Math.ceil(finite(v / d) - 1e-9);
      text?.push(' / ', round(d), ' ', settingLabel(node, f.divideBySetting), ')');
    }
    if (f.plus) {
      v += f.plus;
      text?.push(' + ', round(f.plus), ')');
    }
    if (f.scale !== undefined) {
      v *= f.scale;
      text?.push(' x ', round(f.scale, 6));
    }
    return Math.max(0, finite(v));
  }
  if ('figure' in f) return wordedValue(figureFactor(f, node.entry, f.bySetting ? optionOf(node.settings, f.bySetting) : undefined), text);
  if ('upstreamSetting' in f) {
    let sum = 0;
    let label: string | undefined;
    for (const u of ctx.upstream) {
      if (u.settings[f.upstreamSetting] !== undefined) sum += num(u.settings, f.upstreamSetting);
      label ||= u.entry.settings[f.upstreamSetting]?.label;
    }
    const v = sum * (f.scale ?? 1);
    text?.push(round(v), ' ', label || f.upstreamSetting, ' upstream');
    return finite(v);
  }
  if ('consumers' in f) {
    text?.push(String(ctx.consumers), ctx.consumers === 1 ? ' consumer' : ' consumers');
    return ctx.consumers;
  }
  return wordedValue(constantFactor(f), text);
}

/** A factor worded once (catalog data): its value, its words pushed to `text` when given. */
function wordedValue(factor: { value: number; text: string }, text: string[] | undefined): number {
  text?.push(factor.text);
  return factor.value;
}

type FigureFactor = Extract<Factor, { figure: string }>;
type ConstantFactor = Extract<Factor, { note: string }>;
/** Factors that depend on the catalog alone, worded once: a figure factor per option of its setting (`option` undefined without one), a constant per factor. */
const figureFactors = new WeakMap<FigureFactor, Map<string | undefined, { value: number; text: string }>>();
const constantFactors = new WeakMap<ConstantFactor, { value: number; text: string }>();

/** A figure of the entry (`figure`, or `figure.option` with `bySetting`) and its words: "1 (dpuPerWorker.G.1X)". */
function figureFactor(f: FigureFactor, entry: CatalogEntry, option: string | undefined): { value: number; text: string } {
  let byOption = figureFactors.get(f);
  if (!byOption) figureFactors.set(f, (byOption = new Map()));
  let factor = byOption.get(option);
  if (!factor) {
    const key = option !== undefined ? `${f.figure}.${option}` : f.figure;
    const v = figure(entry, key);
    byOption.set(option, (factor = { value: v, text: `${round(v, 4)} (${key})` }));
  }
  return factor;
}

function constantFactor(f: ConstantFactor): { value: number; text: string } {
  let factor = constantFactors.get(f);
  if (!factor) constantFactors.set(f, (factor = { value: f.value, text: `${round(f.value, 6)} (${f.note})` }));
  return factor;
}

/** Runs a month of a schedule setting: 730 h / the chosen option's period (`latencyMs`), or `fallback` without one. */
function runsPerMonth(node: ResolvedNode, setting: string, fallback: number, perOption?: Record<string, number>): number {
  const option = optionOf(node.settings, setting);
  const stated = perOption && Object.hasOwn(perOption, option) ? perOption[option] : undefined;
  if (stated !== undefined) return stated;
  const spec = node.entry.settings[setting];
  const periodMs = spec?.type === 'enum' ? spec.options.find((o) => o.value === option)?.latencyMs : undefined;
  return periodMs ? ratio(HOURS_PER_MONTH * 3_600_000, periodMs) : fallback;
}

/** The product of the factors; their descriptions, joined by " x ", go to `text` when given. */
function product(fs: readonly Factor[], ctx: ItemContext, text: string[] | undefined): number {
  let value = 1;
  for (let i = 0; i < fs.length; i++) {
    if (i > 0) text?.push(' x ');
    value *= factorValue(fs[i]!, ctx, text);
  }
  return finite(value);
}

/** Records a month arriving, and the bytes of each (from the flow model). */
function recordsIn(flow: NodeFlow): { perMonth: number; bytesEach: number } {
  const perMonth = finite(flow.inboundRecordsPerSecond * SECONDS_PER_MONTH);
  const bytesEach = ratio(flow.inboundMBps * 1e6, flow.inboundRecordsPerSecond);
  return { perMonth, bytesEach };
}

/** Started units of `kb` KB (1,024 B) in a record of `bytes`; at least 1. */
function unitsEach(bytes: number, kb: number): number {
  return Math.max(1, Math.ceil(finite(bytes / (kb * 1024)) - 1e-9));
}

/**
 * A quantity a month, in its own units (hours, messages, GB, GB-months); its description is pushed to
 * `text` ("180 Shards x 730 h"). Constant quantities (`per-class`) set `scratch.monthly`, the amount of
 * a full month (a partial month pays its fraction), or with `scratch.once` the amount of month 1 alone;
 * quantities that grow month by month (stored data, `per-month`) are written to `scratch.itemSeries`.
 */
function quantityOf(q: Exclude<Quantity, { kind: 'lifecycleStoredGB' }>, ctx: ItemContext, scratch: Scratch, text: string[]): 'per-class' | 'per-month' {
  const { months, node, flow } = ctx;
  scratch.once = false;
  switch (q.kind) {
    case 'hours': {
      const fs = product(q.factors, ctx, text);
      if (q.factors.length) text.push(' x ');
      let hours = HOURS_PER_MONTH;
      if (typeof q.time === 'object' && 'hoursPerDaySetting' in q.time) {
        const perDay = Math.min(24, num(node.settings, q.time.hoursPerDaySetting));
        hours = perDay * DAYS_PER_MONTH;
        text.push(round(perDay), ' h/day x ', MONTH_DAYS_TEXT);
      } else if (typeof q.time === 'object') {
        const runs = runsPerMonth(node, q.time.runsFrom, q.time.unscheduledRunsPerMonth, q.time.runsPerOption);
        const minutes = Math.max(q.time.minimumMinutes, num(node.settings, q.time.minutesSetting));
        hours = finite(runs * (minutes / 60));
        text.push(round(runs), ' runs x ', round(minutes), ' min');
      } else text.push(MONTH_HOURS_TEXT);
      scratch.monthly = hours * fs;
      return 'per-class';
    }
    case 'count':
      scratch.monthly = product(q.factors, ctx, text);
      return 'per-class';
    case 'runs': {
      const runs = runsPerMonth(node, q.runsFrom, q.unscheduledRunsPerMonth, q.runsPerOption);
      text.push(round(runs), ' runs');
      if (q.factors.length) text.push(' x ');
      scratch.monthly = runs * product(q.factors, ctx, text);
      return 'per-class';
    }
    case 'once':
      scratch.monthly = product(q.factors, ctx, text);
      scratch.once = true;
      text.push(', once');
      return 'per-class';
    case 'records': {
      const { perMonth, bytesEach } = recordsIn(flow);
      const kb = q.unitKB ?? (q.unitKBFigure ? figure(node.entry, q.unitKBFigure) : 0);
      const each = kb > 0 ? unitsEach(bytesEach, kb) : 1;
      const batch = q.perSetting ? Math.max(1, num(node.settings, q.perSetting)) : 1;
      const consumers = q.perConsumer ? ctx.consumers : 1;
      text.push(round(flow.inboundRecordsPerSecond), ' records/s');
      if (kb > 0) text.push(' ', String(each), ' x ', round(kb), each === 1 ? ' KB unit each (' : ' KB units each (', round(bytesEach), ' B)');
      if (q.perSetting) text.push(' / ', round(batch), ' ', settingLabel(node, q.perSetting));
      if (q.perConsumer) text.push(' x ', String(consumers), consumers === 1 ? ' outgoing connection' : ' outgoing connections');
      if (q.factors.length) text.push(' x ');
      scratch.monthly = (perMonth * each * consumers * product(q.factors, ctx, text)) / batch;
      return 'per-class';
    }
    case 'gb': {
      if (q.perConsumer) {
        const gb = (flow.outputMBps * SECONDS_PER_MONTH * ctx.consumers) / 1000;
        text.push(round(flow.outputMBps), ' MB/s out x ', String(ctx.consumers), ctx.consumers === 1 ? ' outgoing connection' : ' outgoing connections');
        if (q.factors.length) text.push(' x ');
        scratch.monthly = gb * product(q.factors, ctx, text);
        return 'per-class';
      }
      const kb = q.billingIncrementKB ?? (q.billingIncrementKBFigure ? figure(node.entry, q.billingIncrementKBFigure) : 0);
      let gb = (flow.inboundMBps * SECONDS_PER_MONTH) / 1000;
      text.push(round(flow.inboundMBps), ' MB/s in');
      if (kb > 0) {
        const { perMonth, bytesEach } = recordsIn(flow);
        gb = (perMonth * unitsEach(bytesEach, kb) * kb * 1024) / 1e9;
        text.push(', ', round(bytesEach), ' B records billed in ', round(kb), ' KB increments');
      }
      if (q.factors.length) text.push(' x ');
      scratch.monthly = gb * product(q.factors, ctx, text);
      return 'per-class';
    }
    case 'storedGB': {
      // The factors scale what is written; the words give the result.
      const gbPerDay = finite(flow.inboundMBps * GB_PER_DAY_PER_MBPS * product(q.factors, ctx, undefined));
      const days = (q.retentionSetting ? num(node.settings, q.retentionSetting) : 0) / (q.retentionUnit === 'hours' ? 24 : 1);
      const tier: StorageTier = days > 0 ? { storageClass: 'STANDARD', fromAgeDays: 0, toAgeDays: days } : { storageClass: 'STANDARD', fromAgeDays: 0 };
      const out = scratch.itemSeries;
      for (let m = 0; m < months.count; m++) out[m] = finite(tierGBDays(gbPerDay, tier, m * DAYS_PER_MONTH, Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays)) / DAYS_PER_MONTH);
      text.push(round(gbPerDay), ' GB/day written, kept ');
      if (days > 0) text.push(round(days), ' days');
      else text.push('for the whole horizon');
      return 'per-month';
    }
    case 'scannedGB': {
      const held = readableHeld(ctx);
      const perDay = num(node.settings, q.queriesPerDaySetting);
      const pct = Math.min(100, num(node.settings, q.scannedPercentSetting));
      const minGB = q.minimumMBPerQuery / 1000;
      const out = scratch.itemSeries;
      let heldSum = 0;
      for (let m = 0; m < months.count; m++) {
        out[m] = finite(perDay * DAYS_PER_MONTH * months.fractions[m]! * Math.max((pct / 100) * held[m]!, minGB));
        heldSum += held[m]!;
      }
      const avgHeld = ratio(heldSum, months.count);
      text.push(round(perDay), ' queries/day x ', round(pct), ' % of ', round(avgHeld), ' GB held in readable classes upstream (average; at least ', round(q.minimumMBPerQuery), ' MB a query)');
      return 'per-month';
    }
  }
}

/** GB held in readable storage classes by the upstream stores, month by month (average over each month); one series per store, computed once. */
function readableHeld(ctx: ItemContext): Float64Array {
  if (ctx.held) return ctx.held;
  const { months } = ctx;
  const out = new Float64Array(months.count);
  for (const u of ctx.upstream) {
    const plan = ctx.plans.get(u.id);
    if (!plan) continue;
    let series = ctx.readable.get(u.id);
    if (!series) {
      series = new Float64Array(months.count);
      const readableTiers = plan.tiers.filter((t) => !ARCHIVE_CLASSES.includes(t.storageClass));
      for (let m = 0; m < months.count; m++) {
        const a = m * DAYS_PER_MONTH;
        const b = Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays);
        let gbDays = 0;
        for (const t of readableTiers) gbDays += tierGBDays(plan.gbPerDay, t, a, b);
        series[m] = finite(ratio(gbDays, b - a));
      }
      ctx.readable.set(u.id, series);
    }
    for (let m = 0; m < months.count; m++) out[m]! += series[m]!;
  }
  ctx.held = out;
  return out;
}

/** USD for `quantity` units at `price`, tiers applied (each tier's value per `per` units). */
function charge(quantity: number, value: number, per: number, tiers: Price['tiers']): number {
  if (!tiers) return finite((quantity / per) * value);
  let usd = 0;
  let from = 0;
  for (const t of tiers) {
    const to = t.upTo ?? Infinity;
    if (quantity > from) usd += ((Math.min(quantity, to) - from) / per) * t.value;
    from = to;
  }
  return finite(usd);
}

/** Adds the bill lines of one item to `lines`; its USD per month class or per month go to `scratch` (see `ItemAmounts`). */
function priceItem(item: PricingItem, ctx: ItemContext, scratch: Scratch, lines: CostLine[]): ItemAmounts {
  const { months, node } = ctx;
  if (item.quantity.kind === 'lifecycleStoredGB') return lifecycleItem(item, ctx, scratch, lines);
  const price = item.price;
  const chosen = price.bySetting ? optionOf(node.settings, price.bySetting) : undefined;
  const value = price.value ?? (chosen !== undefined && price.values && Object.hasOwn(price.values, chosen) ? price.values[chosen] : undefined);
  if (value === undefined) return 'none';
  // The basis is one run of characters joined from its pieces: the quantity's number and unit (known
  // last, in slots 0 and 1), then the quantity's words, then the rate.
  const basis = scratch.basis;
  basis.length = 0;
  basis.push('', '', ' a month (');
  const amounts = quantityOf(item.quantity, ctx, scratch, basis);
  const { count, classOf } = months;
  let total = 0;
  let quantity = 0;
  if (amounts === 'per-month') {
    const s = scratch.itemSeries;
    for (let m = 0; m < count; m++) {
      quantity += s[m]!;
      total += s[m] = charge(s[m]!, value, item.per, price.tiers);
    }
  } else {
    const qc = scratch.qtyClass;
    const uc = scratch.itemClass;
    const fractions = months.classFractions;
    for (let k = 0; k < fractions.length; k++) {
      qc[k] = scratch.once ? (k === 0 ? scratch.monthly : 0) : finite(scratch.monthly * fractions[k]!);
      uc[k] = charge(qc[k]!, value, item.per, price.tiers);
    }
    for (let m = 0; m < count; m++) {
      quantity += qc[classOf[m]!]!;
      total += uc[classOf[m]!]!;
    }
  }
  const averageQuantity = ratio(quantity, months.full);
  const usdPerMonth = ratio(total, months.full);
  const texts = itemTexts(item);
  basis[0] = round(item.per === 1 ? averageQuantity : averageQuantity / item.per);
  basis[1] = texts.after;
  basis.push(') x ');
  // With one price the rate and the option chosen are catalog words, worded once per item and option.
  if (price.tiers && price.tiers.length > 1) {
    basis.push('$', round(ratio(usdPerMonth * item.per, averageQuantity, value), 6), ' per ', texts.amount, ' on average (tiers: ', texts.tiers, ')');
    if (chosen !== undefined) basis.push(' (', chosen, ')');
  } else basis.push(singleRate(item, chosen, value));
  lines.push({ label: item.label, basis: basis.join(''), usdPerMonth });
  return amounts;
}

/** "$0.015 per shard-hour", "$0.44 per DPU-hour (G.1X)": an item's single price for the option chosen (undefined: the item has no option). */
function singleRate(item: PricingItem, chosen: string | undefined, value: number): string {
  let rates = singleRates.get(item);
  if (!rates) singleRates.set(item, (rates = new Map()));
  let rate = rates.get(chosen);
  if (rate === undefined) rates.set(chosen, (rate = `$${round(value, 6)} per ${itemTexts(item).amount}${chosen !== undefined ? ` (${chosen})` : ''}`));
  return rate;
}
const singleRates = new WeakMap<PricingItem, Map<string | undefined, string>>();

/** S3-style storage: GB-months per lifecycle tier, priced by storage class (USD per month to `scratch.itemSeries`). */
function lifecycleItem(item: PricingItem, ctx: ItemContext, scratch: Scratch, lines: CostLine[]): ItemAmounts {
  const { months } = ctx;
  if (!ctx.storage) return 'none';
  const monthly = scratch.itemSeries;
  monthly.fill(0);
  const byClass = new Map<string, { gbMonths: number; usd: number; price: number }>();
  const { gbPerDay } = ctx.storage;
  for (const tier of ctx.storage.tiers) {
    const price = (item.price.values && Object.hasOwn(item.price.values, tier.storageClass) ? item.price.values[tier.storageClass] : undefined) ?? item.price.value;
    if (price === undefined) continue;
    let acc = byClass.get(tier.storageClass);
    if (!acc) byClass.set(tier.storageClass, (acc = { gbMonths: 0, usd: 0, price }));
    for (let m = 0; m < months.count; m++) {
      const gbMonths = finite(tierGBDays(gbPerDay, tier, m * DAYS_PER_MONTH, Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays)) / DAYS_PER_MONTH);
      monthly[m] = finite(monthly[m]! + (gbMonths / item.per) * price);
      acc.gbMonths += gbMonths;
      acc.usd += (gbMonths / item.per) * price;
    }
  }
  for (const [cls, a] of byClass)
    lines.push({
      label: classLabel(item, cls),
      basis: flatText(round(a.gbMonths / Math.max(months.full, 1e-9)), ' GB-months a month on average x $', String(a.price), '/GB-month'),
      usdPerMonth: ratio(a.usd, months.full),
    });
  return 'per-month';
}

/** "Storage, STANDARD": the label of a storage item's line for one storage class, worded once per item and class. */
function classLabel(item: PricingItem, storageClass: string): string {
  let labels = classLabels.get(item);
  if (!labels) classLabels.set(item, (labels = new Map()));
  let label = labels.get(storageClass);
  if (label === undefined) labels.set(storageClass, (label = `${item.label}, ${storageClass}`));
  return label;
}
const classLabels = new WeakMap<PricingItem, Map<string, string>>();

/** An item's texts that depend on the catalog alone (its unit, its tiers), worded once per item. */
function itemTexts(item: PricingItem): ItemTexts {
  let texts = itemTextCache.get(item);
  if (!texts) {
    texts = { amount: amount(item), after: quantityUnit(item), tiers: '' };
    itemTextCache.set(item, texts);
    // After the cache entry: the tier words use `quantityText`, which reads this entry.
    if (item.price.tiers && item.price.tiers.length > 1) texts.tiers = tierText(item.price.tiers, item);
  }
  return texts;
}
/** `amount`: the unit a price is per; `after`: what follows a quantity's number (`quantityUnit`); `tiers`: the tiers in words ('' for a single price). */
interface ItemTexts {
  amount: string;
  after: string;
  tiers: string;
}
const itemTextCache = new WeakMap<PricingItem, ItemTexts>();

/** The unit a price is per: "shard-hour", "million messages", "10,000 requests". */
function amount(item: PricingItem): string {
  if (item.per === 1) return item.unit;
  const n = item.per === 1e6 ? 'million' : item.per === 1e9 ? 'billion' : round(item.per);
  return `${n} ${plural(item.unit)}`;
}

/** A quantity in the item's units: "42,340 shard-hours", "148,519 million messages", "100 x 10,000 requests". */
function quantityText(quantity: number, item: PricingItem): string {
  return `${round(item.per === 1 ? quantity : quantity / item.per)}${itemTexts(item).after}`;
}

/** What follows the number in `quantityText`: " shard-hours", " million messages", " x 10,000 requests". */
function quantityUnit(item: PricingItem): string {
  if (item.per === 1) return ` ${plural(item.unit)}`;
  const unit = amount(item);
  return /^\d/.test(unit) ? ` x ${unit}` : ` ${unit}`;
}

function plural(unit: string): string {
  return /(s|GB|TB|KB|MB|GB-month)$/.test(unit) ? unit : `${unit}s`;
}

function tierText(tiers: NonNullable<Price['tiers']>, item: PricingItem): string {
  let from = 0;
  return tiers
    .map((t) => {
      const text = t.upTo === undefined ? `$${round(t.value, 6)} above ${quantityText(from, item)}` : `$${round(t.value, 6)} up to ${quantityText(t.upTo, item)}`;
      from = t.upTo ?? from;
      return text;
    })
    .join(', ');
}

/** 10 ** digits for the precisions `round` is asked for (exact: the same numbers as `10 ** digits`). */
const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** The month in words: "730 h", "30.42 days". */
const MONTH_HOURS_TEXT = `${HOURS_PER_MONTH} h`;
const MONTH_DAYS_TEXT = `${round(DAYS_PER_MONTH)} days`;

/** `x` with at most `digits` decimals and thousands separators (`152,083.33`); plain string work, no Intl or regex (it runs for every line of every node). */
function round(x: number, digits = 2): string {
  const p = POWERS_OF_TEN[digits] ?? 10 ** digits;
  const v = Math.round(finite(x) * p) / p;
  const text = String(Math.abs(v));
  if (text.includes('e')) return String(v);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  if (whole.length <= 3) return v < 0 ? `-${text}` : text;
  // Groups of three digits from the left, the first group 1 to 3 long.
  let out = whole.slice(0, whole.length % 3 || 3);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return (v < 0 ? '-' : '') + out + (dot < 0 ? '' : text.slice(dot));
}
