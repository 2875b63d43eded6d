/**
 * The cost model against bills worked out by hand, one or more per priced service (the arithmetic is
 * written next to each figure), and property tests: cost never falls as the volume grows, and no bill
 * holds NaN, Infinity or a negative amount.
 *
 * Unless a test says otherwise the workload is 86.4 GB/day of 1,000-byte records: 1 MB/s, 1,000
 * records/s, 2,628,000 s x 1,000 = 2.628 billion records and 2,628 GB a month of 730 hours; 365 days
 * make 12 months exactly. A daily schedule runs 730 h / 24 h = 30.4167 times a month.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readJsonFiles } from '../../src/cli/content.ts';
import { parseCatalog } from '../../src/domain/catalog-schema.ts';
import { catalogEntryProblems } from '../../src/domain/catalog-checks.ts';
import type { Design } from '../../src/domain/design.ts';
import type { Scenario, Workload } from '../../src/domain/scenario.ts';
import { simulate, type NodeCost } from '../../src/domain/simulation.ts';
import { applyWhatIf } from '../../src/domain/what-if.ts';
import { build, chain, content, type LooseSettings } from '../support/designs.ts';

const { catalog } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const W: Workload = { ingestGBPerDay: 86.4, recordBytes: 1000, peakFactor: 1, horizonDays: 365 };
const scenarioOf = (workload: Workload): Scenario => ({ ...iot.scenario, workload, requirements: [] });
const DAILY_RUNS = 730 / 24;

/**
 * The bill of one node, with its month-by-month USD: the series of its service, which in these designs
 * has that one node (checked).
 */
function bill(design: Design, nodeId: string, workload: Workload = W): NodeCost & { monthlyUsd: readonly number[] } {
  const report = simulate(design, scenarioOf(workload), catalog).cost;
  const cost = report.nodes.find((n) => n.nodeId === nodeId);
  if (!cost) throw new Error(`no bill for ${nodeId}`);
  const service = report.services.find((s) => s.service === cost.service)!;
  expect(service.nodeCount).toBe(1);
  expect(service.horizonUsd).toBe(cost.horizonUsd);
  expect(service.monthlyUsd[0]).toBe(cost.firstMonthUsd);
  expect(service.monthlyUsd.at(-1)).toBe(cost.lastMonthUsd);
  return { ...cost, monthlyUsd: service.monthlyUsd };
}
/** USD a month per line label (lines of the same label summed). */
function lines(cost: NodeCost): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of cost.lines) out[l.label] = (out[l.label] ?? 0) + l.usdPerMonth;
  return out;
}
/** `service` fed 1 MB/s by a log source, its bill's lines. */
function fed(service: string, settings: LooseSettings = {}, workload: Workload = W): Record<string, number> {
  return lines(bill(chain('log-producers', [service, settings]), 'n2', workload));
}
/** `service` on its own (control services: KMS, CloudWatch, ...), its bill's lines. */
function alone(service: string, settings: LooseSettings = {}): Record<string, number> {
  return lines(bill(build({ x: [service, settings] }), 'x'));
}
const close = (expected: Record<string, number>, digits = 4) => Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, expect.closeTo(v, digits)]));

describe('AWS IoT Core', () => {
  const iotDesign = (devices: LooseSettings = {}, core: LooseSettings = {}) => chain(['iot-devices', { deviceCount: 5000, ...devices }], ['aws-iot-core', core], 'amazon-kinesis-data-streams');

  it('bills messages by tier, connection-minutes from the devices, rules and actions', () => {
    // 2.628 billion 1,000-byte messages (one 5 KB unit each): first billion x $1.00/million = $1,000,
    // the next 1.628 billion x $0.80/million = $1,302.40: $2,302.40.
    // 5,000 devices x 730 h x 60 min = 219 million connection-minutes x $0.08/million = $17.52.
    // One rule per message: 2,628 million x $0.15 = $394.20; one action per connection (1): $394.20.
    expect(lines(bill(iotDesign(), 'n2'))).toEqual(close({ Messaging: 2302.4, Connectivity: 17.52, 'Rules triggered': 394.2, 'Actions executed': 394.2 }));
  });

  it('reaches the third tier at 10x the volume', () => {
    // 26.28 billion messages: $1,000 + 4,000 million x $0.80 = $3,200 + 21,280 million x $0.70 = $14,896: $19,096.
    expect(lines(bill(iotDesign(), 'n2', { ...W, ingestGBPerDay: 864 })).Messaging).toBeCloseTo(19_096, 4);
  });

  it('meters messages in 5 KB increments and batches readings into messages', () => {
    // 6,000-byte records: 166.67/s x 2,628,000 s = 438 million, each 2 units of 5,120 B = 876 million x $1 = $876.
    expect(lines(bill(iotDesign(), 'n2', { ...W, recordBytes: 6000 }))).toMatchObject(close({ Messaging: 876, 'Rules triggered': 131.4 }));
    // 5 readings of 1,000 B per message: 200 messages/s of 5,000 B (one unit) = 525.6 million x $1 = $525.60.
    expect(lines(bill(iotDesign({ readingsPerMessage: 5 }), 'n2')).Messaging).toBeCloseTo(525.6, 4);
  });

  it('charges no messaging with Basic Ingest, only the rules engine', () => {
    expect(lines(bill(iotDesign({}, { basicIngest: true }), 'n2'))).toEqual(close({ Connectivity: 17.52, 'Rules triggered': 394.2, 'Actions executed': 394.2 }));
  });
});

