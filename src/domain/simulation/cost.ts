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
  /** Set when the service costs nothing under its settings: why (from the catalog's `pricing.free`). */
  free?: string;
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

/** The horizon as months: count, the fraction of each month inside the horizon, and its length in days. */
interface Months {
  count: number;
  fractions: number[];
  full: number;
  horizonDays: number;
}

/**
 * Costs of every node over the horizon.
 * @param inputs resolved nodes in design order, with their flows, neighbours and, for S3, storage plans
 * @param horizonDays days simulated
 */
export function computeCost(inputs: readonly CostInput[], horizonDays: number): CostReport {
  const count = Math.max(1, Math.ceil(horizonDays / DAYS_PER_MONTH - 1e-9));
  const months: Months = {
    count,
    fractions: Array.from({ length: count }, (_, m) => Math.min(1, Math.max(0, (horizonDays - m * DAYS_PER_MONTH) / DAYS_PER_MONTH))),
    full: horizonDays / DAYS_PER_MONTH,
    horizonDays,
  };
  const plans = new Map(inputs.flatMap((i) => (i.storage ? [[i.node.id, i.storage] as const] : [])));
  const readable = new Map<string, number[]>();
  const cache = new Map<string, { lines: CostLine[]; monthly: number[] }>();
  const costs: NodeCost[] = [];
  const unpricedNodeIds: string[] = [];

  for (const input of inputs) {
    const { node } = input;
    const pricing = node.entry.pricing;
    if (!pricing) {
      if (!NON_SERVICE_CATEGORIES.includes(node.entry.category)) unpricedNodeIds.push(node.id);
      continue;
    }
    const items = pricing.items.filter((it) => whenHolds(it.when, node.settings));
    const monthlyUsd = new Array<number>(count).fill(0);
    const lines: CostLine[] = [];
    for (const item of items) {
      const ctx: ItemContext = { ...input, months, readableHeld: () => readableHeld(input, plans, readable, months) };
      const key = cacheKey(item, ctx);
      let result = key === undefined ? undefined : cache.get(key);
      if (!result) {
        result = priceItem(item, ctx);
        if (key !== undefined) cache.set(key, result);
      }
      lines.push(...result.lines);
      for (let m = 0; m < count; m++) monthlyUsd[m] = finite(monthlyUsd[m]! + (result.monthly[m] ?? 0));
    }
    const horizonUsd = finite(monthlyUsd.reduce((a, b) => a + b, 0));
    // Free: no item in force, or every item inside its free allowance, and the catalog says why.
    const free = items.length === 0 ? (pricing.free ?? 'No billable usage under these settings.') : horizonUsd === 0 ? pricing.free : undefined;
    if (free !== undefined && items.length === 0) lines.push({ label: 'No charge', basis: free, usdPerMonth: 0 });
    costs.push({ nodeId: node.id, service: node.service, lines, monthlyUsd, averageMonthlyUsd: ratio(horizonUsd, months.full), horizonUsd, ...(free !== undefined ? { free } : {}) });
  }

  const sums = new Array<number>(count).fill(0);
  for (const c of costs) for (let m = 0; m < count; m++) sums[m]! += c.monthlyUsd[m] ?? 0;
  const monthlyTotalUsd = sums.map((x) => finite(x));
  const yearlyTotalUsd: number[] = [];
  for (let m = 0; m < count; m += 12) yearlyTotalUsd.push(finite(monthlyTotalUsd.slice(m, m + 12).reduce((a, b) => a + b, 0)));
  return {
    region: PRICE_REGION,
    months: count,
    nodes: costs,
    monthlyTotalUsd,
    yearlyTotalUsd,
    horizonTotalUsd: finite(monthlyTotalUsd.reduce((a, b) => a + b, 0)),
    unpricedNodeIds,
  };
}

interface ItemContext extends CostInput {
  months: Months;
  /** GB held, month by month, in the readable storage classes of the upstream stores. */
  readableHeld: () => number[];
}

