import { build, type InvalidCase, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = {
  from: ['iot-source'],
  zones: [
    { zone: 'bronze', formats: ['json'] },
    {
      zone: 'silver',
      formats: ['parquet', 'orc'],
      partitionKeys: [
        ['device_id', 'device'],
        ['date', 'dt'],
      ],
    },
  ],
};
const s3 = (settings: Settings): [string, Settings] => ['amazon-s3', settings];
const lake = (bronze: Settings, silver: Settings, edges = ['d>k', 'k>g', 'g>b', 'g>s']) => build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams', g: ['aws-glue', { jobType: 'streaming' }], b: s3(bronze), s: s3(silver) }, edges);
const bronze = { zone: 'bronze', format: 'json' };
/** devices → Firehose (with the given settings) → one bucket. */
const viaFirehose = (firehose: Settings, bucket: Settings) => build({ d: 'iot-devices', f: ['amazon-data-firehose', firehose], b: s3(bucket) }, ['d>f', 'f>b']);
const silverOnly = { from: ['iot-source'], zones: [{ zone: 'silver', formats: ['parquet', 'orc'] }] };
const bronzeJson = { from: ['iot-source'], zones: [{ zone: 'bronze', formats: ['json'] }] };
const silver = { zone: 'silver', format: 'parquet', partitionKeys: ['device_id', 'date'] };

ruleTable('lake-zones', {
  valid: [
    { name: 'Bronze JSON and Silver Parquet partitioned by device_id and date', design: lake(bronze, silver) },
    { name: 'partition key spellings are normalised (deviceId, DT)', design: lake(bronze, { ...silver, partitionKeys: ['deviceId', 'DT'] }) },
    { name: 'ORC is accepted for Silver', design: lake(bronze, { ...silver, format: 'orc' }) },
    { name: 'a Firehose converting to Parquet into a bucket set to Parquet', design: viaFirehose({ recordFormatConversion: 'parquet', bufferSizeMiB: 64 }, { zone: 'silver', format: 'parquet' }), params: silverOnly },
    { name: 'a Firehose delivering JSON as received into a Bronze JSON bucket', design: viaFirehose({}, { zone: 'bronze', format: 'json' }), params: bronzeJson },
    { name: 'one good Silver bucket is enough', design: build({ d: 'iot-devices', b: s3(bronze), s: s3(silver), s2: s3({ zone: 'silver', format: 'csv' }) }, ['d>b', 'd>s', 'd>s2']) },
  ].map((c) => ({ params, ...c })),
  invalid: (
    [
      { name: 'Silver stored as JSON', design: lake(bronze, { ...silver, format: 'json' }), nodes: ['s'], codes: ['zone-layout'], mentions: ['JSON', 'PARQUET'] },
      { name: 'Silver not partitioned by date', design: lake(bronze, { ...silver, partitionKeys: ['device_id'] }), nodes: ['s'], codes: ['zone-layout'], mentions: ['date'] },
      { name: 'no Bronze zone: the raw data is not kept', design: lake({ zone: 'none', format: 'json' }, silver), nodes: ['b', 's'], codes: ['zone-missing'] },
      { name: 'a Silver bucket the data never reaches does not count', design: lake(bronze, silver, ['d>k', 'k>g', 'g>b']), nodes: ['b'], codes: ['zone-missing'] },
    ].map((c) => ({ params, ...c })) as InvalidCase[]
  ).concat([
    {
      name: 'the bucket says JSON but the Firehose writes Parquet into it (the Silver zone is met, the contradiction is reported)',
      design: viaFirehose({ recordFormatConversion: 'parquet', bufferSizeMiB: 64 }, { zone: 'silver', format: 'json' }),
      params: silverOnly,
      nodes: ['b', 'f'],
      codes: ['format-contradiction'],
    },
    {
      name: 'Firehose Parquet in a Bronze bucket that must keep raw JSON',
      design: viaFirehose({ recordFormatConversion: 'parquet', bufferSizeMiB: 64 }, { zone: 'bronze', format: 'json' }),
      params: bronzeJson,
      nodes: ['b', 'f'],
      codes: ['format-contradiction', 'zone-layout'],
      mentions: ['PARQUET'],
    },
    {
      name: 'the bucket says Parquet but the Firehose does not convert',
      design: viaFirehose({}, { zone: 'silver', format: 'parquet' }),
      params: silverOnly,
      nodes: ['b', 'f'],
      codes: ['format-contradiction', 'zone-layout'],
      mentions: ['JSON'],
    },
    {
      name: 'a replica holds the formats of the bucket it replicates',
      design: build({ d: 'iot-devices', src: s3({ zone: 'bronze', format: 'json' }), rep: s3({ zone: 'silver', format: 'parquet' }) }, ['d>src', 'src>rep']),
      params: silverOnly,
      nodes: ['rep', 'src'],
      codes: ['format-contradiction', 'zone-layout'],
    },
  ]),
});