describe('streams and delivery', () => {
  it('Kinesis Data Streams provisioned with enhanced fan-out: shards, PUT units, consumer-shard-hours and retrieval', () => {
    const design = build({ s: 'log-producers', k: ['amazon-kinesis-data-streams', { shardCount: 4, consumerType: 'enhanced-fan-out' }], a: 'aws-lambda', b: 'aws-lambda' }, ['s>k', 'k>a', 'k>b']);
    // 4 shards x 730 h x $0.015 = $43.80; 2,628 million PUT units (1,000 B < 25 KB) x $0.014 = $36.792;
    // 4 shards x 2 consumers x 730 h x $0.015 = $87.60; 2 x 2,628 GB x $0.013 = $68.328.
    expect(lines(bill(design, 'k'))).toEqual(close({ 'Shard hours': 43.8, 'PUT payload units': 36.792, 'Enhanced fan-out consumer-shard hours': 87.6, 'Enhanced fan-out data retrieval': 68.328 }));
  });

  it('Kinesis Data Streams on-demand: stream-hours, data in by 1 KB, data out per consumer', () => {
    // 730 h x $0.04 = $29.20; 2.628 billion x 1,024 B = 2,691.072 GB x $0.08 = $215.286; 2,628 GB x $0.04 = $105.12.
    expect(fed('amazon-kinesis-data-streams', { capacityMode: 'on-demand' })).toEqual(close({ 'Stream hours (on-demand)': 29.2, 'Data in (on-demand)': 215.28576, 'Data out (on-demand)': 0 }));
    const withConsumer = lines(bill(chain('log-producers', ['amazon-kinesis-data-streams', { capacityMode: 'on-demand' }], 'aws-lambda'), 'n2'));
    expect(withConsumer['Data out (on-demand)']).toBeCloseTo(105.12, 4);
  });

  it('Amazon Data Firehose: 5 KB increments and Parquet conversion', () => {
    // 2.628 billion x 5,120 B = 13,455.36 GB x $0.029 = $390.205; conversion x $0.018 = $242.196.
    expect(fed('amazon-data-firehose', { recordFormatConversion: 'parquet' })).toEqual(close({ Ingestion: 390.20544, 'Format conversion (Parquet)': 242.19648 }));
  });

  it('Amazon MSK provisioned: broker-hours by instance type and provisioned storage', () => {
    // 3 x kafka.m7g.large x 730 h x $0.204 = $446.76; 3 brokers x 1,000 GiB x $0.10 = $300.
    expect(fed('amazon-msk')).toEqual(close({ 'Broker hours': 446.76, 'Broker storage': 300 }));
    // kafka.m7g.xlarge doubles the broker price: 3 x 730 x $0.408 = $893.52.
    expect(fed('amazon-msk', { brokerInstanceType: 'kafka.m7g.xlarge' })['Broker hours']).toBeCloseTo(893.52, 4);
  });

  it('Amazon MSK Serverless: cluster-hours, partition-hours, data in and out, retained storage', () => {
    const cost = bill(chain('log-producers', ['amazon-msk', { deployment: 'serverless', partitionCount: 60 }], 'aws-lambda'), 'n2');
    // 730 x $0.75 = $547.50; 60 x 730 x $0.0015 = $65.70; 2,628 GB in x $0.10 = $262.80; out to 1 consumer x $0.05 = $131.40.
    expect(lines(cost)).toMatchObject(close({ 'Serverless cluster hours': 547.5, 'Serverless partition hours': 65.7, 'Serverless data in': 262.8, 'Serverless data out': 131.4 }));
    // 168 h retention = 7 days x 86.4 GB = 604.8 GB held all of month 2 x $0.10 = $60.48.
    expect(cost.monthlyUsd[1]).toBeCloseTo(547.5 + 65.7 + 262.8 + 131.4 + 60.48, 4);
  });

  it('Amazon SQS: three requests per message per 64 KB, first million free', () => {
    // 2.628 billion x 3 = 7,884 million requests; (7,884 - 1) million x $0.40 = $3,153.20; FIFO x $0.50 = $3,941.50.
    expect(fed('amazon-sqs')).toEqual(close({ 'Requests (standard)': 3153.2 }));
    expect(fed('amazon-sqs', { type: 'fifo' })).toEqual(close({ 'Requests (FIFO)': 3941.5 }));
  });

  it('Amazon EventBridge: custom events by the million, AWS service events on the default bus free', () => {
    // 2,628 million events of 1,000 B (one 64 KB unit) x $1.00 = $2,628.
    expect(fed('amazon-eventbridge')).toEqual(close({ 'Events published': 2628 }));
    expect(fed('amazon-eventbridge', { busType: 'default' })).toEqual(close({ 'Events published': 0 }));
  });

  it('AWS DMS: instance-hours per class, Multi-AZ doubles', () => {
    // dms.r5.large 730 h x $0.21 = $153.30; Multi-AZ adds the standby: $153.30.
    expect(fed('aws-dms')).toEqual(close({ 'Replication instance hours': 153.3 }));
    expect(fed('aws-dms', { multiAz: true })).toEqual(close({ 'Replication instance hours': 153.3, 'Multi-AZ standby': 153.3 }));
  });

  it('Amazon AppFlow: flow runs and data processed', () => {
    // Daily: 30.4167 runs x $0.001 = $0.0304; 2,628 GB x $0.02 = $52.56.
    expect(lines(bill(chain('saas-apps', 'amazon-appflow'), 'n2'))).toEqual(close({ 'Flow runs': DAILY_RUNS * 0.001, 'Data processed': 52.56 }));
  });

  it('AWS Snowball: the device job fee once, in the first month', () => {
    // 2 devices x $1,800 in month 1, nothing after.
    const cost = bill(build({ x: ['aws-snowball', { deviceCount: 2 }] }), 'x');
    expect(cost.monthlyUsd[0]).toBeCloseTo(3600, 6);
    expect(cost.monthlyUsd.slice(1).every((x) => x === 0)).toBe(true);
  });
});

