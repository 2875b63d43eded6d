/**
 * lake-zones: the sources' data lands in S3 zones of the data lake (Bronze raw, Silver cleaned, Gold
 * curated), each in an expected file format and partitioned by the expected keys. Zone, format and
 * partition keys are settings of the S3 node (`zone`, `format`, `partitionKeys`); the format checked
 * is the one the bucket's writers produce (`bucketFormat`: a Firehose converting to Parquet makes its
 * bucket's objects Parquet), and a bucket whose own format setting says otherwise is reported, so the
 * diagram never claims JSON where Parquet lands.
 */
import { z } from 'zod';
import type { ResolvedNode } from '../src/domain/graph.ts';
import { bucketFormat } from '../src/domain/lake.ts';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

const ZONE_NAMES = { bronze: 'Bronze (raw)', silver: 'Silver (cleaned)', gold: 'Gold (curated)' } as const;

/** Lower-case letters and digits only, so `device_id`, `deviceId` and `DeviceID` compare equal. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export default defineRule({
  id: 'lake-zones',
  title: 'Data lake zones keep raw and columnar data, partitioned',
  summary: 'Bronze/Silver/Gold S3 zones in the format their writers produce, partitioned; contradictions reported',
  pillar: 'performance-efficiency',
  docUrl: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/defining-bucket-names-data-lakes/data-layer-definitions.html',
  params: z.strictObject({
    from: kindsSchema.default(['source']),
    zones: z
      .array(
        z.strictObject({
          zone: z.enum(['bronze', 'silver', 'gold']),
          /** Accepted values of the bucket's `format` setting. */
          formats: z.array(z.string()).min(1),
          /** Each entry lists accepted names for one required partition key (e.g. ["date", "dt"]). */
          partitionKeys: z.array(z.array(z.string().min(1)).min(1)).default([]),
        }),
      )
      .min(1),
  }),
  check(design, params, ctx) {
    const reachable = design.reachableFrom(design.nodesOf(params.from).map((n) => n.id));
    const buckets = design.nodesOf(['object-store']).filter((b) => reachable.has(b.id));
    const formats = new Map(buckets.map((b) => [b.id, bucketFormat(design, b)]));
    const upper = (f: string) => f.toUpperCase();
    for (const b of buckets)
      for (const c of formats.get(b.id)!.contradictions) {
        const writer = design.node(c.writerId)!;
        ctx.fail({
          code: 'format-contradiction',
          nodeIds: [b.id, writer.id],
          message: `${b.label} is set to ${upper(formats.get(b.id)!.declared)}, but ${writer.label} writes ${upper(c.format)} into it (${c.setting}: ${c.choice}), so its objects are ${upper(c.format)}.`,
          remediation: `Set ${b.label}'s file format to ${upper(c.format)}, or change ${c.setting} on ${writer.label} to produce ${upper(formats.get(b.id)!.declared)}.`,
        });
      }
    for (const spec of params.zones) {
      const name = ZONE_NAMES[spec.zone];
      const inZone = buckets.filter((b) => b.settings.zone === spec.zone);
      if (!inZone.length) {
        ctx.fail({
          code: 'zone-missing',
          nodeIds: buckets.map((b) => b.id),
          message: `No S3 bucket in the ${name} zone receives the data of ${describeKinds(params.from, ctx.catalog)}.`,
          remediation: `Add an Amazon S3 bucket fed by the pipeline, set its zone to ${name} and its format to ${spec.formats.join(' or ')}.`,
        });
        continue;
      }
      const problemsOf = (b: ResolvedNode): string[] => {
        const out: string[] = [];
        const stored = formats.get(b.id)!.formats;
        if (!stored.every((f) => spec.formats.includes(f))) out.push(`stores ${stored.map(upper).join(' and ')}, expected ${spec.formats.map(upper).join(' or ')}`);
        const keys = ((b.settings.partitionKeys as string[] | undefined) ?? []).map(norm);
        const missing = spec.partitionKeys.filter((names) => !names.some((n) => keys.includes(norm(n))));
        if (missing.length) out.push(`is not partitioned by ${missing.map((m) => m[0]).join(' and ')}`);
        return out;
      };
      if (inZone.some((b) => problemsOf(b).length === 0)) continue;
      for (const b of inZone)
        ctx.fail({
          code: 'zone-layout',
          nodeIds: [b.id],
          message: `${b.label} (${name}) ${problemsOf(b).join(' and ')}.`,
          remediation: `Write ${upper(spec.formats[0]!)} into the bucket (its file format setting; a Firehose stream writing to it needs record format conversion to it too)${spec.partitionKeys.length ? ` and set its partition keys to ${spec.partitionKeys.map((k) => k[0]).join(', ')}` : ''}.`,
        });
    }
  },
});
