import { build, chain } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const realtime = { from: ['iot-source'], through: ['stream', 'stream-processor'], to: ['dashboard'], maxLatencyMs: 60_000 };
const daily = { from: ['iot-source'], through: ['object-store', 'batch-processor', 'warehouse'], to: ['dashboard', 'consumer'], maxLatencyMs: 108_000_000 };
const KDS = 'amazon-kinesis-data-streams';
const FLINK = 'amazon-managed-service-for-apache-flink';
const glueEtl = (schedule: string) => ['aws-glue', { jobType: 'etl', schedule }] as [string, Record<string, string>];

ruleTable('data-path', {
  valid: [
    { name: 'devices → stream → Flink → DynamoDB → QuickSight', design: chain('iot-devices', KDS, FLINK, 'amazon-dynamodb', 'amazon-quicksight'), params: realtime },
    { name: 'a Glue streaming job stands in for Flink', design: chain('iot-devices', KDS, ['aws-glue', { jobType: 'streaming', windowSeconds: 10 }], 'amazon-dynamodb', 'amazon-quicksight'), params: realtime },
    { name: 'the fastest of two paths counts', design: build({ d: 'iot-devices', k: KDS, f: FLINK, h: 'amazon-data-firehose', s: 'amazon-s3', a: 'amazon-athena', db: 'amazon-dynamodb', q: 'amazon-quicksight' }, ['d>k', 'k>f', 'f>h', 'h>s', 's>a', 'a>q', 'f>db', 'db>q']), params: realtime },
    { name: 'daily Glue ETL over S3 into Redshift for analysts', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', glueEtl('daily'), 'amazon-redshift', 'analysts'), params: daily },
    { name: 'EMR batch stands in for Glue', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', ['amazon-emr', { workload: 'spark-batch', schedule: 'hourly' }], 'amazon-redshift', 'amazon-quicksight'), params: daily },
    { name: 'from one event bus to another of the same kind', design: chain('amazon-eventbridge', 'amazon-eventbridge'), params: { from: ['event-bus'], to: ['event-bus'] } },
    { name: 'a cycle does not stop the search', design: build({ d: 'iot-devices', k: KDS, f: FLINK, k2: KDS, db: 'amazon-dynamodb', q: 'amazon-quicksight' }, ['d>k', 'k>f', 'f>k2', 'k2>f', 'f>db', 'db>q']), params: realtime },
  ],
  invalid: [
    { name: 'no stream processor on the way to the dashboard', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', 'amazon-athena', 'amazon-quicksight'), params: realtime, nodes: ['n1'], mentions: ['stream processor'] },
    {
      name: 'a 300 s Firehose buffer breaks the 60 s budget',
      design: chain('iot-devices', KDS, FLINK, ['amazon-data-firehose', { bufferIntervalSeconds: 300 }], 'amazon-s3', 'amazon-athena', 'amazon-quicksight'),
      params: realtime,
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
      mentions: ['5 min', 'budget is 1 min'],
    },
    { name: 'SPICE refresh is too slow for real time', design: chain('iot-devices', KDS, FLINK, 'amazon-dynamodb', ['amazon-quicksight', { queryMode: 'spice' }]), params: realtime, nodes: ['n1', 'n2', 'n3', 'n4', 'n5'] },
    { name: 'a weekly job misses daily aggregates', design: chain('iot-devices', KDS, 'amazon-data-firehose', 'amazon-s3', glueEtl('weekly'), 'amazon-redshift', 'analysts'), params: daily, nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'] },
    { name: 'the stages must come in order', design: chain('iot-devices', KDS, glueEtl('daily'), 'amazon-s3', 'amazon-redshift', 'analysts'), params: daily, nodes: ['n1'] },
    { name: 'a lone node of the kind is not a path to itself', design: build({ b: 'amazon-eventbridge', s: 'amazon-s3' }, ['b>s']), params: { from: ['event-bus'], to: ['event-bus'] }, nodes: ['b'] },
    { name: 'no source on the canvas', design: chain(KDS, FLINK, 'amazon-dynamodb', 'amazon-quicksight'), params: realtime, nodes: [] },
    { name: 'control edges carry no data', design: build({ d: 'iot-devices', k: KDS, cw: 'amazon-cloudwatch', q: 'amazon-quicksight' }, ['d>k', 'k>cw', 'cw>q']), params: { from: ['iot-source'], to: ['dashboard'] }, nodes: ['d'] },
  ],
});
