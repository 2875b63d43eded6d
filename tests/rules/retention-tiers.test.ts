import { build, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = { from: ['iot-source'], hotDays: 180, retainDays: 2555, archiveWithinDays: 30 };
const tiered = { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }], expirationDays: 2555 };
/** devices → Firehose → bucket(s) → Athena. */
const withBuckets = (buckets: Record<string, Settings>, queryable = true) =>
  build(
    { d: 'iot-devices', f: 'amazon-data-firehose', ...Object.fromEntries(Object.entries(buckets).map(([id, s]) => [id, ['amazon-s3', s] as [string, Settings]])), a: 'amazon-athena' },
    ['d>f', ...Object.keys(buckets).map((id) => `f>${id}`), ...(queryable ? Object.keys(buckets).map((id) => `${id}>a`) : [])],
  );

ruleTable('retention-tiers', {
  valid: [
    { name: 'Standard, Deep Archive at day 180, expire at 2,555', design: withBuckets({ b: tiered }) },
    { name: 'no expiration at all keeps data long enough', design: withBuckets({ b: { lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }] } }) },
    { name: 'Standard-IA at 30 days stays queryable, Glacier Flexible Retrieval at 200', design: withBuckets({ b: { lifecycleTransitions: [{ days: 30, storageClass: 'STANDARD_IA' }, { days: 200, storageClass: 'GLACIER' }] } }) },
    { name: 'hot data queryable through Redshift instead of Athena', design: build({ d: 'iot-devices', b: ['amazon-s3', tiered], r: 'amazon-redshift' }, ['d>b', 'b>r']) },
  ].map((c) => ({ ...c, params })),
  invalid: [
    { name: 'no lifecycle: 7 years stay in S3 Standard', design: withBuckets({ b: {} }), nodes: ['b'], mentions: ['S3 Standard'] },
    { name: 'expires after one year', design: withBuckets({ b: { ...tiered, expirationDays: 365 } }), nodes: ['b'], mentions: ['365 days', '2,555'] },
    { name: 'archived at day 30: the hot 6 months are not queryable', design: withBuckets({ b: { lifecycleTransitions: [{ days: 30, storageClass: 'DEEP_ARCHIVE' }] } }), nodes: ['b'] },
    { name: 'archived only after a year', design: withBuckets({ b: { lifecycleTransitions: [{ days: 365, storageClass: 'DEEP_ARCHIVE' }] } }), nodes: ['b'], mentions: ['365 days'] },
    { name: 'new objects written straight to Deep Archive', design: withBuckets({ b: { ...tiered, storageClass: 'DEEP_ARCHIVE' } }), nodes: ['b'] },
    { name: 'every bucket of the lake is checked', design: withBuckets({ good: tiered, bad: {} }), nodes: ['bad'] },
    { name: 'nothing queries the hot data', design: withBuckets({ b: tiered }, false), nodes: ['b'], mentions: ['not queryable'] },
    { name: 'no bucket keeps the data', design: build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams' }, ['d>k']), nodes: ['d'] },
  ].map((c) => ({ ...c, params })),
});