/** Cache key for the items whose evaluation loops over the months (storage), so 10,000 equal buckets cost one evaluation. */
function cacheKey(item: PricingItem, ctx: ItemContext): string | undefined {
  if (item.quantity.kind !== 'lifecycleStoredGB' || !ctx.storage) return undefined;
  return `${ctx.node.service}|${item.label}|${ctx.storage.gbPerDay}|${JSON.stringify(ctx.storage.tiers)}`;
}

function whenHolds(when: Record<string, string | boolean> | undefined, settings: ResolvedNode['settings']): boolean {
  return !when || Object.entries(when).every(([k, v]) => settings[k] === v);
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

/** The value and description of one factor. */
function factorValue(f: Factor, ctx: ItemContext): { value: number; text: string } {
  const { node } = ctx;
  const labelOf = (key: string) => node.entry.settings[key]?.label ?? key;
  if ('setting' in f) {
    let v = num(node.settings, f.setting);
    let text = `${round(v)} ${labelOf(f.setting)}`;
    if (f.divideBySetting) {
      const d = Math.max(1, num(node.settings, f.divideBySetting));
      v = Math.ceil(finite(v / d) - 1e-9);
      text = `ceil(${text} / ${round(d)} ${labelOf(f.divideBySetting)})`;
    }
    if (f.plus) {
      v += f.plus;
      text = `(${text} + ${round(f.plus)})`;
    }
    if (f.scale !== undefined) {
      v *= f.scale;
      text = `${text} x ${round(f.scale, 6)}`;
    }
    return { value: Math.max(0, finite(v)), text };
  }
  if ('figure' in f) {
    const key = f.bySetting ? `${f.figure}.${optionOf(node.settings, f.bySetting)}` : f.figure;
    const v = figure(node.entry, key);
    return { value: v, text: `${round(v, 4)} (${key})` };
  }
  if ('upstreamSetting' in f) {
    const v = ctx.upstream.reduce((a, u) => a + (u.settings[f.upstreamSetting] !== undefined ? num(u.settings, f.upstreamSetting) : 0), 0) * (f.scale ?? 1);
    const label = ctx.upstream.map((u) => u.entry.settings[f.upstreamSetting]?.label).find(Boolean) ?? f.upstreamSetting;
    return { value: finite(v), text: `${round(v)} ${label} upstream` };
  }
  if ('consumers' in f) return { value: ctx.consumers, text: `${ctx.consumers} consumer${ctx.consumers === 1 ? '' : 's'}` };
  return { value: f.value, text: `${round(f.value, 6)} (${f.note})` };
}

/** Runs a month of a schedule setting: 730 h / the chosen option's period (`latencyMs`), or `fallback` without one. */
function runsPerMonth(node: ResolvedNode, setting: string, fallback: number, perOption?: Record<string, number>): number {
  const stated = perOption && Object.hasOwn(perOption, optionOf(node.settings, setting)) ? perOption[optionOf(node.settings, setting)] : undefined;
  if (stated !== undefined) return stated;
  const spec = node.entry.settings[setting];
  const periodMs = spec?.type === 'enum' ? spec.options.find((o) => o.value === optionOf(node.settings, setting))?.latencyMs : undefined;
  return periodMs ? ratio(HOURS_PER_MONTH * 3_600_000, periodMs) : fallback;
}

function product(fs: readonly Factor[], ctx: ItemContext): { value: number; text: string } {
  let value = 1;
  const texts: string[] = [];
  for (const f of fs) {
    const r = factorValue(f, ctx);
    value *= r.value;
    texts.push(r.text);
  }
  return { value: finite(value), text: texts.join(' x ') };
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

/** Per-month amounts of a quantity, in its own units (hours, messages, GB, GB-months), with a description. */
function quantityPerMonth(q: Exclude<Quantity, { kind: 'lifecycleStoredGB' }>, ctx: ItemContext): { perMonth: number[]; text: string } {
  const { months, node, flow } = ctx;
  const spread = (monthly: number) => months.fractions.map((f) => finite(monthly * f));
  switch (q.kind) {
    case 'hours': {
      const fs = product(q.factors, ctx);
      let hours = HOURS_PER_MONTH;
      let hoursText = `${HOURS_PER_MONTH} h`;
      if (typeof q.time === 'object' && 'hoursPerDaySetting' in q.time) {
        const perDay = Math.min(24, num(node.settings, q.time.hoursPerDaySetting));
        hours = perDay * DAYS_PER_MONTH;
        hoursText = `${round(perDay)} h/day x ${round(DAYS_PER_MONTH)} days`;
      } else if (typeof q.time === 'object') {
        const runs = runsPerMonth(node, q.time.runsFrom, q.time.unscheduledRunsPerMonth, q.time.runsPerOption);
        const minutes = Math.max(q.time.minimumMinutes, num(node.settings, q.time.minutesSetting));
        hours = finite(runs * (minutes / 60));
        hoursText = `${round(runs)} runs x ${round(minutes)} min`;
      }
      return { perMonth: spread(hours * fs.value), text: fs.text ? `${fs.text} x ${hoursText}` : hoursText };
    }
    case 'count': {
      const fs = product(q.factors, ctx);
      return { perMonth: spread(fs.value), text: fs.text };
    }
    case 'runs': {
      const fs = product(q.factors, ctx);
      const runs = runsPerMonth(node, q.runsFrom, q.unscheduledRunsPerMonth, q.runsPerOption);
      return { perMonth: spread(runs * fs.value), text: `${round(runs)} runs${fs.text ? ` x ${fs.text}` : ''}` };
    }
    case 'once': {
      const fs = product(q.factors, ctx);
      return { perMonth: months.fractions.map((_, m) => (m === 0 ? fs.value : 0)), text: `${fs.text}, once` };
    }
    case 'records': {
      const { perMonth, bytesEach } = recordsIn(flow);
      const kb = q.unitKB ?? (q.unitKBFigure ? figure(node.entry, q.unitKBFigure) : 0);
      const each = kb > 0 ? unitsEach(bytesEach, kb) : 1;
      const batch = q.perSetting ? Math.max(1, num(node.settings, q.perSetting)) : 1;
      const consumers = q.perConsumer ? ctx.consumers : 1;
      const fs = product(q.factors, ctx);
      const texts = [`${round(flow.inboundRecordsPerSecond)} records/s`];
      if (kb > 0) texts.push(`${each} x ${round(kb)} KB unit${each === 1 ? '' : 's'} each (${round(bytesEach)} B)`);
      if (q.perSetting) texts.push(`/ ${round(batch)} ${node.entry.settings[q.perSetting]?.label ?? q.perSetting}`);
      if (q.perConsumer) texts.push(`x ${consumers} outgoing connection${consumers === 1 ? '' : 's'}`);
      if (fs.text) texts.push(`x ${fs.text}`);
      return { perMonth: spread((perMonth * each * consumers * fs.value) / batch), text: texts.join(' ') };
    }
    case 'gb': {
      const fs = product(q.factors, ctx);
      if (q.perConsumer) {
        const gb = (flow.outputMBps * SECONDS_PER_MONTH * ctx.consumers) / 1000;
        return { perMonth: spread(gb * fs.value), text: `${round(flow.outputMBps)} MB/s out x ${ctx.consumers} outgoing connection${ctx.consumers === 1 ? '' : 's'}${fs.text ? ` x ${fs.text}` : ''}` };
      }
      const kb = q.billingIncrementKB ?? (q.billingIncrementKBFigure ? figure(node.entry, q.billingIncrementKBFigure) : 0);
      let gb = (flow.inboundMBps * SECONDS_PER_MONTH) / 1000;
      let text = `${round(flow.inboundMBps)} MB/s in`;
      if (kb > 0) {
        const { perMonth, bytesEach } = recordsIn(flow);
        gb = (perMonth * unitsEach(bytesEach, kb) * kb * 1024) / 1e9;
        text += `, ${round(bytesEach)} B records billed in ${round(kb)} KB increments`;
      }
      return { perMonth: spread(gb * fs.value), text: fs.text ? `${text} x ${fs.text}` : text };
    }
    case 'storedGB': {
      const fs = product(q.factors, ctx);
      const gbPerDay = finite(flow.inboundMBps * GB_PER_DAY_PER_MBPS * fs.value);
      const days = (q.retentionSetting ? num(node.settings, q.retentionSetting) : 0) / (q.retentionUnit === 'hours' ? 24 : 1);
      const tier: StorageTier = days > 0 ? { storageClass: 'STANDARD', fromAgeDays: 0, toAgeDays: days } : { storageClass: 'STANDARD', fromAgeDays: 0 };
      const perMonth = months.fractions.map((_, m) => finite(tierGBDays(gbPerDay, tier, m * DAYS_PER_MONTH, Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays)) / DAYS_PER_MONTH));
      return { perMonth, text: `${round(gbPerDay)} GB/day written, kept ${days > 0 ? `${round(days)} days` : 'for the whole horizon'}` };
    }
    case 'scannedGB': {
      const held = ctx.readableHeld();
      const perDay = num(node.settings, q.queriesPerDaySetting);
      const pct = Math.min(100, num(node.settings, q.scannedPercentSetting));
      const minGB = q.minimumMBPerQuery / 1000;
      const perMonth = months.fractions.map((f, m) => finite(perDay * DAYS_PER_MONTH * f * Math.max((pct / 100) * (held[m] ?? 0), minGB)));
      const avgHeld = ratio(
        held.reduce((a, b) => a + b, 0),
        held.length,
      );
      return { perMonth, text: `${round(perDay)} queries/day x ${round(pct)} % of ${round(avgHeld)} GB held in readable classes upstream (average; at least ${round(q.minimumMBPerQuery)} MB a query)` };
    }
  }
}

/** GB held in readable storage classes by the upstream stores, month by month (average over each month). */
function readableHeld(input: CostInput, plans: Map<string, { gbPerDay: number; tiers: StorageTier[] }>, memo: Map<string, number[]>, months: Months): number[] {
  const out = new Array<number>(months.count).fill(0);
  for (const u of input.upstream) {
    const plan = plans.get(u.id);
    if (!plan) continue;
    let series = memo.get(u.id);
    if (!series) {
      series = months.fractions.map((_, m) => {
        const a = m * DAYS_PER_MONTH;
        const b = Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays);
        const gbDays = plan.tiers.filter((t) => !ARCHIVE_CLASSES.includes(t.storageClass)).reduce((s, t) => s + tierGBDays(plan.gbPerDay, t, a, b), 0);
        return finite(ratio(gbDays, b - a));
      });
      memo.set(u.id, series);
    }
    series.forEach((v, m) => (out[m]! += v));
  }
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

/** The bill lines and per-month USD of one item. */
function priceItem(item: PricingItem, ctx: ItemContext): { lines: CostLine[]; monthly: number[] } {
  const { months, node } = ctx;
  if (item.quantity.kind === 'lifecycleStoredGB') return lifecycleItem(item, ctx);
  const price = item.price;
  const chosen = price.bySetting ? optionOf(node.settings, price.bySetting) : undefined;
  const value = price.value ?? (chosen !== undefined && price.values && Object.hasOwn(price.values, chosen) ? price.values[chosen] : undefined);
  if (value === undefined) return { lines: [], monthly: [] };
  const q = quantityPerMonth(item.quantity, ctx);
  const monthly = q.perMonth.map((x) => charge(x, value, item.per, price.tiers));
  const total = monthly.reduce((a, b) => a + b, 0);
  const averageQuantity = ratio(
    q.perMonth.reduce((a, b) => a + b, 0),
    months.full,
  );
  const usdPerMonth = ratio(total, months.full);
  const rate = price.tiers && price.tiers.length > 1 ? `$${round(ratio(usdPerMonth * item.per, averageQuantity, value), 6)} per ${amount(item)} on average (tiers: ${tierText(price.tiers, item)})` : `$${round(value, 6)} per ${amount(item)}`;
  const option = chosen !== undefined ? ` (${chosen})` : '';
  return {
    lines: [{ label: item.label, basis: `${quantityText(averageQuantity, item)} a month (${q.text}) x ${rate}${option}`, usdPerMonth }],
    monthly,
  };
}

/** S3-style storage: GB-months per lifecycle tier, priced by storage class. */
function lifecycleItem(item: PricingItem, ctx: ItemContext): { lines: CostLine[]; monthly: number[] } {
  const { months } = ctx;
  const monthly = new Array<number>(months.count).fill(0);
  if (!ctx.storage) return { lines: [], monthly };
  const byClass = new Map<string, { gbMonths: number; usd: number; price: number }>();
  for (const tier of ctx.storage.tiers) {
    const price = (item.price.values && Object.hasOwn(item.price.values, tier.storageClass) ? item.price.values[tier.storageClass] : undefined) ?? item.price.value;
    if (price === undefined) continue;
    const acc = byClass.get(tier.storageClass) ?? { gbMonths: 0, usd: 0, price };
    for (let m = 0; m < months.count; m++) {
      const gbMonths = finite(tierGBDays(ctx.storage.gbPerDay, tier, m * DAYS_PER_MONTH, Math.min((m + 1) * DAYS_PER_MONTH, months.horizonDays)) / DAYS_PER_MONTH);
      monthly[m] = finite(monthly[m]! + (gbMonths / item.per) * price);
      acc.gbMonths += gbMonths;
      acc.usd += (gbMonths / item.per) * price;
    }
    byClass.set(tier.storageClass, acc);
  }
  const lines = [...byClass].map(([cls, a]) => ({
    label: `${item.label}, ${cls}`,
    basis: `${round(a.gbMonths / Math.max(months.full, 1e-9))} GB-months a month on average x $${a.price}/GB-month`,
    usdPerMonth: ratio(a.usd, months.full),
  }));
  return { lines, monthly };
}

/** The unit a price is per: "shard-hour", "million messages", "10,000 requests". */
function amount(item: PricingItem): string {
  if (item.per === 1) return item.unit;
  const n = item.per === 1e6 ? 'million' : item.per === 1e9 ? 'billion' : round(item.per);
  return `${n} ${plural(item.unit)}`;
}

/** A quantity in the item's units: "42,340 shard-hours", "148,519 million messages", "100 x 10,000 requests". */
function quantityText(quantity: number, item: PricingItem): string {
  if (item.per === 1) return `${round(quantity)} ${plural(item.unit)}`;
  const unit = amount(item);
  return /^\d/.test(unit) ? `${round(quantity / item.per)} x ${unit}` : `${round(quantity / item.per)} ${unit}`;
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

/** `x` with at most `digits` decimals and thousands separators (`152,083.33`); plain string work, no Intl or regex (it runs for every line of every node). */
function round(x: number, digits = 2): string {
  const p = 10 ** digits;
  const v = Math.round(finite(x) * p) / p;
  const text = String(Math.abs(v));
  if (text.includes('e')) return String(v);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let out = '';
  for (let i = 0; i < whole.length; i++) out += (i > 0 && (whole.length - i) % 3 === 0 ? ',' : '') + whole[i];
  return (v < 0 ? '-' : '') + out + (dot < 0 ? '' : text.slice(dot));
}
