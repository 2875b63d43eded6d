/**
 * The simulator against figures worked out by hand (the arithmetic is written next to each figure),
 * the IoT reference and common-mistake designs, and a property test: random designs never make it
 * throw or put NaN/Infinity in the report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from '../../src/domain/design.ts';
import type { Scenario, Workload } from '../../src/domain/scenario.ts';
import { formatGBPerDay, formatMBps, formatMs, formatPercent, formatTB, formatUsd, simulate, type SimulationReport } from '../../src/domain/simulation.ts';
import { build, chain, content, IOT_WORKLOAD } from '../support/designs.ts';

const { catalog } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const KDS = 'amazon-kinesis-data-streams';
const FLINK = 'amazon-managed-service-for-apache-flink';
const FIREHOSE = 'amazon-data-firehose';

/** A scenario with the given workload and requirements (only `data-path` ones matter to the simulator). */
function scenario(workload: Workload = IOT_WORKLOAD, requirements: Scenario['requirements'] = iot.scenario.requirements): Scenario {
  return { ...iot.scenario, workload, requirements };
}
const run = (design: Design, s: Scenario = scenario()) => simulate(design, s, catalog);
const node = (r: SimulationReport, id: string) => r.nodes.find((n) => n.nodeId === id)!;
const edge = (r: SimulationReport, id: string) => r.edges.find((e) => e.edgeId === id)!;
/** A price of the catalog's price model: the item with this label, for the option `option` when it is priced per option. */
const price = (service: string, label: string, option?: string) => {
  const p = catalog.byId.get(service)!.pricing!.items.find((i) => i.label === label)!.price;
  return option === undefined ? p.value! : p.values![option]!;
};

// 5 TB/day = 5,000 GB/day x 10^9 B / 86,400 s / 10^6 = 57.870 MB/s; at 3x peak 173.61 MB/s.
const MBPS = 57.87037;

