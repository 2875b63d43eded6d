/**
 * The contradictions and requirement kinds issue 9 lists, on shipped scenarios: each variant of a
 * reference design is graded against the scenario's own requirements, as a learner's edit would be.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { content } from '../support/designs.ts';

const scenario = (id: string) => content.scenarios.find((s) => s.scenario.id === id)!;
const iot = scenario('iot-5tb-day');
const result = (design: Design, requirementId: string, s = iot) => grade(design, s.scenario, content.catalog, content.rules).results.find((r) => r.requirementId === requirementId)!;
const codes = (r: ReturnType<typeof result>) => [...new Set(r.findings.map((f) => f.code))].sort();

type Change = { nodes?: Design['nodes']; settings?: Record<string, Record<string, unknown>>; addEdges?: [string, string][]; dropNodes?: string[] };
/** A scenario's reference design with nodes added or changed and edges added or removed. */
function variant(change: Change, s = iot): Design {
  const d = structuredClone(s.reference);
  const dropped = new Set(change.dropNodes ?? []);
  d.nodes = [...d.nodes.filter((n) => !dropped.has(n.id)), ...(change.nodes ?? [])].map((n) => (change.settings?.[n.id] ? { ...n, settings: { ...n.settings, ...change.settings[n.id] } as typeof n.settings } : n));
  d.edges = [...d.edges.filter((e) => !dropped.has(e.source) && !dropped.has(e.target)), ...(change.addEdges ?? []).map(([source, target]) => ({ id: `${source}>${target}`, source, target }))];
  return d;
}
const node = (id: string, service: string, settings: Record<string, unknown> = {}) => ({ id, service, position: { x: 0, y: 600 }, settings: settings as Design['nodes'][number]['settings'] });

describe('consistency on the IoT scenario', () => {
  it('the reference passes governance, retention and lake zones', () => {
    for (const id of ['governance', 'retention', 'lake-zones']) expect(result(iot.reference, id).status, id).toBe('pass');
  });

  it('a CloudTrail log bucket is not dragged into governance over the lake', () => {
    const withTrail = variant({ nodes: [node('trail', 'aws-cloudtrail'), node('trail-logs', 'amazon-s3')], addEdges: [['trail', 'trail-logs']] });
    expect(result(withTrail, 'governance').status).toBe('pass');
    // ... while a lake bucket outside Lake Formation still fails.
    const ungoverned = variant({ nodes: [node('extra', 'amazon-s3', { zone: 'gold', format: 'parquet' })], addEdges: [['glue-daily', 'extra']] });
    expect(result(ungoverned, 'governance').findings.flatMap((f) => f.nodeIds)).toEqual(['extra']);
  });

  it('a derived Silver copy may expire after the hot period while Bronze keeps the data 7 years', () => {
    const silverExpires = variant({ settings: { 's3-silver': { lifecycleTransitions: [], expirationDays: 180 } } });
    expect(result(silverExpires, 'retention').status).toBe('pass');
    // Not when Bronze does not keep it either.
    const bothExpire = variant({ settings: { 's3-silver': { lifecycleTransitions: [], expirationDays: 180 }, 's3-bronze': { expirationDays: 365 } } });
    expect([...new Set(result(bothExpire, 'retention').findings.flatMap((f) => f.nodeIds))].sort()).toEqual(['s3-bronze', 's3-silver']);
  });

  it('the hot data is not queryable through a warehouse of daily aggregates alone', () => {
    const noAthena = variant({ dropNodes: ['athena'] });
    expect(codes(result(noAthena, 'retention'))).toEqual(['not-queryable']);
  });

  it('a Firehose converting to Parquet makes its bucket Parquet: a Bronze bucket set to JSON is a contradiction', () => {
    const firehose = variant({
      nodes: [node('fh', 'amazon-data-firehose', { recordFormatConversion: 'parquet', bufferSizeMiB: 64, bufferIntervalSeconds: 60 })],
      addEdges: [
        ['kds', 'fh'],
        ['fh', 's3-bronze'],
      ],
    });
    const lake = result(firehose, 'lake-zones');
    expect(codes(lake)).toEqual(['format-contradiction', 'zone-layout']);
    expect(lake.findings.find((f) => f.code === 'format-contradiction')!.nodeIds.sort()).toEqual(['fh', 's3-bronze']);
  });
});

describe('the new requirement kinds on their scenarios', () => {
  const shop = scenario('ecommerce-realtime-100k');
  const flinkId = shop.reference.nodes.find((n) => n.service === 'amazon-managed-service-for-apache-flink')!.id;
  const lambdaId = shop.reference.nodes.find((n) => n.service === 'aws-lambda')!.id;

  it('fraud detection fails with a 5-minute window on the stream processor', () => {
    expect(result(shop.reference, 'fraud-window', shop).status).toBe('pass');
    const slow = variant({ settings: { [flinkId]: { windowSeconds: 300 } } }, shop);
    expect(codes(result(slow, 'fraud-window', shop))).toEqual(['window-too-long']);
  });

  it('exactly-once fails when the stream processor stops checkpointing', () => {
    const noCheckpoints = variant({ settings: { [flinkId]: { checkpointing: false } } }, shop);
    const r = result(noCheckpoints, 'exactly-once', shop);
    expect(codes(r)).toEqual(['no-checkpoint']);
    expect(r.findings.flatMap((f) => f.nodeIds)).toEqual([flinkId]);
  });

  it('fraud scoring accepts a SageMaker endpoint instead of Random Cut Forest', () => {
    const noRcf = variant({ settings: { [flinkId]: { anomalyDetection: 'none' } } }, shop);
    expect(result(noRcf, 'fraud-scoring', shop).status).toBe('fail');
    const endpoint = variant({ settings: { [flinkId]: { anomalyDetection: 'none' } }, nodes: [node('scorer', 'amazon-sagemaker', { workload: 'real-time-endpoint' })], addEdges: [[lambdaId, 'scorer']] }, shop);
    expect(result(endpoint, 'fraud-scoring', shop).status).toBe('pass');
  });

  it('CDC asks the Oracle source for supplemental logging', () => {
    const migration = scenario('financial-dw-migration');
    const oracleId = migration.reference.nodes.find((n) => n.service === 'on-prem-oracle')!.id;
    const off = variant({ settings: { [oracleId]: { supplementalLogging: false } } }, migration);
    const r = result(off, 'supplemental-logging', migration);
    expect([r.status, codes(r), r.findings.flatMap((f) => f.nodeIds)]).toEqual(['fail', ['wrong-value'], [oracleId]]);
  });

  it('Firehose Parquet conversion needs a 64 MiB buffer', () => {
    const oneMillion = scenario('ecommerce-1m-tx');
    const fhId = oneMillion.reference.nodes.find((n) => n.service === 'amazon-data-firehose')!.id;
    const small = variant({ settings: { [fhId]: { bufferSizeMiB: 5 } } }, oneMillion);
    const r = result(small, 'service-limits', oneMillion);
    expect([codes(r), r.findings.flatMap((f) => f.nodeIds)]).toEqual([['format-conversion-buffer'], [fhId]]);
  });
});
