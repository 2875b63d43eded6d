/**
 * The price model as catalog data: an entry's `pricing` section lists priced items, each a price (a
 * figure from the AWS pricing page, in USD for us-east-1, with its source and as-of date, optionally
 * tiered by monthly volume or chosen by a setting's value) times a billable quantity computed by the
 * simulation from the node's settings and flow. No code is keyed by service id: `simulation/cost.ts`
 * evaluates these items for every node alike.
 *
 * Billable quantities (`quantity.kind`), each per month of 730 hours:
 * - `hours`: hours the resource runs x its factors. `time` is `"month"` (730 h, the default),
 *   `{hoursPerDaySetting}` (that many hours a day x 30.42 days), or `{runsFrom, minutesSetting}` (runs a
 *   month from the period of the chosen schedule option, 730 h / period, x the run's minutes, with a
 *   billing minimum per run). Examples: shard-hours, broker-hours, DPU-hours of scheduled jobs.
 * - `count`: the product of the factors, per month: authors, keys, alarms, provisioned GB-months.
 * - `once`: the product of the factors, billed in the first month only (a device job fee).
 * - `runs`: runs a month from the period of the chosen option of `runsFrom` (730 h / period), x factors.
 * - `records`: records arriving a month (the flow model's records/s x 2,628,000 s), each counted as the
 *   number of started `unitKB` (1,024-byte) units it fills when `unitKB` is set (IoT Core meters 5 KB,
 *   a Kinesis PUT payload unit is 25 KB), divided by `perSetting` (records per request: a Lambda batch),
 *   x the number of consumers (outgoing data edges) when `perConsumer`, x the factors.
 * - `gb`: GB (10^9 bytes) arriving a month, each record rounded up to `billingIncrementKB` when set (as
 *   Firehose bills 5 KB); with `perConsumer`, the GB the node sends x its outgoing data edges.
 * - `storedGB`: GB-months held when the node keeps what arrives for `retentionSetting` days (0, or an
 *   option that is not a number such as "never", keeps it for the whole horizon); grows month by month.
 * - `lifecycleStoredGB`: GB-months per storage class from the S3 lifecycle plan (`simulation/storage.ts`);
 *   the price is chosen by the storage class (`bySetting` names the storage-class setting).
 * - `scannedGB`: GB read by queries: `queriesPerDaySetting` queries a day, each reading
 *   `scannedPercentSetting` % (partition pruning and column projection) of what the upstream stores hold
 *   in classes a query can read (not S3 Glacier Flexible Retrieval or Deep Archive), at least
 *   `minimumMBPerQuery` each. A Parquet bucket holds (and a query scans) the columnar size.
 *
 * Factors multiply a quantity: a setting's value (integer, a numeric enum option such as "0.25", a boolean
 * as 1 or 0), optionally rounded up after division by another setting (`divideBySetting`: KPUs =
 * ceil(parallelism / parallelism per KPU)), plus a constant and times a scale; a figure of the entry
 * (optionally the one for the chosen option of a setting: `dpuPerWorker.G.1X`); the sum of a setting over
 * the upstream data nodes (`upstreamSetting`: the devices' `deviceCount` for IoT Core connection
 * minutes); the node's outgoing data edges (`consumers`: enhanced fan-out consumers); or a stated
 * constant (`value`, with a note). A schedule option's period is its `latencyMs`; a job triggered after
 * an upstream job runs as often as its (hidden) schedule setting says, daily by default.
 *
 * An item applies while its `when` settings hold. An entry whose pricing has no item in force costs
 * nothing; `free` says why (Lake Formation, IAM, a gateway VPC endpoint). An entry with no `pricing`
 * section is "not priced" when it is a service (sources, consumers, notes and groups are not services).
 */
import { z } from 'zod';

/** ISO date `YYYY-MM-DD` (the catalog's figures use it too, see catalog-schema.ts). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** `{settingKey: value}`: in force only when every listed setting has that value (items here, settings in catalog-schema.ts). */
export const whenSchema = z.record(z.string(), z.union([z.string(), z.boolean()]));

