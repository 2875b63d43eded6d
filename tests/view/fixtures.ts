/** Small content for view tests, independent of the shipped catalog and scenarios. */
import { z } from 'zod';
import { parseCatalog } from '../../src/domain/catalog-schema.ts';
import type { Content } from '../../src/domain/content.ts';
import type { RuleSet } from '../../src/domain/grade.ts';
import { defineRule, type Rule } from '../../src/domain/rule-kit.ts';
import { scenarioSchema } from '../../src/domain/scenario.ts';
import { DESIGN_VERSION, type Design } from '../../src/domain/design.ts';

const DOC = 'https://docs.aws.amazon.com/';

const entries = [
  {
    id: 'iot-devices',
    name: 'IoT devices',
    shortName: 'Devices',
    category: 'source',
    description: 'Fleet of sensors sending JSON telemetry.',
    glyph: 'DEV',
    roles: ['source'],
    docUrl: DOC,
    connectsTo: ['amazon-kinesis-data-streams'],
    refusals: [{ target: 'amazon-s3', reason: 'Devices do not write to S3 directly here: send telemetry through a stream first.' }],
  },
  {
    id: 'amazon-kinesis-data-streams',
    name: 'Amazon Kinesis Data Streams',
    shortName: 'Kinesis Data Streams',
    category: 'ingestion',
    description: 'Durable, ordered stream of records split into shards.',
    glyph: 'KDS',
    roles: ['stream'],
    docUrl: DOC,
    connectsTo: ['amazon-s3'],
    settings: {
      capacityMode: {
        type: 'enum',
        label: 'Capacity mode',
        options: [
          { value: 'provisioned', label: 'Provisioned' },
          { value: 'on-demand', label: 'On-demand' },
        ],
        default: 'provisioned',
      },
      shardCount: { type: 'integer', label: 'Shards', when: { capacityMode: 'provisioned' }, min: 1, max: 10000, unit: 'shards', default: 2 },
    },
    figures: { writeMBpsPerShard: { value: 1, unit: 'MB/s', source: DOC, asOf: '2026-01-01' } },
    // Provisioned: 1 MB/s per shard (the simulation's capacity); on-demand has no limit here.
    capacities: [{ id: 'shard-write-bytes', metric: 'MBps', when: { capacityMode: 'provisioned' }, figure: 'writeMBpsPerShard', times: [{ setting: 'shardCount' }], per: 'shard', fix: 'shardCount' }],
  },
  {
    id: 'amazon-s3',
    name: 'Amazon S3',
    shortName: 'S3',
    category: 'storage',
    description: 'Object storage for the data lake.',
    glyph: 'S3',
    roles: ['object-store'],
    docUrl: DOC,
    settings: {
      versioning: { type: 'boolean', label: 'Versioning', default: false },
      lifecycle: { type: 'lifecycle-transitions', label: 'Lifecycle transitions', default: [] },
    },
  },
  {
    id: 'aws-kms',
    name: 'AWS Key Management Service',
    shortName: 'KMS',
    category: 'security',
    description: 'Managed encryption keys.',
    glyph: 'KMS',
    roles: ['key-management'],
    dataFlow: false,
    docUrl: DOC,
  },
];

export function fixtureCatalog() {
  const { catalog, problems } = parseCatalog(entries.map((data) => ({ file: `catalog/${data.id}.json`, data })));
  if (problems.length) throw new Error(JSON.stringify(problems));
  return catalog;
}

const capacityRule: Rule<{ minShards: number }> = defineRule({
  id: 'enough-shards',
  title: 'Enough shards',
  summary: 'A rule for this test.',
  pillar: 'performance-efficiency',
  docUrl: DOC,
  params: z.object({ minShards: z.number().int() }),
  check(graph, params, ctx) {
    const streams = graph.nodes.filter((n) => n.service === 'amazon-kinesis-data-streams');
    if (!streams.length) return ctx.notApplicable('no stream');
    for (const s of streams)
      if (s.settings.capacityMode === 'provisioned' && Number(s.settings.shardCount) < params.minShards)
        ctx.fail({ code: 'too-few-shards', nodeIds: [s.id], message: `Only ${String(s.settings.shardCount)} shards.`, remediation: `Use at least ${params.minShards} shards or on-demand.` });
  },
});

const reference: Design = {
  format: 'archboard.design',
  version: DESIGN_VERSION,
  scenarioId: 'iot-5tb-day',
  nodes: [
    { id: 'devices', service: 'iot-devices', position: { x: 0, y: 0 } },
    { id: 'stream', service: 'amazon-kinesis-data-streams', position: { x: 300, y: 0 }, settings: { capacityMode: 'on-demand' } },
  ],
  edges: [{ id: 'e1', source: 'devices', target: 'stream' }],
};

export function fixtureContent(): Content {
  const catalog = fixtureCatalog();
  const scenario = scenarioSchema.parse({
    id: 'iot-5tb-day',
    title: 'IoT telemetry at 5 TB/day',
    summary: 'Ingest 5 TB/day of device JSON.',
    brief: 'Thousands of devices send JSON readings.\n\nAnalysts want dashboards.',
    difficulty: 'intermediate',
    workload: { ingestGBPerDay: 5000, recordBytes: 1024, peakFactor: 3 },
    requirements: [{ id: 'ingestion', text: 'Ingestion is sized for 5 TB/day', rule: 'enough-shards', params: { minShards: 60 }, severity: 'error', hints: ['How much per shard?', '1 MB/s per shard', '60 shards or on-demand'] }],
    referenceDesign: 'reference.design.json',
    commonMistake: { design: 'common-mistake.design.json', fails: ['ingestion'], explanation: 'Two shards are far too few.' },
  });
  const rules: RuleSet = new Map([[capacityRule.id, capacityRule as Rule<unknown>]]);
  return { catalog, rules, scenarios: [{ scenario, reference, commonMistake: reference }] };
}

/** A Storage whose every write fails as a full localStorage does (QuotaExceededError); reads find nothing. */
export function fullStorage(): Storage {
  return {
    length: 0,
    clear() {},
    key: () => null,
    getItem: () => null,
    removeItem() {},
    setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  };
}