describe('flow', () => {
  it('turns 5 TB/day into 57.9 MB/s on the edge out of the devices', () => {
    const r = run(chain('iot-devices', [KDS, { shardCount: 58 }]));
    expect(r.workload.averageIngestMBps).toBeCloseTo(MBPS, 4);
    expect(r.workload.peakIngestMBps).toBeCloseTo(173.6111, 3); // 57.87 x 3
    const e = edge(r, 'n1>n2');
    expect(e.averageMBps).toBeCloseTo(MBPS, 4);
    expect(e.averageGBPerDay).toBeCloseTo(5000, 6); // 57.87 MB/s x 86.4 = 5,000 GB/day
    expect(e.peakGBPerDay).toBeCloseTo(15000, 6); // x 3
  });

  it('carries 5 TB/day on 58 provisioned shards (58 MB/s), not on 10 (10 MB/s), and marks the bottleneck', () => {
    const ok = run(chain('iot-devices', [KDS, { capacityMode: 'provisioned', shardCount: 58 }]));
    const kds = node(ok, 'n2');
    expect(kds.capacityMBps).toBe(58); // 58 shards x 1 MB/s
    expect(kds.utilisation).toBeCloseTo(MBPS / 58, 6); // 0.9978
    expect(kds.overloaded).toBe(false);
    expect(kds.peakUtilisation).toBeCloseTo((MBPS * 3) / 58, 6); // 2.99: peaks need 174 shards
    expect(kds.overloadedAtPeak).toBe(true);
    expect(ok.bottleneck).toMatchObject({ nodeId: 'n2', overloaded: false });

    const under = run(chain('iot-devices', [KDS, { capacityMode: 'provisioned', shardCount: 10 }]));
    expect(node(under, 'n2').utilisation).toBeCloseTo(MBPS / 10, 6); // 5.79
    expect(node(under, 'n2').overloaded).toBe(true);
    expect(under.bottleneck).toMatchObject({ nodeId: 'n2', overloaded: true });
  });

  it('gives a node without a capacity limit no utilisation (not Infinity)', () => {
    const r = run(chain('iot-devices', [KDS, { shardCount: 58 }], FIREHOSE, 'amazon-s3'));
    expect(node(r, 'n3').utilisation).toBeUndefined();
    expect(node(r, 'n3').capacityMBps).toBeUndefined();
    expect(node(r, 'n3').inboundMBps).toBeCloseTo(MBPS, 4);
  });

  it('copies the volume on fan-out and sums it on fan-in', () => {
    // devices → stream → two Flink apps → one DynamoDB table: each copy carries 57.87, the table takes 2 x 57.87.
    const r = run(build({ d: 'iot-devices', k: [KDS, { capacityMode: 'on-demand' }], f1: FLINK, f2: FLINK, db: 'amazon-dynamodb' }, ['d>k', 'k>f1', 'k>f2', 'f1>db', 'f2>db']));
    expect(edge(r, 'k>f1').averageMBps).toBeCloseTo(MBPS, 4);
    expect(edge(r, 'k>f2').averageMBps).toBeCloseTo(MBPS, 4);
    expect(node(r, 'db').inboundMBps).toBeCloseTo(2 * MBPS, 4); // 115.74
  });

  it('splits the workload evenly across sources and sums it where they meet', () => {
    const r = run(build({ a: 'iot-devices', b: 'iot-devices', k: [KDS, { shardCount: 58 }] }, ['a>k', 'b>k']));
    expect(edge(r, 'a>k').averageMBps).toBeCloseTo(MBPS / 2, 4); // 28.94 each
    expect(node(r, 'k').inboundMBps).toBeCloseTo(MBPS, 4);
  });

  it('divides by the aggregation factor and shrinks Parquet to the catalog ratio, without compounding', () => {
    const parquet = catalog.byId.get('amazon-s3')!.figures.parquetVolumeFactor!.value; // 0.2 x JSON
    const r = run(
      build({ d: 'iot-devices', k: [KDS, { capacityMode: 'on-demand' }], f: [FLINK, { aggregationFactor: 60 }], db: 'amazon-dynamodb', h: [FIREHOSE, { recordFormatConversion: 'parquet' }], s: ['amazon-s3', { format: 'parquet' }] }, [
        'd>k',
        'k>f',
        'f>db',
        'k>h',
        'h>s',
      ]),
    );
    expect(node(r, 'db').inboundMBps).toBeCloseTo(MBPS / 60, 6); // 60 readings → 1 aggregate: 0.96 MB/s
    expect(edge(r, 'h>s').averageMBps).toBeCloseTo(MBPS * parquet, 6); // Firehose writes Parquet: 11.57 MB/s
    expect(r.storage.find((s) => s.nodeId === 's')!.gbPerDay).toBeCloseTo(5000 * parquet, 6); // a Parquet bucket keeps 1,000 GB/day, not 0.2 x 0.2
  });

  it('terminates on a cycle and counts the looping data once', () => {
    // d → a → b → a, and a self-loop on b: a receives 57.87 from d only; b→a closes the loop.
    const r = run(build({ d: 'iot-devices', a: 'aws-lambda', b: 'aws-lambda', s: 'amazon-s3' }, ['d>a', 'a>b', 'b>a', 'b>b', 'b>s']));
    expect(node(r, 'a').inboundMBps).toBeCloseTo(MBPS, 4);
    expect(node(r, 'b').inboundMBps).toBeCloseTo(MBPS, 4);
    expect(edge(r, 'b>a')).toMatchObject({ closesCycle: true });
    expect(edge(r, 'b>a').averageMBps).toBeCloseTo(MBPS, 4);
    expect(edge(r, 'b>b').closesCycle).toBe(true);
    expect(node(r, 's').inboundMBps).toBeCloseTo(MBPS, 4);
  });

  it('carries nothing on control edges', () => {
    const r = run(build({ d: 'iot-devices', kms: 'aws-kms', k: [KDS, { shardCount: 58 }], cw: 'amazon-cloudwatch' }, ['d>k', 'kms>k', 'k>cw']));
    expect(edge(r, 'kms>k')).toMatchObject({ data: false, averageMBps: 0, peakMBps: 0 });
    expect(edge(r, 'k>cw')).toMatchObject({ data: false, averageMBps: 0 });
    expect(node(r, 'k').inboundMBps).toBeCloseTo(MBPS, 4);
  });
});