/**
 * One volume tier: the price per `per` units for the part of a month's quantity up to `upTo` (in the
 * quantity's own units: messages, GB); the last tier has no `upTo`. A free allowance is a tier at 0.
 */
export const priceTierSchema = z.strictObject({ upTo: z.number().positive().optional(), value: z.number().nonnegative() });

/**
 * A price: a figure from the AWS pricing page. Either one `value` (optionally with volume `tiers`), or
 * `values` per option of the setting named by `bySetting` (instance types, storage classes).
 */
export const priceSchema = z
  .strictObject({
    value: z.number().nonnegative().optional(),
    bySetting: z.string().optional(),
    values: z.record(z.string(), z.number().nonnegative()).optional(),
    tiers: z.array(priceTierSchema).min(1).optional(),
    unit: z.string().min(1),
    source: z.url(),
    asOf: isoDate,
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    const single = p.value !== undefined;
    const byOption = p.bySetting !== undefined || p.values !== undefined;
    if (single === byOption) ctx.addIssue({ code: 'custom', path: [], message: 'a price has either "value" or "bySetting" with "values"' });
    if (byOption && (p.bySetting === undefined || p.values === undefined)) ctx.addIssue({ code: 'custom', path: ['values'], message: '"bySetting" and "values" go together' });
    if (p.tiers) {
      if (!single) ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'tiers apply to a single "value"' });
      p.tiers.forEach((t, i) => {
        const last = i === p.tiers!.length - 1;
        if (last !== (t.upTo === undefined)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: last ? 'the last tier has no "upTo"' : 'every tier but the last has an "upTo"' });
        const prev = p.tiers![i - 1]?.upTo;
        if (t.upTo !== undefined && prev !== undefined && t.upTo <= prev) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: '"upTo" must grow from tier to tier' });
      });
      if (p.tiers[0] && p.value !== undefined && !p.tiers.some((t) => t.value === p.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: '"value" is one of the tiers (the headline price)' });
    }
  });
export type Price = z.infer<typeof priceSchema>;

/** One multiplier of a quantity (see the module comment). */
export const factorSchema = z.union([
  z.strictObject({ setting: z.string(), divideBySetting: z.string().optional(), plus: z.number().optional(), scale: z.number().nonnegative().optional() }),
  z.strictObject({ figure: z.string(), bySetting: z.string().optional() }),
  z.strictObject({ upstreamSetting: z.string(), scale: z.number().nonnegative().optional() }),
  z.strictObject({ value: z.number().nonnegative(), note: z.string().min(3) }),
  z.strictObject({ consumers: z.literal(true) }),
]);
export type Factor = z.infer<typeof factorSchema>;

const factors = z.array(factorSchema).default([]);
const timeSchema = z.union([
  z.literal('month'),
  z.strictObject({ hoursPerDaySetting: z.string() }),
  z.strictObject({
    runsFrom: z.string(),
    minutesSetting: z.string(),
    /** Billing minimum per run, minutes (Glue: 1; crawlers: 10). */
    minimumMinutes: z.number().nonnegative().default(0),
    /** Runs a month when the chosen schedule option has no period (an on-demand crawler). */
    unscheduledRunsPerMonth: z.number().nonnegative().default(0),
    /** Runs a month per option, where the options carry no period (`latencyMs`). */
    runsPerOption: z.record(z.string(), z.number().nonnegative()).optional(),
  }),
]);