describe('processing', () => {
  it('AWS Glue: a streaming job all month, a batch job for its runs, DPUs per worker type', () => {
    // 10 G.1X x 1 DPU x 730 h x $0.44 = $3,212.
    expect(fed('aws-glue', { jobType: 'streaming', numberOfWorkers: 10, workerType: 'G.1X' })).toEqual(close({ 'Streaming job DPU-hours': 3212 }));
    // Hourly, 5 min, 5 G.2X: 730 runs x 5/60 h x 5 x 2 DPU = 608.33 DPU-hours x $0.44 = $267.67.
    expect(fed('aws-glue', { jobType: 'etl', schedule: 'hourly', runMinutes: 5, numberOfWorkers: 5, workerType: 'G.2X' })).toEqual(close({ 'Batch job DPU-hours': 267.66667 }));
  });

  it('AWS Glue crawler: DPU-hours per crawl, 10-minute minimum', () => {
    // Daily, 10 min, 2 DPU: 30.4167 x 10/60 x 2 = 10.139 DPU-hours x $0.44 = $4.461.
    expect(alone('aws-glue-crawler', { schedule: 'daily' })).toEqual(close({ 'Crawler DPU-hours': DAILY_RUNS * (10 / 60) * 2 * 0.44 }));
    // 3 minutes are billed as 10; on demand counts one run a month: 10/60 x 2 x $0.44 = $0.1467.
    expect(alone('aws-glue-crawler', { runMinutes: 3 })).toEqual(close({ 'Crawler DPU-hours': (10 / 60) * 2 * 0.44 }));
  });

  it('Amazon Managed Service for Apache Flink: KPUs from parallelism, the orchestration KPU, running storage', () => {
    // ceil(4 / 2) = 2 KPU x 730 h x $0.11 = $160.60; 1 orchestration KPU = $80.30; 2 x 50 GB x $0.10 = $10.
    expect(fed('amazon-managed-service-for-apache-flink', { parallelism: 4, parallelismPerKpu: 2 })).toEqual(close({ 'KPU hours': 160.6, 'Orchestration KPU hours': 80.3, 'Running application storage': 10 }));
  });

  it('Amazon EMR on EC2: instance-hours plus the EMR charge for primary and core nodes', () => {
    // Daily transient cluster, 60 min, m5.xlarge, 1 primary + 2 core: 30.4167 x 1 h x 3 = 91.25 instance-hours
    // x $0.192 (EC2) = $17.52 and x $0.048 (EMR) = $4.38.
    expect(fed('amazon-emr', { workload: 'spark-batch', schedule: 'daily', runMinutes: 60, coreNodeCount: 2 })).toEqual(close({ 'EC2 instance hours (transient cluster per run)': 17.52, 'EMR charge (transient cluster per run)': 4.38 }));
    // Streaming: 3 x 730 h x $0.192 = $420.48 and x $0.048 = $105.12.
    expect(fed('amazon-emr', { workload: 'spark-streaming', coreNodeCount: 2 })).toEqual(close({ 'EC2 instance hours (streaming cluster)': 420.48, 'EMR charge (streaming cluster)': 105.12 }));
  });

  it('Amazon EMR Serverless: vCPU-hours and GB-hours of its runs', () => {
    // 30.4167 runs x 1 h x 16 vCPU = 486.67 vCPU-hours x $0.052624 = $25.610; x 4 GB = 1,946.67 GB-hours x $0.0057785 = $11.249.
    const expected = { 'vCPU hours (runs)': DAILY_RUNS * 16 * 0.052624, 'Memory hours (runs)': DAILY_RUNS * 64 * 0.0057785 };
    expect(fed('amazon-emr-serverless', { schedule: 'daily', runMinutes: 60, maxVcpu: 16 })).toEqual(close(expected));
    // The EMR entry's serverless deployment uses the same rates.
    expect(fed('amazon-emr', { deployment: 'serverless', schedule: 'daily', runMinutes: 60, maxVcpu: 16 })).toEqual(
      close({ 'Serverless vCPU hours (runs)': expected['vCPU hours (runs)'], 'Serverless memory hours (runs)': expected['Memory hours (runs)'] }),
    );
  });

  it('AWS Lambda: requests per batch and GB-seconds, free allowances first', () => {
    // 1,000 records/s in batches of 100 = 26.28 million requests; (26.28 - 1) x $0.20 = $5.056.
    // 26.28 million x 0.2 s x 0.125 GB = 657,000 GB-s; (657,000 - 400,000) x $0.0000166667 = $4.2833.
    expect(fed('aws-lambda', { batchSize: 100, averageDurationMs: 200, memoryMB: 128 })).toEqual(close({ Requests: 5.056, Compute: 257_000 * 0.0000166667 }));
  });

  it('Amazon ECS on AWS Fargate: vCPU-hours and 2 GB per vCPU', () => {
    // 2 tasks x 1 vCPU x 730 h x $0.04048 = $59.10; 2 x 2 GB x 730 h x $0.004445 = $12.98.
    expect(fed('amazon-ecs-fargate', { taskCount: 2, taskVcpu: '1' })).toEqual(close({ 'vCPU hours': 59.1008, 'Memory hours': 12.9794 }));
  });

  it('Amazon SageMaker: training hours a day, an endpoint all month', () => {
    // 1 h/day x 30.4167 days x $0.23 = $6.996; endpoint 730 h x $0.23 = $167.90.
    expect(fed('amazon-sagemaker', { workload: 'training', hoursPerDay: 1 })).toEqual(close({ 'Training instance hours': DAILY_RUNS * 0.23 }));
    expect(fed('amazon-sagemaker', { workload: 'real-time-endpoint' })).toEqual(close({ 'Endpoint instance hours': 167.9 }));
  });

  it('AWS Step Functions: state transitions after the free 4,000; Express by request', () => {
    // 1,000 executions x 10 transitions = 10,000; 6,000 x $0.025/1,000 = $0.15.
    expect(alone('aws-step-functions', { executionsPerMonth: 1000, stateTransitionsPerExecution: 10 })).toEqual(close({ 'State transitions': 0.15 }));
    // Express: 1 million executions x $1.00/million.
    expect(alone('aws-step-functions', { workflowType: 'express', executionsPerMonth: 1_000_000 })).toEqual(close({ 'Express requests': 1 }));
    // The default, 30 executions x 10 = 300 transitions, is free and says so.
    expect(bill(build({ x: 'aws-step-functions' }), 'x').free).toMatch(/4,000 state transitions/);
  });

  it('Amazon MWAA: environment-hours by class', () => {
    // mw1.small 730 h x $0.49 = $357.70.
    expect(alone('amazon-mwaa')).toEqual(close({ 'Environment hours': 357.7 }));
  });
});

