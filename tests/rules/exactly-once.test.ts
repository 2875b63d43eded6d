import { build, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const features = { from: ['web-source'], to: ['key-value-store'] };
const flink = (settings: Settings = {}): [string, Settings] => ['amazon-managed-service-for-apache-flink', settings];

ruleTable('exactly-once', {
  valid: [
    {
      name: 'checkpointing Flink writes to DynamoDB (idempotent)',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: flink({ checkpointing: true }), t: 'amazon-dynamodb' }, ['a>k', 'k>f', 'f>t']),
      params: features,
    },
    {
      name: 'Lambda (event source mapping retries from its last batch) writes to DynamoDB; the dead-letter queue is not part of the effect',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', l: 'aws-lambda', t: 'amazon-dynamodb', dlq: ['amazon-sqs', { purpose: 'dead-letter' }] }, ['a>k', 'k>l', 'l>t', 'l>dlq']),
      params: features,
    },
    {
      name: 'Glue streaming commits Parquet files to S3 with its checkpoints',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', g: ['aws-glue', { jobType: 'streaming' }], s: 'amazon-s3' }, ['a>k', 'k>g', 'g>s']),
      params: { from: ['web-source'], to: ['object-store'] },
    },
    {
      name: 'a non-idempotent sink behind a dedupe store',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: flink(), os: 'amazon-opensearch-service', seen: 'amazon-dynamodb' }, ['a>k', 'k>f', 'f>os', 'f>seen']),
      params: { from: ['web-source'], to: ['amazon-opensearch-service'] },
    },
  ],
  notApplicable: [
    { name: 'the data never reaches the feature store', design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: flink(), s: 'amazon-s3' }, ['a>k', 'k>f', 'f>s']), params: features },
    { name: 'no writer between the source and the sink', design: build({ a: 'web-mobile-apps', t: 'amazon-dynamodb' }, ['a>t']), params: features },
  ],
  invalid: [
    {
      name: 'Flink with checkpointing off',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: flink({ checkpointing: false }), t: 'amazon-dynamodb' }, ['a>k', 'k>f', 'f>t']),
      params: features,
      nodes: ['f'],
      codes: ['no-checkpoint'],
      mentions: ['checkpoint'],
    },
    {
      name: 'Flink writes through Firehose, which neither checkpoints nor absorbs a replay',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: flink(), fh: 'amazon-data-firehose', s: 'amazon-s3' }, ['a>k', 'k>f', 'f>fh', 'fh>s']),
      params: { from: ['web-source'], to: ['object-store'] },
      nodes: ['f', 'fh'],
      codes: ['no-checkpoint', 'sink-not-idempotent'],
    },
    {
      name: 'Lambda indexes into OpenSearch Service without a dedupe store',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', l: 'aws-lambda', os: 'amazon-opensearch-service' }, ['a>k', 'k>l', 'l>os']),
      params: { from: ['web-source'], to: ['amazon-opensearch-service'] },
      nodes: ['l', 'os'],
      codes: ['sink-not-idempotent'],
    },
    {
      name: 'every writer on the way is checked, not only the first',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', good: flink(), bad: flink({ checkpointing: false }), t: 'amazon-dynamodb' }, ['a>k', 'k>good', 'k>bad', 'good>t', 'bad>t']),
      params: features,
      nodes: ['bad'],
      codes: ['no-checkpoint'],
    },
  ],
});
