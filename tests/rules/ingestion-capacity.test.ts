import { build, chain, type LooseSettings as Settings } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const KDS = 'amazon-kinesis-data-streams';
const provisioned = (shardCount: number): [string, Settings] => [KDS, { capacityMode: 'provisioned', shardCount }];
const params = { from: ['iot-source'] };

// 5,000 GB/day = 5e12 B / 86,400 s = 57.87 MB/s; a provisioned shard takes 1 MB/s, so 58 shards carry it.
ruleTable('ingestion-capacity', {
  valid: [
    { name: '58 provisioned shards carry 57.9 MB/s', design: chain('iot-devices', provisioned(58), 'amazon-s3'), params },
    { name: 'on-demand stream', design: chain('iot-devices', [KDS, { capacityMode: 'on-demand' }]), params },
    { name: 'through AWS IoT Core to a large enough stream', design: chain('iot-devices', 'aws-iot-core', provisioned(60)), params },
    { name: '174 shards for 3x peaks with headroom 3', design: chain('iot-devices', provisioned(174)), params: { ...params, headroomFactor: 3 } },
    { name: 'only the first ingest stage is checked', design: chain('iot-devices', provisioned(60), 'amazon-managed-service-for-apache-flink', provisioned(1)), params },
  ],
  invalid: [
    { name: '10 shards do not carry 57.9 MB/s', design: chain('iot-devices', provisioned(10)), params, nodes: ['n2'], codes: ['stage-overloaded'], mentions: ['57.9 MB/s', '10 shards'] },
    { name: '57 shards fall just short', design: chain('iot-devices', provisioned(57)), params, nodes: ['n2'], codes: ['stage-overloaded'] },
    { name: '58 shards are not enough for 3x peaks', design: chain('iot-devices', provisioned(58)), params: { ...params, headroomFactor: 3 }, nodes: ['n2'], codes: ['stage-overloaded'], mentions: ['173.6 MB/s'] },
    { name: 'devices connected to nothing that ingests', design: chain('iot-devices', 'aws-lambda'), params, nodes: ['n1'], codes: ['no-ingestion'] },
    { name: 'no devices at all', design: chain(provisioned(100)), params, nodes: [], codes: ['no-source'] },
    {
      name: 'each under-sized stream of two is named',
      design: build({ d: 'iot-devices', a: provisioned(5), b: provisioned(80), c: provisioned(3) }, ['d>a', 'd>b', 'd>c']),
      params,
      nodes: ['a', 'c'],
      codes: ['stage-overloaded', 'stage-overloaded'],
    },
  ],
});