describe('stores and warehouses', () => {
  it('Amazon DynamoDB: write units on demand or provisioned WCUs, and what is kept for the TTL', () => {
    const onDemand = bill(chain('log-producers', ['amazon-dynamodb', { ttlDays: 10 }]), 'n2');
    // 2,628 million 1 KB writes x $0.625/million = $1,642.50.
    expect(lines(onDemand)['Write request units (on-demand)']).toBeCloseTo(1642.5, 4);
    // 86.4 GB/day kept 10 days = 864 GB all of month 2; (864 - 25 free) x $0.25 = $209.75.
    expect(onDemand.monthlyUsd[1]).toBeCloseTo(1642.5 + 209.75, 4);
    // Provisioned: 1,000 WCU x 730 h x $0.00065 = $474.50, whatever the traffic.
    expect(fed('amazon-dynamodb', { capacityMode: 'provisioned', provisionedWcu: 1000, ttlDays: 10 })['Provisioned write capacity']).toBeCloseTo(474.5, 4);
  });

  it('Amazon Redshift: node-hours per node type, Serverless RPU-hours, managed storage', () => {
    // 2 x ra3.xlplus x 730 h x $1.086 = $1,585.56; ra3.4xlarge: 2 x 730 x $3.26 = $4,759.60.
    expect(fed('amazon-redshift', { deployment: 'provisioned', nodeType: 'ra3.xlplus', nodeCount: 2 })['Provisioned node hours']).toBeCloseTo(1585.56, 4);
    expect(fed('amazon-redshift', { deployment: 'provisioned', nodeType: 'ra3.4xlarge', nodeCount: 2 })['Provisioned node hours']).toBeCloseTo(4759.6, 4);
    // Serverless: 128 RPU x 8 h x 30.4167 days x $0.375 = $11,680; storage in month 1 averages half a
    // month of 86.4 GB/day: 86.4 x 30.4167 / 2 = 1,314 GB-months x $0.024 = $31.536.
    const serverless = bill(chain('log-producers', ['amazon-redshift', { deployment: 'serverless', baseRpu: 128, activeHoursPerDay: 8 }]), 'n2');
    expect(serverless.monthlyUsd[0]).toBeCloseTo(11_680 + 31.536, 4);
  });

  it('Amazon Athena: the share of the readable data each query scans, Parquet and archive classes respected', () => {
    const athena = (bucket: LooseSettings, settings: LooseSettings) => bill(chain('log-producers', ['amazon-s3', bucket], ['amazon-athena', settings]), 'n3');
    // The bucket keeps 30 days x 86.4 GB = 2,592 GB; 10 queries a day x 30.4167 days x 5 % x 2,592 GB =
    // 39,420 GB = 39.42 TB x $5 = $197.10 in month 2.
    expect(athena({ expirationDays: 30 }, { scansPerDay: 10, scannedPercent: 5 }).monthlyUsd[1]).toBeCloseTo(197.1, 4);
    // Parquet (0.2 x JSON) scans a fifth: $39.42.
    expect(athena({ expirationDays: 30, format: 'parquet' }, { scansPerDay: 10, scannedPercent: 5 }).monthlyUsd[1]).toBeCloseTo(39.42, 4);
    // After 10 days in Deep Archive only 864 GB is readable: 10 x 30.4167 x 5 % x 864 = 13,140 GB x $0.005 = $65.70.
    expect(athena({ expirationDays: 30, lifecycleTransitions: [{ days: 10, storageClass: 'DEEP_ARCHIVE' }] }, { scansPerDay: 10, scannedPercent: 5 }).monthlyUsd[1]).toBeCloseTo(65.7, 4);
    // A fully pruned query still bills 10 MB: 10 x 30.4167 x 0.01 GB = 3.0417 GB x $0.005 = $0.0152.
    expect(athena({ expirationDays: 30 }, { scansPerDay: 10, scannedPercent: 0 }).monthlyUsd[1]).toBeCloseTo(10 * DAILY_RUNS * 0.01 * 0.005, 8);
  });

  it('Amazon OpenSearch Service: instance-hours and EBS, or serverless OCU-hours', () => {
    // 3 x r6g.large.search x 730 h x $0.167 = $365.73; 3 x 100 GB x $0.122 = $36.60.
    expect(fed('amazon-opensearch-service')).toEqual(close({ 'Data node hours': 365.73, 'EBS storage': 36.6 }));
    // Serverless: 2 indexing + 2 search OCUs x 730 h x $0.24 = $350.40 each.
    expect(fed('amazon-opensearch-service', { deployment: 'serverless', indexingOcus: 2, searchOcus: 2 })).toEqual(close({ 'Serverless OCU hours (indexing)': 350.4, 'Serverless OCU hours (search)': 350.4 }));
  });

  it('Amazon ElastiCache: serverless GB-hours and ECPUs, or node-hours (Valkey 20 % less)', () => {
    // 1 GB x 730 h x $0.084 = $61.32; 2,628 million 1 KB writes x $0.0023/million ECPU = $6.0444.
    expect(fed('amazon-elasticache')).toEqual(close({ 'Serverless data stored': 61.32, 'Serverless ElastiCache Processing Units': 6.0444 }));
    // 2 x cache.r7g.large Valkey x 730 h x $0.1752 = $255.79.
    expect(fed('amazon-elasticache', { deployment: 'node-based', nodeType: 'cache.r7g.large', nodeCount: 2 })).toEqual(close({ 'Node hours (Valkey)': 255.792 }));
  });

  it('Amazon Aurora and Amazon RDS: instance-hours, storage, Multi-AZ doubles RDS', () => {
    // Aurora: 2 x db.r6g.large x 730 h x $0.26 = $379.60; 100 GB x $0.10 = $10; no writes arrive: no I/O.
    expect(alone('amazon-aurora-postgresql')).toEqual(close({ 'Instance hours': 379.6, Storage: 10, 'I/O': 0 }));
    // RDS for MySQL db.r6g.large 730 h x $0.215 = $156.95; 100 GB x $0.115 = $11.50; Multi-AZ doubles both.
    expect(alone('amazon-rds')).toEqual(close({ 'Instance hours': 156.95, Storage: 11.5 }));
    expect(alone('amazon-rds', { multiAz: true })).toEqual(close({ 'Instance hours': 156.95, 'Multi-AZ standby': 156.95, Storage: 23 }));
  });

  it('Amazon CloudWatch Logs: GB ingested and GB-months kept for the retention', () => {
    // 2,628 GB x $0.50 = $1,314; 30 days x 86.4 GB = 2,592 GB held all of month 2 x $0.03 = $77.76.
    const cost = bill(chain('log-producers', ['amazon-cloudwatch-logs', { retentionDays: '30' }]), 'n2');
    expect(lines(cost).Ingestion).toBeCloseTo(1314, 4);
    expect(cost.monthlyUsd[1]).toBeCloseTo(1314 + 77.76, 4);
  });
});

