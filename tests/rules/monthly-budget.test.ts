import { chain } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

// 5,000 GB/day into S3 Standard with no lifecycle: after a year about 1,825 TB are stored. At the
// catalog's $0.023 per GB-month (us-east-1, first 50 TB tier applied to all) that is tens of thousands
// of dollars a month by the last month; a single provisioned shard costs $0.015 x 730 h = $10.95 a month.
const lake = chain('iot-devices', ['amazon-kinesis-data-streams', { capacityMode: 'provisioned', shardCount: 60 }], 'amazon-data-firehose', 'amazon-s3');
const small = { ingestGBPerDay: 1, recordBytes: 1024, peakFactor: 1, horizonDays: 365 };

ruleTable('monthly-budget', {
  valid: [
    { name: 'a tiny workload fits a $2,000 budget', design: lake, params: { maxUsdPerMonth: 2000 }, workload: small },
    { name: 'a generous budget', design: lake, params: { maxUsdPerMonth: 10_000_000, measure: 'last-month' } },
  ],
  notApplicable: [{ name: 'nothing priced', design: chain('iot-devices', 'analysts'), params: { maxUsdPerMonth: 1 } }],
  invalid: [
    { name: '5 TB/day kept in S3 Standard breaks a $5,000 budget, naming the bucket', design: lake, params: { maxUsdPerMonth: 5000 }, nodes: ['n2', 'n3', 'n4'], codes: ['over-budget'], mentions: ['over the $5,000 budget', 'Largest: S3'] },
    { name: 'the last month counts storage growth', design: lake, params: { maxUsdPerMonth: 20_000, measure: 'last-month' }, nodes: ['n2', 'n3', 'n4'], codes: ['over-budget'], mentions: ['in the last month'] },
  ],
});
