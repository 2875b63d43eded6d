import { build, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = {
  from: ['iot-source'],
  zones: [
    { zone: 'bronze', formats: ['json'] },
    { zone: 'silver', formats: ['parquet', 'orc'], partitionKeys: [['device_id', 'device'], ['date', 'dt']] },
  ],
};
const s3 = (settings: Settings): [string, Settings] => ['amazon-s3', settings];
const lake = (bronze: Settings, silver: Settings, edges = ['d>k', 'k>g', 'g>b', 'g>s']) =>
  build({ d: 'iot-devices', k: 'amazon-kinesis-data-streams', g: ['aws-glue', { jobType: 'streaming' }], b: s3(bronze), s: s3(silver) }, edges);
const bronze = { zone: 'bronze', format: 'json' };
const silver = { zone: 'silver', format: 'parquet', partitionKeys: ['device_id', 'date'] };

ruleTable('lake-zones', {
  valid: [
    { name: 'Bronze JSON and Silver Parquet partitioned by device_id and date', design: lake(bronze, silver) },
    { name: 'partition key spellings are normalised (deviceId, DT)', design: lake(bronze, { ...silver, partitionKeys: ['deviceId', 'DT'] }) },
    { name: 'ORC is accepted for Silver', design: lake(bronze, { ...silver, format: 'orc' }) },
    { name: 'one good Silver bucket is enough', design: build({ d: 'iot-devices', b: s3(bronze), s: s3(silver), s2: s3({ zone: 'silver', format: 'csv' }) }, ['d>b', 'd>s', 'd>s2']) },
  ].map((c) => ({ ...c, params })),
  invalid: [
    { name: 'Silver stored as JSON', design: lake(bronze, { ...silver, format: 'json' }), nodes: ['s'], mentions: ['JSON', 'PARQUET'] },
    { name: 'Silver not partitioned by date', design: lake(bronze, { ...silver, partitionKeys: ['device_id'] }), nodes: ['s'], mentions: ['date'] },
    { name: 'no Bronze zone: the raw data is not kept', design: lake({ zone: 'none', format: 'json' }, silver), nodes: ['b', 's'] },
    { name: 'a Silver bucket the data never reaches does not count', design: lake(bronze, silver, ['d>k', 'k>g', 'g>b']), nodes: ['b'] },
  ].map((c) => ({ ...c, params })),
});
