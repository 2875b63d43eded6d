import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const monitoring = { kinds: ['amazon-cloudwatch'], covers: ['stream', 'stream-processor'] };

ruleTable('service-coverage', {
  valid: [
    { name: 'every stage sends metrics to CloudWatch', design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink', cw: 'amazon-cloudwatch' }, ['k>f', 'k>cw', 'f>cw']), params: monitoring },
    { name: 'presence only when nothing to cover is named', design: build({ lf: 'aws-lake-formation' }), params: { kinds: ['aws-lake-formation'] } },
    { name: 'Lake Formation governs every bucket', design: build({ lf: 'aws-lake-formation', a: 'amazon-s3', b: 'amazon-s3' }, ['lf>a', 'lf>b']), params: { kinds: ['aws-lake-formation'], covers: ['object-store'] } },
  ],
  invalid: [
    { name: 'no CloudWatch at all', design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink' }, ['k>f']), params: monitoring, nodes: ['f', 'k'] },
    { name: 'the stream processor is not monitored', design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink', cw: 'amazon-cloudwatch' }, ['k>f', 'k>cw']), params: monitoring, nodes: ['f'] },
    { name: 'one bucket outside Lake Formation', design: build({ lf: 'aws-lake-formation', a: 'amazon-s3', b: 'amazon-s3' }, ['lf>a']), params: { kinds: ['aws-lake-formation'], covers: ['object-store'] }, nodes: ['b'] },
  ],
});
