import { build, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const firehose = (settings: Settings): [string, Settings] => ['amazon-data-firehose', settings];
const toS3 = (settings: Settings) => build({ k: 'amazon-kinesis-data-streams', f: firehose(settings), s: 'amazon-s3' }, ['k>f', 'f>s']);

ruleTable('service-constraints', {
  valid: [
    { name: 'Parquet conversion with a 64 MiB buffer into S3', design: toS3({ recordFormatConversion: 'parquet', bufferSizeMiB: 64 }) },
    { name: 'ORC conversion with a 128 MiB buffer', design: toS3({ recordFormatConversion: 'orc', bufferSizeMiB: 128 }) },
    { name: 'no conversion: a 5 MiB buffer is fine', design: toS3({ bufferSizeMiB: 5 }) },
    { name: 'a Firehose outside the scope is not checked', design: toS3({ recordFormatConversion: 'parquet', bufferSizeMiB: 5 }), params: { kinds: ['stream'] } },
  ],
  invalid: [
    { name: 'Parquet conversion at the 5 MiB default buffer', design: toS3({ recordFormatConversion: 'parquet' }), nodes: ['f'], codes: ['format-conversion-buffer'], mentions: ['Buffer size', '5 MiB', '64 MiB'] },
    {
      name: 'a converting Firehose that delivers to Redshift',
      design: build({ k: 'amazon-kinesis-data-streams', f: firehose({ recordFormatConversion: 'orc', bufferSizeMiB: 128 }), r: 'amazon-redshift' }, ['k>f', 'f>r']),
      nodes: ['f', 'r'],
      codes: ['format-conversion-s3-only'],
    },
    {
      name: 'both limits broken',
      design: build({ k: 'amazon-kinesis-data-streams', f: firehose({ recordFormatConversion: 'parquet', bufferSizeMiB: 32 }), s: 'amazon-s3', os: 'amazon-opensearch-service' }, ['k>f', 'f>s', 'f>os']),
      nodes: ['f', 'os'],
      codes: ['format-conversion-buffer', 'format-conversion-s3-only'],
    },
  ],
});
