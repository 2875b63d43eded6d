import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const validation = { kinds: ['aws-dms'], setting: 'validation', equals: [true] };

ruleTable('setting-value', {
  valid: [
    { name: 'DMS validation on', design: build({ d: ['aws-dms', { validation: true }] }), params: validation },
    { name: 'Flink checkpointing on (its default)', design: build({ f: 'amazon-managed-service-for-apache-flink' }), params: { kinds: ['stream-processor'], setting: 'checkpointing', equals: [true] } },
    { name: 'enough shards by minimum', design: build({ k: ['amazon-kinesis-data-streams', { shardCount: 100 }] }), params: { kinds: ['stream'], setting: 'shardCount', minimum: 100 } },
  ],
  notApplicable: [{ name: 'no DMS task', design: build({ s: 'amazon-s3' }), params: validation }],
  invalid: [
    { name: 'DMS validation off', design: build({ d: ['aws-dms', { validation: false }] }), params: validation, nodes: ['d'], mentions: ['off'] },
    { name: 'Route 53 simple routing where latency-based is asked', design: build({ r: 'amazon-route-53' }), params: { kinds: ['amazon-route-53'], setting: 'routingPolicy', equals: ['latency'] }, nodes: ['r'], mentions: ['expected'] },
    { name: 'a required service missing', design: build({ s: 'amazon-s3' }), params: { ...validation, requirePresent: true }, nodes: [] },
  ],
});
