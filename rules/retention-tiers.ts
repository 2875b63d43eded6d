/**
 * retention-tiers: every S3 bucket that receives the sources' data keeps it for the retention period,
 * hot (in a queryable storage class) for the hot period, then archived by lifecycle transition; and a
 * query engine reads one of those buckets (`readersOf`: not a warehouse that holds only aggregates).
 * With `derivedCopies`, a Silver or Gold copy may expire sooner while the raw Bronze copy is kept. Reads the S3 node's `storageClass`, `lifecycleTransitions` and
 * `expirationDays` settings.
 * S3 Glacier Flexible Retrieval and Deep Archive objects must be restored before Athena can read them:
 * https://docs.aws.amazon.com/athena/latest/ug/querying-glacier.html
 */
import { z } from 'zod';
import { STORAGE_CLASSES, STORAGE_CLASS_NAMES, type LifecycleTransition, type StorageClass } from '../src/domain/catalog.ts';
import type { ResolvedNode } from '../src/domain/graph.ts';
import { readersOf } from '../src/domain/lake.ts';
import { defineRule, describeKinds, formatNumber, kindsSchema, type FindingInput } from '../src/domain/rule-kit.ts';

const storageClasses = z.array(z.enum(STORAGE_CLASSES)).min(1);
const zoneSchema = z.enum(['bronze', 'silver', 'gold']);
type Zone = z.infer<typeof zoneSchema>;