/** A billable quantity (see the module comment for each kind). */
export const quantitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hours'), time: timeSchema.default('month'), factors }),
  z.strictObject({ kind: z.literal('count'), factors }),
  z.strictObject({
    kind: z.literal('runs'),
    runsFrom: z.string(),
    unscheduledRunsPerMonth: z.number().nonnegative().default(0),
    runsPerOption: z.record(z.string(), z.number().nonnegative()).optional(),
    factors,
  }),
  z.strictObject({ kind: z.literal('once'), factors }),
  z.strictObject({
    kind: z.literal('records'),
    unitKB: z.number().positive().optional(),
    unitKBFigure: z.string().optional(),
    perSetting: z.string().optional(),
    perConsumer: z.boolean().default(false),
    factors,
  }),
  z.strictObject({
    kind: z.literal('gb'),
    billingIncrementKB: z.number().positive().optional(),
    billingIncrementKBFigure: z.string().optional(),
    perConsumer: z.boolean().default(false),
    factors,
  }),
  z.strictObject({ kind: z.literal('storedGB'), retentionSetting: z.string().optional(), retentionUnit: z.enum(['days', 'hours']).default('days'), factors }),
  z.strictObject({ kind: z.literal('lifecycleStoredGB') }),
  z.strictObject({
    kind: z.literal('scannedGB'),
    queriesPerDaySetting: z.string(),
    scannedPercentSetting: z.string(),
    minimumMBPerQuery: z.number().nonnegative().default(0),
  }),
]);
export type Quantity = z.infer<typeof quantitySchema>;

/** One priced item of a bill: `label` for the cost line, `unit` the billing unit (singular: "shard-hour"). */
export const pricingItemSchema = z.strictObject({
  label: z.string().min(1),
  when: whenSchema.optional(),
  quantity: quantitySchema,
  unit: z.string().min(1),
  /** The price is per this many units (1,000,000 for "per million messages"). */
  per: z.number().positive().default(1),
  price: priceSchema,
});
export type PricingItem = z.infer<typeof pricingItemSchema>;

/** An entry's `pricing` section. */
export const pricingSchema = z.strictObject({
  items: z.array(pricingItemSchema).default([]),
  /** What costs nothing and why (shown as a "No charge" line when no item is in force). */
  free: z.string().min(10).optional(),
  /** What the model leaves out of this service's bill. */
  notModelled: z.string().optional(),
});
export type Pricing = z.infer<typeof pricingSchema>;

/** Categories whose entries are not AWS services (never listed as "not priced"). */
export const NON_SERVICE_CATEGORIES: readonly string[] = ['source', 'consumer', 'group', 'annotation'];

/** Setting names an item reads, for the catalog's cross-reference check. */
export function settingsReadBy(item: PricingItem): string[] {
  const out: string[] = [];
  const q = item.quantity;
  const fs = 'factors' in q ? q.factors : [];
  for (const f of fs) {
    if ('setting' in f) out.push(f.setting, ...(f.divideBySetting ? [f.divideBySetting] : []));
    if ('figure' in f && f.bySetting) out.push(f.bySetting);
  }
  if (q.kind === 'hours' && typeof q.time === 'object') out.push('hoursPerDaySetting' in q.time ? q.time.hoursPerDaySetting : q.time.runsFrom, ...('minutesSetting' in q.time ? [q.time.minutesSetting] : []));
  if (q.kind === 'records' && q.perSetting) out.push(q.perSetting);
  if (q.kind === 'storedGB' && q.retentionSetting) out.push(q.retentionSetting);
  if (q.kind === 'runs') out.push(q.runsFrom);
  if (q.kind === 'scannedGB') out.push(q.queriesPerDaySetting, q.scannedPercentSetting);
  if (item.price.bySetting) out.push(item.price.bySetting);
  return out;
}

/** Figure names an item reads. */
export function figuresReadBy(item: PricingItem): string[] {
  const q = item.quantity;
  const out: string[] = [];
  for (const f of 'factors' in q ? q.factors : []) if ('figure' in f && !f.bySetting) out.push(f.figure);
  if (q.kind === 'records' && q.unitKBFigure) out.push(q.unitKBFigure);
  if (q.kind === 'gb' && q.billingIncrementKBFigure) out.push(q.billingIncrementKBFigure);
  return out;
}
