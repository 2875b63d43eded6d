import { build, chain, type InvalidCase, type RuleCase } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const realtime = { from: ['iot-source'], through: ['stream', 'stream-processor'], to: ['dashboard'], maxLatencyMs: 60_000 };
const daily = { from: ['iot-source'], through: ['object-store', 'batch-processor', 'warehouse'], to: ['dashboard', 'consumer'], maxLatencyMs: 108_000_000 };
const KDS = 'amazon-kinesis-data-streams';
const FLINK = 'amazon-managed-service-for-apache-flink';
const glueEtl = (schedule: string) => ['aws-glue', { jobType: 'etl', schedule }] as [string, Record<string, string>];
/**
 * 1 GB/day (0.0116 MB/s): every stage at its default size carries it, so these rows test topology and
 * delay alone; a 5 MiB Firehose buffer takes 5 x 1.048576 / 0.0116 = 453 s to fill, longer than any
 * buffer interval, so the interval sets the delay.
 */
const SMALL = { ingestGBPerDay: 1, recordBytes: 1024, peakFactor: 3 };
const small = <T extends RuleCase>(rows: T[]): T[] => rows.map((r) => ({ workload: SMALL, ...r }));
/** 5 TB/day (57.87 MB/s). */
const IOT = { ingestGBPerDay: 5000, recordBytes: 1024, peakFactor: 3 };
const sizedStream = [KDS, { capacityMode: 'on-demand' }] as [string, Record<string, string>];
// 40 KPUs x 5 MB/s (estimate) = 200 MB/s; one output record per 60 in keeps DynamoDB at 942 writes/s.
const sizedFlink = [FLINK, { parallelism: 40, aggregationFactor: 60 }] as [string, Record<string, number>];