export default defineRule({
  id: 'retention-tiers',
  title: 'Data is kept for the retention period, hot only as long as needed',
  summary: 'hot for N days, archived after, nothing deleted too early, a query engine reads the hot data',
  pillar: 'cost-optimization',
  docUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html',
  params: z.strictObject({
    from: kindsSchema.default(['source']),
    /** Days the data must stay in a queryable storage class. */
    hotDays: z.number().int().positive(),
    /** Days nothing may be deleted before (e.g. 2,555 for 7 years). */
    retainDays: z.number().int().positive(),
    /** Days of slack after `hotDays` by which data must reach an archive class. */
    archiveWithinDays: z.number().int().min(0).default(30),
    queryableClasses: storageClasses.default(['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR']),
    archiveClasses: storageClasses.default(['GLACIER', 'DEEP_ARCHIVE']),
    /** Kinds that make the hot data queryable when they read a bucket's records (`readersOf`). */
    queryableBy: kindsSchema.default(['query-engine']),
    /**
     * Accept derived copies that expire sooner: a bucket in one of `zones` may delete its objects
     * after `minDays` (default `hotDays`), and needs no archive tier when it deletes them by the end
     * of the archive window, as long as a bucket in one of `rawZones` that receives the same sources'
     * data passes every check itself (kept `retainDays`, archived in time).
     */
    derivedCopies: z
      .strictObject({
        zones: z.array(zoneSchema).min(1).default(['silver', 'gold']),
        rawZones: z.array(zoneSchema).min(1).default(['bronze']),
        minDays: z.number().int().positive().optional(),
      })
      .optional(),
  }),
  check(design, params, ctx) {
    const sourceIds = design.nodesOf(params.from).map((n) => n.id);
    const reachable = design.reachableFrom(sourceIds);
    const buckets = design.nodesOf(['object-store']).filter((b) => reachable.has(b.id));
    if (!buckets.length)
      return ctx.fail({
        code: 'no-bucket',
        nodeIds: sourceIds,
        message: `No Amazon S3 bucket keeps the data of ${describeKinds(params.from, ctx.catalog)}, so nothing holds it for ${formatNumber(params.retainDays, 0)} days.`,
        remediation: 'Land the data in Amazon S3 and give the bucket lifecycle rules.',
      });
    const archiveBy = params.hotDays + params.archiveWithinDays;
    const name = (c: StorageClass) => STORAGE_CLASS_NAMES[c];
    type Problem = Omit<FindingInput, 'nodeIds'>;
    /** What is wrong with a bucket's lifecycle; `derived`: it is a derived copy whose raw copy is kept, so it may expire sooner. */
    const problemsOf = (b: ResolvedNode, derived: boolean): Problem[] => {
      const out: Problem[] = [];
      const start = b.settings.storageClass as StorageClass;
      const transitions = [...((b.settings.lifecycleTransitions as LifecycleTransition[] | undefined) ?? [])].sort((x, y) => x.days - y.days);
      const expiration = Number(b.settings.expirationDays ?? 0);
      const minDays = params.derivedCopies?.minDays ?? params.hotDays;
      if (!params.queryableClasses.includes(start))
        out.push({
          code: 'not-hot',
          message: `${b.label} writes new objects to ${name(start)}, which cannot be queried without a restore.`,
          remediation: 'Write new objects to S3 Standard (or Intelligent-Tiering) and archive them later with a lifecycle transition.',
        });
      const early = transitions.find((t) => t.days < params.hotDays && !params.queryableClasses.includes(t.storageClass));
      if (early)
        out.push({
          code: 'archived-early',
          message: `${b.label} moves objects to ${name(early.storageClass)} after ${early.days} days, but they must stay queryable for ${params.hotDays} days.`,
          remediation: `Move that transition to day ${params.hotDays}.`,
        });
      // A derived copy that is deleted by the end of the archive window needs no archive tier.
      const deletedInTime = derived && expiration > 0 && expiration <= archiveBy;
      const archive = transitions.find((t) => params.archiveClasses.includes(t.storageClass));
      if (!deletedInTime && (!archive || archive.days > archiveBy))
        out.push({
          code: 'archive-late',
          message: archive
            ? `${b.label} archives objects only after ${archive.days} days; data older than ${params.hotDays} days should be archived by day ${archiveBy}.`
            : `${b.label} never moves objects to an archive class: ${formatNumber(params.retainDays, 0)} days of data stay in ${name(transitions.at(-1)?.storageClass ?? start)}.`,
          remediation: `Add a lifecycle transition to ${name(params.archiveClasses.at(-1)!)} at day ${params.hotDays}${derived ? `, or let this derived copy expire by day ${archiveBy}` : ''}.`,
        });
      if (derived && expiration > 0 && expiration < minDays)
        out.push({
          code: 'derived-expires-early',
          message: `${b.label} is a derived copy that deletes objects after ${formatNumber(expiration, 0)} days; it must keep them at least ${formatNumber(minDays, 0)} days.`,
          remediation: `Set expiration to ${minDays} days or more.`,
        });
      else if (!derived && expiration > 0 && expiration < params.retainDays)
        out.push({
          code: 'expires-early',
          message: `${b.label} deletes objects after ${formatNumber(expiration, 0)} days; they must be kept ${formatNumber(params.retainDays, 0)} days.`,
          remediation: `Set expiration to ${params.retainDays} days or more, or remove it${params.derivedCopies ? ` (a ${params.derivedCopies.zones.join(' or ')} copy may expire sooner while a ${params.derivedCopies.rawZones.join(' or ')} bucket with the same data keeps it ${params.retainDays} days)` : ''}.`,
        });
      return out;
    };
    const strict = new Map(buckets.map((b) => [b.id, problemsOf(b, false)]));
    // A derived copy (Silver, Gold) may expire sooner when a raw bucket holding the same sources' data keeps it the whole period.
    const rawKept = params.derivedCopies ? buckets.filter((r) => params.derivedCopies!.rawZones.includes(zoneOf(r)) && strict.get(r.id)!.length === 0) : [];
    // Each source's reach is walked once, and each node lists the sources that reach it, so finding a
    // bucket's raw copy looks only at the raw buckets its first source reaches (not at every raw bucket
    // for every source, which was quadratic in the design's size).
    const reachedBy = new Map<string, string[]>();
    const reachOf = new Map<string, ReadonlySet<string>>();
    // Only buckets are ever looked up in `reachedBy`.
    const bucketIds = new Set(buckets.map((b) => b.id));
    if (rawKept.length)
      for (const s of sourceIds) {
        if (reachOf.has(s)) continue;
        const r = design.reachableFrom([s]);
        reachOf.set(s, r);
        for (const id of r) {
          if (!bucketIds.has(id)) continue;
          const list = reachedBy.get(id);
          if (list) list.push(s);
          else reachedBy.set(id, [s]);
        }
      }
    const rawIndex = new Map(rawKept.map((r, i) => [r.id, i]));
    /** The first raw bucket (in design order) other than `b` that every source reaching `b` also reaches. */
    const rawCopyOf = (b: ResolvedNode) => {
      if (!rawKept.length) return undefined;
      const sources = reachedBy.get(b.id) ?? [];
      if (!sources.length) return rawKept.find((r) => r.id !== b.id);
      const candidates: number[] = [];
      for (const id of reachOf.get(sources[0]!)!) {
        const i = rawIndex.get(id);
        if (i !== undefined && id !== b.id) candidates.push(i);
      }
      candidates.sort((x, y) => x - y);
      for (const i of candidates) {
        const r = rawKept[i]!;
        if (sources.every((s) => reachOf.get(s)!.has(r.id))) return r;
      }
      return undefined;
    };
    for (const b of buckets) {
      const derived = params.derivedCopies !== undefined && params.derivedCopies.zones.includes(zoneOf(b)) && rawCopyOf(b) !== undefined;
      for (const p of derived ? problemsOf(b, true) : strict.get(b.id)!) ctx.fail({ ...p, nodeIds: [b.id] });
    }
    // Queryable means a query engine reads the bucket's records, not something derived from them.
    if (!buckets.some((b) => readersOf(design, b, params.queryableBy).length)) {
      const elsewhere = design.nodesOf(params.queryableBy).filter((q) => reachable.has(q.id));
      ctx.fail({
        code: 'not-queryable',
        nodeIds: buckets.map((b) => b.id),
        message: `The hot data is not queryable: no ${describeKinds(params.queryableBy, ctx.catalog)} reads ${buckets.map((b) => b.label).join(', ')}${elsewhere.length ? ` (${elsewhere.map((q) => q.label).join(', ')} only ${elsewhere.length === 1 ? 'sees' : 'see'} data aggregated or copied elsewhere)` : ''}.`,
        remediation: 'Connect the S3 bucket to Amazon Athena (or load it into Amazon Redshift / query it with Redshift Spectrum).',
      });
    }
  },
});

/** A bucket's lake zone setting, or '' (no zone) when it holds anything but text: never throws on odd values. */
function zoneOf(node: { settings: Readonly<Record<string, unknown>> }): Zone {
  const zone = node.settings.zone;
  return (typeof zone === 'string' ? zone : '') as Zone;
}