describe('latency', () => {
  const dashboardBudget = scenario(IOT_WORKLOAD, [
    { id: 'fresh', text: 'Dashboard fresh within a minute', rule: 'data-path', params: { from: ['iot-source'], to: ['dashboard'], maxLatencyMs: 60_000 }, severity: 'error', hints: ['a', 'b', 'c'] },
  ]);
  const firehosePath = (seconds: number) => chain('iot-devices', [KDS, { shardCount: 58 }], [FIREHOSE, { bufferIntervalSeconds: seconds }], 'amazon-s3', 'amazon-athena', 'amazon-quicksight');

  // 1 GB/day (0.01157 MB/s) takes 5 x 1.048576 / 0.01157 = 453 s to fill Firehose's 5 MiB buffer, so the interval flushes first.
  const trickle = (s: Scenario): Scenario => ({ ...s, workload: { ...s.workload, ingestGBPerDay: 1 } });
  it('puts the dashboard over a 60 s budget behind a Firehose with a 300 s buffer', () => {
    const r = run(firehosePath(300), trickle(dashboardBudget));
    const q = r.sinks.find((s) => s.nodeId === 'n6')!;
    // devices 0 + Kinesis shared polling 200 + Firehose 300 s x 1,000 + S3 100 + Athena 5,000 + QuickSight direct query 5,000 = 310,300 ms
    expect(q.latencyMs).toBe(310_300);
    expect(q.criticalPath).toMatchObject({ sourceId: 'n1', nodeIds: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'], slowestNodeId: 'n3', slowestNodeMs: 300_000 });
    expect(q.budgets).toEqual([{ requirementId: 'fresh', maxLatencyMs: 60_000, latencyMs: 310_300, nodeIds: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'], withinBudget: false }]);
  });

  it('meets the budget with the buffer off', () => {
    const q = run(firehosePath(0), trickle(dashboardBudget)).sinks.find((s) => s.nodeId === 'n6')!;
    expect(q.latencyMs).toBe(10_300); // 310,300 - 300,000
    expect(q.budgets[0]!.withinBudget).toBe(true);
  });

  it('takes the slowest source as a sink’s freshness, each along its fastest path', () => {
    // d1 reaches the table through Flink (300 ms, no window); d2 only through a Lambda with a 60 s batch window.
    const r = run(build({ d1: 'iot-devices', d2: 'iot-devices', k: [KDS, { consumerType: 'enhanced-fan-out' }], f: FLINK, l: ['aws-lambda', { batchWindowSeconds: 60 }], db: 'amazon-dynamodb' }, ['d1>k', 'k>f', 'f>db', 'd2>l', 'l>db']));
    const db = r.sinks.find((s) => s.nodeId === 'db')!;
    expect(db.paths.map((p) => [p.sourceId, p.latencyMs])).toEqual([
      ['d2', 60_110], // Lambda 100 + 60 s window + DynamoDB 10
      ['d1', 380], // Kinesis enhanced fan-out 70 + Flink 300 + DynamoDB 10
    ]);
    expect(db.latencyMs).toBe(60_110);
    expect(db.criticalPath!.slowestNodeId).toBe('l');
  });

  it('lists a sink no source reaches without a latency', () => {
    const r = run(build({ k: KDS, q: 'amazon-quicksight' }, []));
    expect(r.sinks.find((s) => s.nodeId === 'q')).toMatchObject({ paths: [] });
    expect(r.sinks.find((s) => s.nodeId === 'q')!.latencyMs).toBeUndefined();
  });
});

describe('storage and cost', () => {
  const lake = (settings: Record<string, unknown>, workload: Workload = IOT_WORKLOAD) => run(chain('iot-devices', [KDS, { shardCount: 58 }], FIREHOSE, ['amazon-s3', settings]), scenario(workload));

  it('keeps 180 days in S3 Standard and the rest of 7 years in Deep Archive', () => {
    const r = lake({ lifecycleTransitions: [{ days: 180, storageClass: 'DEEP_ARCHIVE' }], expirationDays: 2555 });
    const s = r.storage[0]!;
    expect(s.gbPerDay).toBeCloseTo(5000, 6);
    // End of day 365y: data of ages 0..179 (180 days x 5 TB = 900 TB) in Standard, ages 180..365y-1
    // (365y - 180 days x 5 TB) in Deep Archive; expiration at 2,555 days removes nothing within 7 years.
    const expected = [1, 2, 3, 4, 5, 6, 7].map((y) => ({ year: y, day: 365 * y, standard: 900, deepArchive: (365 * y - 180) * 5 }));
    expect(expected.map((e) => e.deepArchive)).toEqual([925, 2750, 4575, 6400, 8225, 10050, 11875]);
    expect(s.years.map((y) => y.day)).toEqual(expected.map((e) => e.day));
    s.years.forEach((y, i) => {
      expect(y.tbByClass.STANDARD).toBeCloseTo(expected[i]!.standard, 6);
      expect(y.tbByClass.DEEP_ARCHIVE).toBeCloseTo(expected[i]!.deepArchive, 6);
      expect(y.totalTB).toBeCloseTo(expected[i]!.standard + expected[i]!.deepArchive, 6);
    });
    expect(s.years[6]!.totalTB).toBeCloseTo(12_775, 6); // 2,555 days x 5 TB
  });

  it('stops growing at the expiration age', () => {
    // 1,000 GB/day kept 30 days: from day 30 on, 30 x 1,000 GB = 30 TB, whatever the year.
    const s = lake({ expirationDays: 30 }, { ...IOT_WORKLOAD, ingestGBPerDay: 1000 }).storage[0]!;
    expect(s.years.map((y) => y.totalTB)).toEqual(
      Array(7)
        .fill(30)
        .map((v) => expect.closeTo(v, 9)),
    );
  });

  it('prices a known size at the catalog’s per-GB-month price', () => {
    // 30 TB held all month (after day 30, months of 730 h = 30.42 days): 30,000 GB x $0.023 = $690.00
    // in S3 Standard, 30,000 GB x $0.00099 = $29.70 in Deep Archive.
    expect(price('amazon-s3', 'Storage', 'STANDARD')).toBe(0.023);
    expect(price('amazon-s3', 'Storage', 'DEEP_ARCHIVE')).toBe(0.00099);
    const w = { ...IOT_WORKLOAD, ingestGBPerDay: 1000 };
    // The S3 bucket is the design's one S3 node, so its service's series is the bucket's month by month.
    const s3 = (r: SimulationReport) => r.cost.services.find((s) => s.service === 'amazon-s3' && s.nodeCount === 1)!;
    const std = s3(lake({ expirationDays: 30 }, w));
    expect(std.monthlyUsd[1]).toBeCloseTo(690, 6);
    expect(std.monthlyUsd[83]).toBeCloseTo(690, 6);
    // Month 1 fills up from empty and caps at 30 TB for its last 0.42 days:
    // (30^2 / 2 + 30 x (30.4167 - 30)) day-days x 1,000 GB / 30.4167 days = 15,205.5 GB-months x $0.023 = $349.73.
    expect(std.monthlyUsd[0]).toBeCloseTo((((30 ** 2 / 2 + 30 * (730 / 24 - 30)) * 1000) / (730 / 24)) * 0.023, 6);
    // Without expiration, month 1 averages half its end size: 30.4167 x 1,000 GB / 2 = 15,208.3 GB-months x $0.023 = $349.79.
    expect(s3(lake({}, w)).monthlyUsd[0]).toBeCloseTo((((730 / 24) * 1000) / 2) * 0.023, 6);
    const deep = s3(lake({ storageClass: 'DEEP_ARCHIVE', expirationDays: 30 }, w));
    expect(deep.monthlyUsd[5]).toBeCloseTo(29.7, 6);
  });

  it('prices Kinesis shards and PUT payload units, and sums months into years', () => {
    const r = lake({});
    const kds = r.cost.nodes.find((c) => c.nodeId === 'n2')!;
    // 58 shards x 730 h x $0.015 = $635.10; 57,870,370 B/s / 1,024 B = 56,514 records/s x 2,628,000 s
    // = 148,518.9 million records, one 25 KB payload unit each, x $0.014 = $2,079.26.
    expect(kds.lines.map((l) => l.usdPerMonth)).toEqual([expect.closeTo(635.1, 6), expect.closeTo(2079.264, 2)]);
    expect(r.cost.services.find((s) => s.service === kds.service)!.monthlyUsd).toHaveLength(84); // 2,555 days / 30.42 = 84 months of 730 h
    expect(r.cost.months).toBe(84);
    expect(r.cost.yearlyTotalUsd).toHaveLength(7);
    expect(r.cost.yearlyTotalUsd[0]).toBeCloseTo(
      r.cost.monthlyTotalUsd.slice(0, 12).reduce((a, b) => a + b, 0),
      6,
    );
    expect(r.cost.horizonTotalUsd).toBeCloseTo(
      r.cost.yearlyTotalUsd.reduce((a, b) => a + b, 0),
      4,
    );
    // Firehose bills each 1 KiB record as 5 KB: 148,518.9 million x 5,120 B = 760,417 GB, tiered:
    // 500,000 GB x $0.029 = $14,500 plus 260,417 GB x $0.025 = $6,510.42, $21,010.42 in all.
    expect(r.cost.nodes.find((c) => c.nodeId === 'n3')!.lines[0]!.usdPerMonth).toBeCloseTo(21_010.42, 1);
    // The devices are a source, not a service: neither priced nor "not priced".
    expect(r.cost.unpricedNodeIds).toEqual([]);
    expect(r.cost.nodes.map((c) => c.nodeId)).toEqual(['n2', 'n3', 'n4']);
  });
});

describe('the IoT scenario', () => {
  it('reference design: no overloaded node, every latency budget met', () => {
    const r = run(iot.reference, iot.scenario);
    expect(r.nodes.filter((n) => n.overloaded || n.overloadedAtPeak).map((n) => n.nodeId)).toEqual([]);
    // The daily job: 11.57 MB/s of Parquet x 86,400 s = 1,000,000 MB per run against 10 G.2X x 2 DPU x 20 MB/s x 3,600 s = 1,440,000 MB: 69%.
    expect(r.bottleneck).toMatchObject({ nodeId: 'glue-daily', overloaded: false, limit: { id: 'batch-run', capacity: 1_440_000 } });
    expect(r.bottleneck!.utilisation).toBeCloseTo(1_000_000 / 1_440_000, 6);
    const budgets = r.sinks.flatMap((s) => s.budgets);
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.filter((b) => !b.withinBudget)).toEqual([]);
    expect(r.sinks.find((s) => s.nodeId === 'quicksight')!.budgets.find((b) => b.requirementId === 'realtime-dashboard')!.latencyMs).toBe(15_430); // IoT Core 50 + enhanced fan-out 70 + Flink 300 + 10 s window + DynamoDB 10 + QuickSight 5,000
  });

  it('common-mistake design: the 10-shard stream is the overloaded bottleneck, and the dashboard path misses its budget', () => {
    const r = run(iot.commonMistake, iot.scenario);
    expect(r.bottleneck).toMatchObject({ nodeId: 'kds', overloaded: true });
    expect(r.bottleneck!.utilisation).toBeCloseTo(MBPS / 10, 6);
    const realtime = r.sinks.find((s) => s.nodeId === 'quicksight')!.budgets.find((b) => b.requirementId === 'realtime-dashboard')!;
    expect(realtime.withinBudget).toBe(false);
  });
});

// Random designs, as in properties.test.ts: cycles, self-loops, dangling ids, unknown services, settings of any shape.
const services = [...catalog.byId.keys(), 'not-a-service'];
const anyValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.array(fc.string()),
  fc.constant(null),
  fc.array(fc.record({ days: fc.oneof(fc.integer({ min: -5, max: 40000 }), fc.double()), storageClass: fc.constantFrom('STANDARD', 'DEEP_ARCHIVE', 'GLACIER', 'TAPE') })),
);
const settingKeys = [
  'shardCount',
  'capacityMode',
  'lifecycleTransitions',
  'expirationDays',
  'storageClass',
  'format',
  'jobType',
  'schedule',
  'bufferIntervalSeconds',
  'queryMode',
  'recordFormatConversion',
  'aggregationFactor',
  'parallelism',
  'numberOfWorkers',
  'workerType',
  'runMinutes',
  'baseRpu',
  'activeHoursPerDay',
  'nodeCount',
  'deployment',
  'scansPerDay',
  'consumerType',
  'batchWindowSeconds',
  'windowSeconds',
];
const designArb = fc.integer({ min: 0, max: 30 }).chain((n) => {
  const ids = fc.constantFrom(...Array.from({ length: n + 2 }, (_, i) => `n${i}`));
  return fc.record({
    nodes: fc.array(
      fc.record({ id: ids, service: fc.constantFrom(...services), position: fc.record({ x: fc.integer(), y: fc.integer() }), settings: fc.option(fc.dictionary(fc.constantFrom(...settingKeys), anyValue), { nil: undefined }) }),
      { maxLength: n },
    ),
    edges: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), source: ids, target: ids }), { maxLength: n * 2 }),
  });
});
const workloadArb = fc.record({
  ingestGBPerDay: fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
  recordBytes: fc.integer({ min: 1, max: 10_000_000 }),
  peakFactor: fc.double({ min: 1, max: 100, noNaN: true }),
  horizonDays: fc.option(fc.integer({ min: 1, max: 36_500 }), { nil: undefined }),
});

