/**
 * retention-tiers: every S3 bucket that receives the sources' data keeps it for the retention period,
 * hot (in a queryable storage class) for the hot period, then archived by lifecycle transition; and
 * something can query the hot data. Reads the S3 node's `storageClass`, `lifecycleTransitions` and
 * `expirationDays` settings.
 * S3 Glacier Flexible Retrieval and Deep Archive objects must be restored before Athena can read them:
 * https://docs.aws.amazon.com/athena/latest/ug/querying-glacier.html
 */
import { z } from 'zod';
import { STORAGE_CLASSES, STORAGE_CLASS_NAMES, type LifecycleTransition, type StorageClass } from '../src/domain/catalog.ts';
import { defineRule, describeKinds, formatNumber, kindsSchema } from '../src/domain/rule-kit.ts';

const storageClasses = z.array(z.enum(STORAGE_CLASSES)).min(1);

export default defineRule({
  id: 'retention-tiers',
  title: 'Data is kept for the retention period, hot only as long as needed',
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
    /** Kinds that make the hot data queryable when the data reaches them. */
    queryableBy: kindsSchema.default(['query-engine']),
  }),
  check(design, params, ctx) {
    const sourceIds = design.nodesOf(params.from).map((n) => n.id);
    const reachable = design.reachableFrom(sourceIds);
    const buckets = design.nodesOf(['object-store']).filter((b) => reachable.has(b.id));
    if (!buckets.length)
      return ctx.fail({
        nodeIds: sourceIds,
        message: `No Amazon S3 bucket keeps the data of ${describeKinds(params.from, ctx.catalog)}, so nothing holds it for ${formatNumber(params.retainDays, 0)} days.`,
        remediation: 'Land the data in Amazon S3 and give the bucket lifecycle rules.',
      });
    const archiveBy = params.hotDays + params.archiveWithinDays;
    const name = (c: StorageClass) => STORAGE_CLASS_NAMES[c];
    for (const b of buckets) {
      const start = b.settings.storageClass as StorageClass;
      const transitions = [...((b.settings.lifecycleTransitions as LifecycleTransition[] | undefined) ?? [])].sort((x, y) => x.days - y.days);
      const expiration = Number(b.settings.expirationDays ?? 0);
      if (!params.queryableClasses.includes(start))
        ctx.fail({ nodeIds: [b.id], message: `${b.label} writes new objects to ${name(start)}, which cannot be queried without a restore.`, remediation: 'Write new objects to S3 Standard (or Intelligent-Tiering) and archive them later with a lifecycle transition.' });
      const early = transitions.find((t) => t.days < params.hotDays && !params.queryableClasses.includes(t.storageClass));
      if (early)
        ctx.fail({ nodeIds: [b.id], message: `${b.label} moves objects to ${name(early.storageClass)} after ${early.days} days, but they must stay queryable for ${params.hotDays} days.`, remediation: `Move that transition to day ${params.hotDays}.` });
      const archive = transitions.find((t) => params.archiveClasses.includes(t.storageClass));
      if (!archive || archive.days > archiveBy)
        ctx.fail({
          nodeIds: [b.id],
          message: archive
            ? `${b.label} archives objects only after ${archive.days} days; data older than ${params.hotDays} days should be archived by day ${archiveBy}.`
            : `${b.label} never moves objects to an archive class: ${formatNumber(params.retainDays, 0)} days of data stay in ${name(transitions.at(-1)?.storageClass ?? start)}.`,
          remediation: `Add a lifecycle transition to ${name(params.archiveClasses.at(-1)!)} at day ${params.hotDays}.`,
        });
      if (expiration > 0 && expiration < params.retainDays)
        ctx.fail({ nodeIds: [b.id], message: `${b.label} deletes objects after ${formatNumber(expiration, 0)} days; they must be kept ${formatNumber(params.retainDays, 0)} days.`, remediation: `Set expiration to ${params.retainDays} days or more, or remove it.` });
    }
    if (!design.nodesOf(params.queryableBy).some((q) => reachable.has(q.id)))
      ctx.fail({
        nodeIds: buckets.map((b) => b.id),
        message: `The hot data is not queryable: no ${describeKinds(params.queryableBy, ctx.catalog)} reads it.`,
        remediation: 'Connect the S3 bucket to Amazon Athena (or load it into Amazon Redshift / query it with Redshift Spectrum).',
      });
  },
});
