import { build, chain } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

ruleTable('allowed-connections', {
  valid: [
    { name: 'a supported pipeline', design: chain('iot-devices', 'amazon-kinesis-data-streams', 'amazon-managed-service-for-apache-flink', 'amazon-dynamodb', 'amazon-quicksight', 'analysts') },
    { name: 'control edges from KMS and to CloudWatch', design: build({ kms: 'aws-kms', k: 'amazon-kinesis-data-streams', cw: 'amazon-cloudwatch' }, ['kms>k', 'k>cw']) },
  ],
  notApplicable: [{ name: 'no connections', design: build({ k: 'amazon-kinesis-data-streams' }) }],
  invalid: [
    { name: 'QuickSight reading a Kinesis stream directly', design: chain('amazon-kinesis-data-streams', 'amazon-quicksight'), nodes: ['n1', 'n2'], codes: ['connection-not-supported'], mentions: ['QuickSight'] },
    { name: 'analysts send data nowhere', design: chain('analysts', 'amazon-s3'), nodes: ['n1', 'n2'], codes: ['connection-not-supported'] },
    {
      name: 'only the bad edge of a pipeline is named',
      design: build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams', q: 'amazon-quicksight', f: 'amazon-managed-service-for-apache-flink' }, ['d>k', 'k>q', 'k>f']),
      nodes: ['k', 'q'],
      codes: ['connection-not-supported'],
    },
  ],
});
