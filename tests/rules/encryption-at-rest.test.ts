import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const kms = { kmsRequiredFor: ['amazon-redshift', 'amazon-dynamodb'] };

ruleTable('encryption-at-rest', {
  valid: [
    {
      name: 'SSE-KMS stream, SSE-S3 bucket, KMS on DynamoDB and Redshift',
      design: build({ k: ['amazon-kinesis-data-streams', { encryption: 'sse-kms' }], s: 'amazon-s3', db: ['amazon-dynamodb', { encryption: 'customer-managed-kms' }], r: ['amazon-redshift', { encryption: 'aws-managed-kms' }] }),
      params: kms,
    },
    { name: 'AWS owned keys pass when KMS is not asked for', design: build({ db: 'amazon-dynamodb', r: 'amazon-redshift', s: 'amazon-s3' }), params: {} },
  ],
  notApplicable: [{ name: 'no data store', design: build({ d: 'iot-devices', l: 'aws-lambda' }, ['d>l']), params: kms }],
  invalid: [
    { name: 'stream encryption left off (the default)', design: build({ k: 'amazon-kinesis-data-streams', s: 'amazon-s3' }), params: {}, nodes: ['k'], codes: ['unencrypted'], mentions: ['unencrypted'] },
    {
      name: 'AWS owned keys where KMS is required',
      design: build({ db: 'amazon-dynamodb', r: ['amazon-redshift', { encryption: 'aws-owned-key' }], s: 'amazon-s3' }),
      params: kms,
      nodes: ['db', 'r'],
      codes: ['kms-key-required', 'kms-key-required'],
    },
    { name: 'legacy unencrypted Redshift cluster', design: build({ r: ['amazon-redshift', { encryption: 'none' }] }), params: {}, nodes: ['r'], codes: ['unencrypted'] },
  ],
});
