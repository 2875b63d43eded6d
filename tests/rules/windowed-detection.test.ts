import { build, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = { from: ['web-source'], through: ['stream'], maxWindowSeconds: 60 };
const flink = (settings: Settings): [string, Settings] => ['amazon-managed-service-for-apache-flink', settings];
/** apps → Kinesis → detector → DynamoDB (or the given edges). */
const pipeline = (detector: string | [string, Settings], edges = ['a>k', 'k>p', 'p>t']) => build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', p: detector, t: 'amazon-dynamodb' }, edges);

ruleTable('windowed-detection', {
  valid: [
    { name: 'Flink with a 60 s window writes to DynamoDB', design: pipeline(flink({ windowSeconds: 60 })) },
    { name: 'record-at-a-time Flink (window 0)', design: pipeline(flink({ windowSeconds: 0 })) },
    { name: 'Glue streaming with a 30 s micro-batch window', design: pipeline(['aws-glue', { jobType: 'streaming', windowSeconds: 30 }]) },
    {
      name: 'one of two detectors on the path is within the window',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', slow: flink({ windowSeconds: 300 }), fast: flink({ windowSeconds: 30 }), t: 'amazon-dynamodb' }, ['a>k', 'k>slow', 'k>fast', 'slow>t', 'fast>t']),
    },
    {
      name: 'Lambda raising an SNS alert (a control edge) with a 20 s batching window',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', l: ['aws-lambda', { batchWindowSeconds: 20 }], sns: 'amazon-sns' }, ['a>k', 'k>l', 'l>sns']),
      params: { ...params, detector: ['function'], windowSettings: ['batchWindowSeconds'] },
    },
  ].map((c) => ({ params, ...c })),
  invalid: [
    { name: 'a 5-minute window', design: pipeline(flink({ windowSeconds: 300 })), nodes: ['p'], codes: ['window-too-long'], mentions: ['5 min', '1 min'] },
    { name: 'Glue streaming at its 100 s default', design: pipeline(['aws-glue', { jobType: 'streaming' }]), nodes: ['p'], codes: ['window-too-long'] },
    {
      name: 'the detector sends its results nowhere a sink reads',
      design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', p: flink({ windowSeconds: 30 }), s: 'amazon-s3' }, ['a>k', 'k>p', 'p>s']),
      nodes: ['a'],
      codes: ['no-detector'],
    },
    { name: 'no stream processor: Firehose to S3', design: build({ a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', f: 'amazon-data-firehose', s: 'amazon-s3' }, ['a>k', 'k>f', 'f>s']), nodes: ['a'], codes: ['no-detector'] },
    { name: 'the detector is not fed by the stream', design: pipeline(flink({ windowSeconds: 30 }), ['a>k', 'p>t']), nodes: ['a'], codes: ['no-detector'] },
  ].map((c) => ({ ...c, params })),
});
