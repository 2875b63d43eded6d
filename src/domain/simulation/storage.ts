/**
 * Storage model: bytes kept by each S3 bucket over the scenario's horizon, per storage class.
 *
 * A bucket receives its flow-model output every day (GB/day = MB/s x 86.4; for a Parquet bucket the
 * Parquet size), starting on day 1 with nothing stored. Its settings give a plan of age ranges:
 * `storageClass` from age 0, each `lifecycleTransitions` entry from its `days` (sorted by days; the
 * later of two on the same day wins), and `expirationDays` (0 = never) removes data from that age on.
 *
 * Day boundaries: at the end of day d the bucket holds the data written on days 1..d, and the data of
 * day i is d - i whole days old (today's data is 0 days old). A transition at N days applies to data at
 * least N days old, so exactly N days of data (ages 0..N-1) are still in the earlier class; expiration
 * at E days removes data at least E days old, so E days are kept. Example: 5 TB/day, Standard then
 * Deep Archive at 180 days: at the end of day 365, ages 0..179 (180 days, 900 TB) are in Standard and
 * ages 180..364 (185 days, 925 TB) in Deep Archive.
 *
 * Between whole days the amounts are the same straight lines (data arrives continuously), which is
 * what `gbDays` integrates exactly to give GB-months for the cost model. Not modelled: S3's rounding of
 * transition times to the next midnight UTC, minimum storage durations (early deletion charges), the
 * per-object metadata overhead of the Glacier classes, versioning, and Intelligent-Tiering's own tiers.
 */
import { STORAGE_CLASSES, type StorageClass } from '../catalog.ts';
import type { ResolvedNode } from '../graph.ts';
import { DAYS_PER_YEAR, finite } from './units.ts';

/** One age range of a lifecycle plan: data `fromAgeDays` <= age < `toAgeDays` is in `storageClass`. */
export interface StorageTier {
  storageClass: StorageClass;
  fromAgeDays: number;
  /** Absent: kept forever. */
  toAgeDays?: number;
}

/** Stored amounts at the end of one year of the horizon (day 365 x year, or the horizon's last day). */
export interface StorageYear {
  year: number;
  day: number;
  /** TB (10^12 bytes) per storage class; every class present, 0 when unused. */
  tbByClass: Record<StorageClass, number>;
  totalTB: number;
}

/** Growth of one S3 bucket. */
export interface StoreGrowth {
  nodeId: string;
  /** GB (10^9 bytes) written per day. */
  gbPerDay: number;
  tiers: StorageTier[];
  years: StorageYear[];
}

/**
 * The bucket's lifecycle plan from its settings; invalid entries (from settings no form produces) are
 * skipped, an invalid storage class counts as S3 Standard.
 */
export function lifecyclePlan(node: ResolvedNode): StorageTier[] {
  const start: StorageClass = isStorageClass(node.settings.storageClass) ? node.settings.storageClass : 'STANDARD';
  const raw = Array.isArray(node.settings.lifecycleTransitions) ? (node.settings.lifecycleTransitions as unknown[]) : [];
  const transitions: { days: number; storageClass: StorageClass }[] = [];
  for (const t of raw) if (isTransition(t)) transitions.push({ days: t.days, storageClass: t.storageClass });
  if (transitions.length > 1) transitions.sort(byDays);
  const expiration = finite(node.settings.expirationDays);
  const tiers: StorageTier[] = [];
  let current = start;
  let from = 0;
  for (const t of transitions) {
    if (t.days > from) tiers.push({ storageClass: current, fromAgeDays: from, toAgeDays: t.days });
    current = t.storageClass;
    from = Math.max(from, t.days);
  }
  tiers.push({ storageClass: current, fromAgeDays: from });
  if (expiration <= 0) return tiers;
  const kept: StorageTier[] = [];
  for (const t of tiers) {
    const tier = { storageClass: t.storageClass, fromAgeDays: t.fromAgeDays, toAgeDays: Math.min(t.toAgeDays ?? Infinity, expiration) };
    if (tier.toAgeDays > tier.fromAgeDays) kept.push(tier);
  }
  return kept;
}

function isStorageClass(c: unknown): c is StorageClass {
  return typeof c === 'string' && (STORAGE_CLASSES as readonly string[]).includes(c);
}

function isTransition(t: unknown): t is { days: number; storageClass: StorageClass } {
  return typeof t === 'object' && t !== null && isStorageClass((t as { storageClass?: unknown }).storageClass) && Number.isFinite((t as { days?: unknown }).days) && (t as { days: number }).days >= 0;
}

function byDays(a: { days: number }, b: { days: number }): number {
  return a.days - b.days;
}

/** GB in one tier at the end of day `day`: GB/day x the number of days of data whose age is in the tier. */
export function tierGB(gbPerDay: number, tier: StorageTier, day: number): number {
  const width = (tier.toAgeDays ?? Infinity) - tier.fromAgeDays;
  return gbPerDay * Math.min(Math.max(day - tier.fromAgeDays, 0), width);
}

/** GB-days stored in one tier between the ends of days `a` and `b` (exact integral of `tierGB`). */
export function tierGBDays(gbPerDay: number, tier: StorageTier, a: number, b: number): number {
  const lo = tier.fromAgeDays;
  const w = (tier.toAgeDays ?? Infinity) - lo;
  return gbPerDay * (rampIntegral(b, lo, w) - rampIntegral(a, lo, w));
}

/** Integral from 0 to `x` of the days of data in a tier of ages `lo` to `lo + w` (0, then growing 1 a day, then `w`). */
function rampIntegral(x: number, lo: number, w: number): number {
  return x <= lo ? 0 : x <= lo + w ? (x - lo) ** 2 / 2 : (w * w) / 2 + w * (x - lo - w);
}

/**
 * Growth of one bucket at every year end of the horizon.
 * @param gbPerDay GB written per day
 * @param horizonDays days simulated; years = ceil(horizonDays / 365), the last one ending on the horizon
 */
export function storeGrowth(nodeId: string, gbPerDay: number, tiers: StorageTier[], horizonDays: number): StoreGrowth {
  const years: StorageYear[] = [];
  for (let year = 1; (year - 1) * DAYS_PER_YEAR < horizonDays; year++) {
    const day = Math.min(year * DAYS_PER_YEAR, horizonDays);
    const tbByClass = {} as Record<StorageClass, number>;
    for (const c of STORAGE_CLASSES) tbByClass[c] = 0;
    for (const t of tiers) tbByClass[t.storageClass] += finite(tierGB(gbPerDay, t, day) / 1000);
    let totalTB = 0;
    for (const c of STORAGE_CLASSES) totalTB += tbByClass[c];
    years.push({ year, day, tbByClass, totalTB: finite(totalTB) });
  }
  return { nodeId, gbPerDay, tiers: tiers.map((t) => (t.toAgeDays === undefined || !Number.isFinite(t.toAgeDays) ? { storageClass: t.storageClass, fromAgeDays: t.fromAgeDays } : t)), years };
}