ruleTable('data-path', {
  valid: small<RuleCase>([
    { name: 'devices → stream → Flink → DynamoDB → QuickSight', design: chain('iot-devices', KDS, FLINK, 'amazon-dynamodb', 'amazon-quicksight'), params: realtime },
    { name: 'a Glue streaming job stands in for Flink', design: chain('iot-devices', KDS, ['aws-glue', { jobType: 'streaming', windowSeconds: 10 }], 'amazon-dynamodb', 'amazon-quicksight'), params: realtime },
    {
      name: 'the fastest of two paths counts',
      design: build({ d: 'iot-devices', k: KDS, f: FLINK, h: 'amazon-data-firehose', s: 'amazon-s3', a: 'amazon-athena', db: 'amazon-dynamodb', q: 'amazon-quicksight' }, ['d>k', 'k>f', 'f>h', 'h>s', 's>a', 'a>q', 'f>db', 'db>q']),
      params: realtime,
    },
    { name: 'daily Glue ETL over S3 into Redshift for analysts', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', glueEtl('daily'), 'amazon-redshift', 'analysts'), params: daily },
    { name: 'EMR batch stands in for Glue', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', ['amazon-emr', { workload: 'spark-batch', schedule: 'hourly' }], 'amazon-redshift', 'amazon-quicksight'), params: daily },
    { name: 'from one event bus to another of the same kind', design: chain('amazon-eventbridge', 'amazon-eventbridge'), params: { from: ['event-bus'], to: ['event-bus'] } },
    { name: 'a cycle does not stop the search', design: build({ d: 'iot-devices', k: KDS, f: FLINK, k2: KDS, db: 'amazon-dynamodb', q: 'amazon-quicksight' }, ['d>k', 'k>f', 'f>k2', 'k2>f', 'f>db', 'db>q']), params: realtime },
  ]).concat([
    {
      // 57.87 MB/s fills a 64 MiB buffer in 64 x 1.048576 / 57.87 = 1.16 s: the size, not the 300 s interval, sets the delay.
      name: 'a Firehose buffer that fills in about a second keeps a big flow within a minute',
      design: chain('iot-devices', sizedStream, [FLINK, { parallelism: 40 }], ['amazon-data-firehose', { bufferIntervalSeconds: 300, bufferSizeMiB: 64, directPutQuotaMiBps: 64 }], 'amazon-s3', 'amazon-athena', 'amazon-quicksight'),
      params: realtime,
      workload: IOT,
    },
    {
      // Step Functions runs the second job when the first finishes: 24 h + 1 h run, then 1 h, not 48 h.
      name: 'two daily jobs chained by Step Functions take one period, not two',
      design: build(
        {
          d: 'iot-devices',
          k: KDS,
          h: 'amazon-data-firehose',
          s: 'amazon-s3',
          g1: ['aws-glue', { jobType: 'etl', schedule: 'daily', runMinutes: 60 }],
          s2: 'amazon-s3',
          g2: ['aws-glue', { jobType: 'etl', schedule: 'daily', runMinutes: 60 }],
          r: 'amazon-redshift',
          a: 'analysts',
          sf: 'aws-step-functions',
        },
        ['d>k', 'k>h', 'h>s', 's>g1', 'g1>s2', 's2>g2', 'g2>r', 'r>a', 'sf>g1', 'sf>g2'],
      ),
      params: { ...daily, maxLatencyMs: 30 * 3_600_000 },
      workload: SMALL,
    },
  ]),
  invalid: small<InvalidCase>([
    {
      name: 'no stream processor on the way to the dashboard',
      design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', 'amazon-athena', 'amazon-quicksight'),
      params: realtime,
      nodes: ['n1'],
      codes: ['no-path'],
      mentions: ['stream processor'],
    },
    {
      name: 'a 300 s Firehose buffer breaks the 60 s budget',
      design: chain('iot-devices', KDS, FLINK, ['amazon-data-firehose', { bufferIntervalSeconds: 300 }], 'amazon-s3', 'amazon-athena', 'amazon-quicksight'),
      params: realtime,
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
      codes: ['over-budget'],
      mentions: ['5 min', 'budget is 1 min'],
    },
    {
      name: 'SPICE refresh is too slow for real time',
      design: chain('iot-devices', KDS, FLINK, 'amazon-dynamodb', ['amazon-quicksight', { queryMode: 'spice' }]),
      params: realtime,
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5'],
      codes: ['over-budget'],
    },
    {
      name: 'a weekly job misses daily aggregates',
      design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', glueEtl('weekly'), 'amazon-redshift', 'analysts'),
      params: daily,
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
      codes: ['over-budget'],
    },
    { name: 'the stages must come in order', design: chain('iot-devices', KDS, glueEtl('daily'), 'amazon-s3', 'amazon-redshift', 'analysts'), params: daily, nodes: ['n1'], codes: ['no-path'] },
    { name: 'a lone node of the kind is not a path to itself', design: build({ b: 'amazon-eventbridge', s: 'amazon-s3' }, ['b>s']), params: { from: ['event-bus'], to: ['event-bus'] }, nodes: ['b'], codes: ['no-path'] },
    { name: 'no source on the canvas', design: chain(KDS, FLINK, 'amazon-dynamodb', 'amazon-quicksight'), params: realtime, nodes: [], codes: ['no-path'] },
    {
      name: 'control edges carry no data',
      design: build({ d: 'iot-devices', k: KDS, cw: 'amazon-cloudwatch', q: 'amazon-quicksight' }, ['d>k', 'k>cw', 'cw>q']),
      params: { from: ['iot-source'], to: ['dashboard'] },
      nodes: ['d'],
      codes: ['no-path'],
    },
    {
      name: 'an overloaded stream breaks the real-time path',
      // 57.87 MB/s into 2 provisioned shards (2 MB/s): 2,894% load.
      design: chain('iot-devices', KDS, sizedFlink, 'amazon-dynamodb', 'amazon-quicksight'),
      params: realtime,
      workload: IOT,
      nodes: ['n2'],
      codes: ['path-overloaded'],
      mentions: ['57.9 MB/s', '2 MB/s'],
    },
    {
      name: 'two daily jobs without an orchestrator wait a period each',
      design: chain(
        'iot-devices',
        KDS,
        'amazon-data-firehose',
        'amazon-s3',
        ['aws-glue', { jobType: 'etl', schedule: 'daily', runMinutes: 60 }],
        'amazon-s3',
        ['aws-glue', { jobType: 'etl', schedule: 'daily', runMinutes: 60 }],
        'amazon-redshift',
        'analysts',
      ),
      params: { ...daily, maxLatencyMs: 30 * 3_600_000 },
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'],
      codes: ['over-budget'],
      mentions: ['2.1 days', 'budget is 30 h'],
    },
  ]),
});