/** Paths of every number in the value that is NaN or infinite. */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

describe('simulating random designs', () => {
  it('never throws and never reports NaN or Infinity', () => {
    fc.assert(
      fc.property(designArb, workloadArb, (parts, workload) => {
        const design = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...parts } as Design;
        const report = simulate(design, scenario({ ...workload, ...(workload.horizonDays === undefined ? {} : { horizonDays: workload.horizonDays }) } as Workload), catalog);
        expect(nonFinite(report)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reports the IoT reference design with finite numbers only', () => {
    expect(nonFinite(run(iot.reference, iot.scenario))).toEqual([]);
  });
});

describe('format', () => {
  it('prints the figures the canvas, the panel and the grader show', () => {
    expect(formatMBps(MBPS)).toBe('57.9 MB/s');
    expect(formatMBps(10)).toBe('10 MB/s'); // as the rules print it: no ".0"
    expect(formatMBps(MBPS / 60)).toBe('0.96 MB/s');
    expect(formatMBps(0.004)).toBe('4 KB/s');
    expect(formatMBps(1500)).toBe('1.5 GB/s');
    expect(formatMBps(Number.NaN)).toBe('0 MB/s');
    expect(formatGBPerDay(5000)).toBe('5.0 TB/day');
    expect(formatGBPerDay(83.33)).toBe('83.3 GB/day');
    expect(formatTB(12_775)).toBe('12,775 TB');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(5200)).toBe('5.2 s');
    expect(formatMs(310_300)).toBe('5 min 10 s'); // 310.3 s
    expect(formatMs(108_000_000)).toBe('30 h');
    expect(formatPercent(MBPS / 10)).toBe('579%');
    expect(formatPercent((MBPS * 3) / 10)).toBe('1,736%');
    expect(formatUsd(146_912.5)).toBe('$146,913');
    expect(formatUsd(66.92)).toBe('$66.92');
    expect(formatUsd(14_440_756, true)).toBe('$14.4M');
  });
});