describe('analytics, monitoring, security and governance', () => {
  it('Amazon QuickSight: authors, readers, additional SPICE', () => {
    // 2 authors x $24 + 20 readers x $3 = $108; SPICE mode with 100 GB extra x $0.38 = $38.
    expect(alone('amazon-quicksight')).toEqual(close({ Authors: 48, Readers: 60 }));
    expect(alone('amazon-quicksight', { queryMode: 'spice', additionalSpiceGB: 100 })).toEqual(close({ Authors: 48, Readers: 60, 'Additional SPICE capacity': 38 }));
  });

  it('Amazon CloudWatch: metrics, alarms and dashboards after their free allowances', () => {
    // (100 - 10) metrics x $0.30 = $27; (25 - 10) alarms x $0.10 = $1.50; (5 - 3) dashboards x $3 = $6.
    expect(alone('amazon-cloudwatch', { customMetrics: 100, alarms: 25, dashboards: 5 })).toEqual(close({ 'Custom metrics': 27, Alarms: 1.5, Dashboards: 6 }));
    // 20,000 metrics: 10 free, 9,990 x $0.30 = $2,997, then 10,000 x $0.10 = $1,000: $3,997.
    expect(alone('amazon-cloudwatch', { customMetrics: 20_000 })['Custom metrics']).toBeCloseTo(3997, 6);
  });

  it('AWS KMS: keys a month and requests after the free 20,000', () => {
    // 3 keys x $1 = $3; (1,020,000 - 20,000) / 10,000 x $0.03 = $3.
    expect(alone('aws-kms', { customerManagedKeys: 3, requestsPerMonth: 1_020_000 })).toEqual(close({ 'Customer managed keys': 3, Requests: 3 }));
  });

  it('AWS Glue Data Catalog: objects and requests beyond the first million are billed; below, it is free', () => {
    // (1.5 million - 1 million) / 100,000 x $1 = $5; (3 million - 1 million) x $1/million = $2.
    expect(alone('aws-glue-data-catalog', { objectsStored: 1_500_000, requestsPerMonth: 3_000_000 })).toEqual(close({ 'Objects stored': 5, Requests: 2 }));
    expect(bill(build({ x: 'aws-glue-data-catalog' }), 'x').free).toMatch(/first million/);
  });

  it('Amazon SNS, AWS X-Ray, Amazon Route 53, AWS Config, Amazon Macie', () => {
    // SNS: (3 million - 1 million) x $0.50/million = $1; (101,000 - 1,000) emails x $2/100,000 = $2.
    expect(alone('amazon-sns', { publishesPerMonth: 3_000_000, emailDeliveriesPerMonth: 101_000 })).toEqual(close({ Publishes: 1, 'Email deliveries': 2 }));
    // X-Ray: 10 million requests x 5 % = 500,000 traces; (500,000 - 100,000) x $5/million = $2.
    expect(alone('aws-x-ray')).toEqual(close({ 'Traces recorded': 2 }));
    // Route 53: 1 zone x $0.50; 10 million queries x $0.40 (simple) or $0.60 (latency); a health check $0.50.
    expect(alone('amazon-route-53')).toEqual(close({ 'Hosted zones': 0.5, Queries: 4 }));
    expect(alone('amazon-route-53', { routingPolicy: 'latency', healthChecks: true })).toEqual(close({ 'Hosted zones': 0.5, Queries: 6, 'Health checks': 0.5 }));
    // Config: 5,000 items x $0.003 = $15; 20,000 evaluations x $0.001 = $20.
    expect(alone('aws-config')).toEqual(close({ 'Configuration items': 15, 'Rule evaluations': 20 }));
    // Macie: 10 buckets x $0.10 = $1; 1 million objects x $0.01/100,000 = $0.10; (10 - 1) GB x $1 = $9.
    expect(alone('amazon-macie')).toEqual(close({ 'Bucket inventory and monitoring': 1, 'Automated discovery object monitoring': 0.1, 'Sensitive data discovery': 9 }));
  });

  it('AWS CloudTrail and VPC endpoints: free by default, billed for data events and interface endpoints', () => {
    expect(bill(build({ x: 'aws-cloudtrail' }), 'x').free).toMatch(/management events/);
    // 10 million data events / 100,000 x $0.10 = $10.
    expect(alone('aws-cloudtrail', { dataEvents: true })).toEqual(close({ 'Data events': 10 }));
    expect(bill(build({ x: 'vpc-endpoint' }), 'x').free).toMatch(/Gateway endpoints/);
    // Interface: 2 AZ x 730 h x $0.01 = $14.60; 100 GB x $0.01 = $1.
    expect(alone('vpc-endpoint', { type: 'interface' })).toEqual(close({ 'Interface endpoint hours': 14.6, 'Data processed': 1 }));
  });

  it('AWS Cost Explorer: the console is free, API requests cost $0.01', () => {
    expect(bill(build({ x: 'aws-cost-explorer' }), 'x').free).toMatch(/console is free/);
    expect(alone('aws-cost-explorer', { apiRequestsPerMonth: 100 })).toEqual(close({ 'API requests': 1 }));
  });

  it('says which services are free, and lists none of them (nor sources, consumers, notes, groups) as not priced', () => {
    const free = ['aws-lake-formation', 'aws-iam', 'aws-sct', 'amazon-emr-studio', 'aws-budgets'];
    const design = build({ ...Object.fromEntries(free.map((s) => [s, s])), src: 'iot-devices', who: 'analysts', note: 'text-note', acct: 'aws-account' });
    const cost = simulate(design, scenarioOf(W), catalog).cost;
    expect(cost.unpricedNodeIds).toEqual([]);
    for (const id of free) {
      const n = cost.nodes.find((c) => c.nodeId === id)!;
      expect(n.free?.length ?? 0, id).toBeGreaterThan(20);
      expect(n.horizonUsd).toBe(0);
    }
    expect(cost.nodes.map((c) => c.nodeId)).not.toContain('src');
  });
});

