import { build, type InvalidCase, type LooseSettings as Settings, type RuleCase } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = { from: ['iot-source'], hotDays: 180, retainDays: 2555, archiveWithinDays: 30 };
const tiered = { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }], expirationDays: 2555 };
/** devices → Firehose → bucket(s) → Athena. */
const withBuckets = (buckets: Record<string, Settings>, queryable = true) =>
  build({ d: 'iot-devices', f: 'amazon-data-firehose', ...Object.fromEntries(Object.entries(buckets).map(([id, s]) => [id, ['amazon-s3', s] as [string, Settings]])), a: 'amazon-athena' }, [
    'd>f',
    ...Object.keys(buckets).map((id) => `f>${id}`),
    ...(queryable ? Object.keys(buckets).map((id) => `${id}>a`) : []),
  ]);

const kept = { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }], expirationDays: 2555 };
/** devices → Glue streaming → Bronze and Silver; Athena reads Silver. */
const zones = (bronze: Settings, silver: Settings) =>
  build({ d: 'iot-devices', g: ['aws-glue', { jobType: 'streaming' }], bronze: ['amazon-s3', { zone: 'bronze', ...bronze }], silver: ['amazon-s3', { zone: 'silver', ...silver }], a: 'amazon-athena' }, [
    'd>g',
    'g>bronze',
    'g>silver',
    'silver>a',
  ]);
const derived = { ...params, derivedCopies: { zones: ['silver', 'gold'], rawZones: ['bronze'] } };
/** devices → bucket → Glue batch (aggregation factor) → Redshift, nothing else reads the bucket. */
const warehouseOnly = (aggregationFactor: number) => build({ d: 'iot-devices', b: ['amazon-s3', tiered], g: ['aws-glue', { jobType: 'etl', aggregationFactor }], r: 'amazon-redshift' }, ['d>b', 'b>g', 'g>r']);

ruleTable('retention-tiers', {
  valid: (
    [
      { name: 'Standard, Deep Archive at day 180, expire at 2,555', design: withBuckets({ b: tiered }) },
      { name: 'no expiration at all keeps data long enough', design: withBuckets({ b: { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }] } }) },
      {
        name: 'Standard-IA at 30 days stays queryable, Glacier Flexible Retrieval at 200',
        design: withBuckets({
          b: {
            lifecycleTransitions: [
              { days: 30, storageClass: 'STANDARD_IA' },
              { days: 200, storageClass: 'GLACIER' },
            ],
          },
        }),
      },
      { name: 'hot data queryable through Redshift instead of Athena', design: build({ d: 'iot-devices', b: ['amazon-s3', tiered], r: 'amazon-redshift' }, ['d>b', 'b>r']) },
      { name: 'a Glue job loads every record into Redshift: the warehouse reads the bucket', design: warehouseOnly(1) },
    ].map((c) => ({ params, ...c })) as RuleCase[]
  ).concat([
    { name: 'a derived Silver copy expires at day 180 while Bronze keeps 7 years', design: zones(kept, { expirationDays: 180 }), params: derived },
    { name: 'a derived Silver copy kept 400 days, archived at 180', design: zones(kept, { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }], expirationDays: 400 }), params: derived },
    // A design graded without the loader (the property test's random designs): a zone that is not text is no zone.
    { name: 'a zone setting holding a list of a prototype-less object reads as no zone', design: withBuckets({ b: { ...tiered, zone: [Object.create(null)] } }), params: derived },
  ]),
  invalid: (
    [
      { name: 'no lifecycle: 7 years stay in S3 Standard', design: withBuckets({ b: {} }), nodes: ['b'], codes: ['archive-late'], mentions: ['S3 Standard'] },
      { name: 'expires after one year', design: withBuckets({ b: { ...tiered, expirationDays: 365 } }), nodes: ['b'], codes: ['expires-early'], mentions: ['365 days', '2,555'] },
      { name: 'archived at day 30: the hot 6 months are not queryable', design: withBuckets({ b: { lifecycleTransitions: [{ days: 30, storageClass: 'DEEP_ARCHIVE' }] } }), nodes: ['b'], codes: ['archived-early'] },
      { name: 'archived only after a year', design: withBuckets({ b: { lifecycleTransitions: [{ days: 365, storageClass: 'DEEP_ARCHIVE' }] } }), nodes: ['b'], codes: ['archive-late'], mentions: ['365 days'] },
      { name: 'new objects written straight to Deep Archive', design: withBuckets({ b: { ...tiered, storageClass: 'DEEP_ARCHIVE' } }), nodes: ['b'], codes: ['not-hot'] },
      { name: 'every bucket of the lake is checked', design: withBuckets({ good: tiered, bad: {} }), nodes: ['bad'], codes: ['archive-late'] },
      { name: 'nothing queries the hot data', design: withBuckets({ b: tiered }, false), nodes: ['b'], codes: ['not-queryable'], mentions: ['not queryable'] },
      { name: 'no bucket keeps the data', design: build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams' }, ['d>k']), nodes: ['d'], codes: ['no-bucket'] },
      { name: 'the only query engine is a warehouse of daily aggregates', design: warehouseOnly(24), nodes: ['b'], codes: ['not-queryable'], mentions: ['Redshift'] },
    ].map((c) => ({ params, ...c })) as InvalidCase[]
  ).concat([
    { name: 'a Silver copy that expires early, without the derived-copies param', design: zones(kept, { expirationDays: 180 }), params, nodes: ['silver'], codes: ['archive-late', 'expires-early'] },
    {
      name: 'a derived copy whose raw copy is not kept either',
      design: zones({ ...kept, expirationDays: 365 }, { expirationDays: 180 }),
      params: derived,
      nodes: ['bronze', 'silver'],
      codes: ['archive-late', 'expires-early', 'expires-early'],
    },
    { name: 'a derived copy expiring before the hot period ends', design: zones(kept, { expirationDays: 30 }), params: derived, nodes: ['silver'], codes: ['derived-expires-early'] },
    { name: 'a derived copy kept 400 days in S3 Standard', design: zones(kept, { expirationDays: 400 }), params: derived, nodes: ['silver'], codes: ['archive-late'] },
  ]),
});
