import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const validation = { kinds: ['aws-dms'], setting: 'validation', equals: [true] };
/** The source's setting, scoped to sources that change data capture reads. */
const supplementalLogging = { kinds: { kinds: ['database-source'], sendsTo: ['cdc'] }, setting: 'supplementalLogging', equals: [true], requirePresent: true };
const cdc = (logging: boolean, migrationType = 'full-load-and-cdc') => build({ o: ['on-prem-oracle', { supplementalLogging: logging }], d: ['aws-dms', { migrationType }], r: 'amazon-redshift' }, ['o>d', 'd>r']);
const streamsOnSomeTable = { kinds: ['amazon-dynamodb'], setting: 'streams', equals: [true], match: 'any', requirePresent: true };

ruleTable('setting-value', {
  valid: [
    { name: 'DMS validation on', design: build({ d: ['aws-dms', { validation: true }] }), params: validation },
    { name: 'Flink checkpointing on (its default)', design: build({ f: 'amazon-managed-service-for-apache-flink' }), params: { kinds: ['stream-processor'], setting: 'checkpointing', equals: [true] } },
    { name: 'enough shards by minimum', design: build({ k: ['amazon-kinesis-data-streams', { shardCount: 100 }] }), params: { kinds: ['stream'], setting: 'shardCount', minimum: 100 } },
    { name: 'CDC reads an Oracle source with supplemental logging', design: cdc(true), params: supplementalLogging },
    {
      name: 'an Oracle source only bulk-loaded (Snowball) needs no supplemental logging while another feeds CDC',
      design: build({ o: ['on-prem-oracle', { supplementalLogging: true }], d: ['aws-dms', { migrationType: 'cdc' }], bulk: 'on-prem-oracle', sb: 'aws-snowball' }, ['o>d', 'bulk>sb']),
      params: supplementalLogging,
    },
    { name: 'one DynamoDB table of two has Streams on', design: build({ t1: 'amazon-dynamodb', t2: ['amazon-dynamodb', { streams: true }] }), params: streamsOnSomeTable },
    { name: 'a window within a maximum', design: build({ f: ['amazon-managed-service-for-apache-flink', { windowSeconds: 60 }] }), params: { kinds: ['stream-processor'], setting: 'windowSeconds', maximum: 60 } },
    {
      name: 'a scope by setting value: versioning on the Bronze bucket only',
      design: build({ b: ['amazon-s3', { zone: 'bronze', versioning: true }], s: ['amazon-s3', { zone: 'silver' }] }),
      params: { kinds: { kinds: ['object-store'], where: { zone: ['bronze'] } }, setting: 'versioning', equals: [true] },
    },
  ],
  notApplicable: [
    { name: 'no DMS task', design: build({ s: 'amazon-s3' }), params: validation },
    { name: 'no source feeds change data capture (full load only)', design: cdc(false, 'full-load'), params: { ...supplementalLogging, requirePresent: false } },
  ],
  invalid: [
    { name: 'DMS validation off', design: build({ d: ['aws-dms', { validation: false }] }), params: validation, nodes: ['d'], codes: ['wrong-value'], mentions: ['off'] },
    {
      name: 'Route 53 simple routing where latency-based is asked',
      design: build({ r: 'amazon-route-53' }),
      params: { kinds: ['amazon-route-53'], setting: 'routingPolicy', equals: ['latency'] },
      nodes: ['r'],
      codes: ['wrong-value'],
      mentions: ['expected'],
    },
    { name: 'a required service missing', design: build({ s: 'amazon-s3' }), params: { ...validation, requirePresent: true }, nodes: [], codes: ['missing'] },
    { name: 'CDC reads an Oracle source without supplemental logging', design: cdc(false), params: supplementalLogging, nodes: ['o'], codes: ['wrong-value'] },
    { name: 'CDC required but DMS only does a full load: the Oracle source is named', design: cdc(true, 'full-load'), params: supplementalLogging, nodes: ['o'], codes: ['missing'] },
    { name: 'no DynamoDB table has Streams on', design: build({ t1: 'amazon-dynamodb', t2: 'amazon-dynamodb' }), params: streamsOnSomeTable, nodes: ['t1', 't2'], codes: ['none-set'] },
    {
      name: 'a window above the maximum',
      design: build({ f: ['amazon-managed-service-for-apache-flink', { windowSeconds: 300 }] }),
      params: { kinds: ['stream-processor'], setting: 'windowSeconds', maximum: 60 },
      nodes: ['f'],
      codes: ['wrong-value'],
      mentions: ['at most 60'],
    },
  ],
});