describe('the price model is catalog data', () => {
  it('prices every catalog service (sources, consumers, notes and groups are not services)', () => {
    const services = catalog.entries.filter((e) => !['source', 'consumer', 'group', 'annotation'].includes(e.category));
    expect(services.filter((e) => !e.pricing).map((e) => e.id)).toEqual([]);
  });

  it('keeps no price among the figures; every price names its AWS pricing page and an as-of date', () => {
    for (const e of catalog.entries) {
      expect(
        Object.keys(e.figures).filter((k) => /usd/i.test(k)),
        e.id,
      ).toEqual([]);
      for (const item of e.pricing?.items ?? []) {
        expect(new URL(item.price.source).hostname, `${e.id}: ${item.label}`).toBe('aws.amazon.com');
        expect(item.price.asOf).toMatch(/^20\d\d-\d\d-\d\d$/);
        expect(item.price.note ?? '', `${e.id}: ${item.label}`).toMatch(/\w/);
      }
    }
  });
});

describe('price model mistakes are reported with file and JSON path', () => {
  const raw = (id: string) => JSON.parse(readFileSync(`catalog/${id}.json`, 'utf8')) as Record<string, any>;
  /** The changed entry's problems in the shipped catalog, as `path: message`, with every content check. */
  const problems = (data: Record<string, any>) => {
    const file = `catalog/${data.id}.json`;
    const files = readJsonFiles(PROJECT_ROOT, 'catalog', []).map((f) => (f.file === file ? { file, data } : f));
    return parseCatalog(files, catalogEntryProblems)
      .problems.filter((p) => p.file === file)
      .map((p) => `${p.path}: ${p.message}`);
  };

  it('names a setting, an option price or a when value that does not exist', () => {
    const msk = raw('amazon-msk');
    msk.pricing.items[0].quantity.factors[0].setting = 'brokerz';
    delete msk.pricing.items[0].price.values['kafka.m7g.large'];
    msk.pricing.items[1].when = { deployment: 'provisionned' };
    expect(problems(msk)).toEqual([
      '$.pricing.items[0]: no setting "brokerz" in this entry',
      '$.pricing.items[0].price.values: no price for option "kafka.m7g.large" of "brokerInstanceType"',
      '$.pricing.items[1].when.deployment: "provisionned" is not a value of the setting "deployment"',
    ]);
  });

  it('refuses tiers out of order and a price with neither value nor values', () => {
    const iotCore = raw('aws-iot-core');
    iotCore.pricing.items[0].price.tiers = [{ upTo: 5e9, value: 1 }, { upTo: 1e9, value: 0.8 }, { value: 0.7 }];
    delete iotCore.pricing.items[1].price.value;
    expect(problems(iotCore)).toEqual(['$.pricing.items[0].price.tiers[1].upTo: "upTo" must grow from tier to tier', '$.pricing.items[1].price: a price has either "value" or "bySetting" with "values"']);
  });
});

