import { build, chain } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

ruleTable('tls-in-transit', {
  valid: [
    { name: 'TLS is on by default', design: chain('iot-devices', 'amazon-kinesis-data-streams', 'amazon-s3') },
    { name: 'explicit TLS on every edge', design: build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams' }, [['d>k', { tls: true }]]) },
  ],
  notApplicable: [{ name: 'no connections', design: build({ d: 'iot-devices' }) }],
  invalid: [
    { name: 'devices publish without TLS', design: build({ d: 'iot-devices', i: 'aws-iot-core', k: 'amazon-kinesis-data-streams' }, [['d>i', { tls: false }], 'i>k']), nodes: ['d', 'i'], codes: ['no-tls'] },
    { name: 'control edges count too', design: build({ kms: 'aws-kms', s: 'amazon-s3' }, [['kms>s', { tls: false }]]), nodes: ['kms', 's'], codes: ['no-tls'] },
  ],
});