describe('properties', () => {
  const services = catalog.entries.filter((e) => e.category !== 'group' && e.category !== 'annotation').map((e) => e.id);
  /** A value for each setting, drawn from what the inspector can produce. */
  const settingsArb = (service: string) => {
    const entry = catalog.byId.get(service)!;
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, spec] of Object.entries(entry.settings)) {
      if (spec.type === 'enum') parts[key] = fc.constantFrom(...spec.options.map((o) => o.value));
      else if (spec.type === 'boolean') parts[key] = fc.boolean();
      else if (spec.type === 'integer') parts[key] = fc.integer({ min: spec.min, max: Math.min(spec.max, spec.min + 5000) });
    }
    return fc.record(parts, { requiredKeys: [] });
  };
  const designArb = fc
    .array(fc.constantFrom(...services), { minLength: 2, maxLength: 7 })
    .chain((list) => fc.tuple(fc.tuple(...list.map((s) => settingsArb(s).map((settings) => [s, settings] as [string, LooseSettings]))), fc.array(fc.tuple(fc.nat(list.length - 1), fc.nat(list.length - 1)), { maxLength: 10 })))
    .map(([nodes, pairs]) => {
      const byId = Object.fromEntries(nodes.map((n, i) => [`n${i}`, n]));
      const edges = [...new Set(pairs.map(([a, b]) => `n${a}>n${b}`))];
      return build(byId, edges);
    });
  const workloadArb = fc.record({
    ingestGBPerDay: fc.double({ min: 0.001, max: 20_000, noNaN: true }),
    recordBytes: fc.integer({ min: 1, max: 200_000 }),
    peakFactor: fc.double({ min: 1, max: 10, noNaN: true }),
    horizonDays: fc.integer({ min: 1, max: 2555 }),
  });

  /** A sum taken in another order: equal up to rounding, relative to its size (bills reach $10^10 over a horizon). */
  const expectSum = (actual: number, sum: number) => expect(Math.abs(actual - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));

  it('cost never falls as the volume grows, and is never NaN, Infinity or negative', () => {
    fc.assert(
      fc.property(designArb, workloadArb, fc.double({ min: 1, max: 100, noNaN: true }), (design, workload, factor) => {
        const scenario = scenarioOf(workload);
        const before = simulate(design, scenario, catalog).cost;
        const after = simulate(design, applyWhatIf(scenario, { volumeFactor: factor }), catalog).cost;
        for (const c of [before, after]) {
          for (const n of c.nodes) {
            for (const x of [n.averageMonthlyUsd, n.firstMonthUsd, n.lastMonthUsd, n.horizonUsd, ...n.lines.map((l) => l.usdPerMonth)]) {
              expect(Number.isFinite(x)).toBe(true);
              expect(x).toBeGreaterThanOrEqual(0);
            }
          }
          for (const s of c.services) {
            expect(s.monthlyUsd).toHaveLength(c.months);
            for (const x of [...s.monthlyUsd, s.horizonUsd]) {
              expect(Number.isFinite(x)).toBe(true);
              expect(x).toBeGreaterThanOrEqual(0);
            }
            const nodes = c.nodes.filter((n) => n.service === s.service);
            expect(s.nodeCount).toBe(nodes.length);
            expectSum(
              s.horizonUsd,
              nodes.reduce((a, n) => a + n.horizonUsd, 0),
            );
          }
          // Every priced node's service has a series, and the totals are the sum of the services.
          expect(new Set(c.nodes.map((n) => n.service))).toEqual(new Set(c.services.map((s) => s.service)));
          c.monthlyTotalUsd.forEach((total, m) =>
            expectSum(
              total,
              c.services.reduce((a, s) => a + s.monthlyUsd[m]!, 0),
            ),
          );
          expectSum(
            c.horizonTotalUsd,
            c.services.reduce((a, s) => a + s.horizonUsd, 0),
          );
        }
        const tolerance = (x: number) => 1e-9 * Math.max(1, x);
        expect(after.horizonTotalUsd).toBeGreaterThanOrEqual(before.horizonTotalUsd - tolerance(before.horizonTotalUsd));
        for (const s of before.services) {
          const m = after.services.find((x) => x.service === s.service)!;
          s.monthlyUsd.forEach((usd, i) => expect(m.monthlyUsd[i]!).toBeGreaterThanOrEqual(usd - tolerance(usd)));
        }
        for (const n of before.nodes) expect(after.nodes.find((x) => x.nodeId === n.nodeId)!.horizonUsd).toBeGreaterThanOrEqual(n.horizonUsd - tolerance(n.horizonUsd));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a priced service costs something once data flows through it: no item is silently dropped', () => {
    // Every data-carrying entry with items fed 1 MB/s under its default settings has a finite, non-negative
    // total, and one line per item in force (lines of 0 included).
    for (const e of catalog.entries.filter((x) => x.pricing?.items.length)) {
      const cost = bill(chain('log-producers', e.id), 'n2');
      const inForce = e.pricing!.items.filter((i) => Object.entries(i.when ?? {}).every(([k, v]) => withDefault(e.id, k) === v));
      const expectedLines = inForce.filter((i) => i.quantity.kind !== 'lifecycleStoredGB').length;
      expect(cost.lines.length, e.id).toBeGreaterThanOrEqual(expectedLines);
      expect(cost.horizonUsd).toBeGreaterThanOrEqual(0);
    }
  });
});

/** A setting's default in the catalog. */
function withDefault(service: string, key: string): unknown {
  return catalog.byId.get(service)!.settings[key]?.default;
}
