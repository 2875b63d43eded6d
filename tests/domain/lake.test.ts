/** Graph helpers for consistency rules: effective bucket format, scopes, query readers, guarantees. */
import { describe, expect, it } from 'vitest';
import { catalogEntrySchema } from '../../src/domain/catalog-schema.ts';
import { catalogEntryProblems } from '../../src/domain/catalog-checks.ts';
import { DesignGraph } from '../../src/domain/graph.ts';
import { bucketFormat, describeScope, guaranteeOf, readersOf, selectNodes, sinkReachedFrom } from '../../src/domain/lake.ts';
import { build, content } from '../support/designs.ts';

const graph = (...args: Parameters<typeof build>) => new DesignGraph(build(...args), content.catalog);
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe('bucketFormat', () => {
  it('takes the format a converting Firehose writes over the bucket setting, and lists the contradiction', () => {
    const g = graph({ f: ['amazon-data-firehose', { recordFormatConversion: 'parquet' }], b: ['amazon-s3', { format: 'json' }] }, ['f>b']);
    expect(bucketFormat(g, g.node('b')!)).toEqual({ declared: 'json', formats: ['parquet'], contradictions: [{ writerId: 'f', format: 'parquet', setting: 'Record format conversion', choice: 'Apache Parquet' }] });
  });
  it('keeps the bucket setting when the writer can produce it (Firehose delivering CSV as received)', () => {
    const g = graph({ f: 'amazon-data-firehose', b: ['amazon-s3', { format: 'csv' }] }, ['f>b']);
    expect(bucketFormat(g, g.node('b')!)).toMatchObject({ formats: ['csv'], contradictions: [] });
  });
  it('lists every format when writers disagree (a Glue job writing the bucket format beside a converting Firehose)', () => {
    const g = graph({ f: ['amazon-data-firehose', { recordFormatConversion: 'orc' }], j: ['aws-glue', { jobType: 'etl' }], b: ['amazon-s3', { format: 'parquet' }] }, ['f>b', 'j>b']);
    expect(bucketFormat(g, g.node('b')!).formats.sort()).toEqual(['orc', 'parquet']);
  });
  it('follows replication and stops at a replication loop', () => {
    const g = graph({ f: ['amazon-data-firehose', { recordFormatConversion: 'parquet' }], a: ['amazon-s3', { format: 'parquet' }], b: ['amazon-s3', { format: 'parquet' }] }, ['f>a', 'a>b', 'b>a']);
    expect(bucketFormat(g, g.node('b')!)).toMatchObject({ formats: ['parquet'], contradictions: [] });
  });
  it('follows a web of replicas once per bucket (40 buckets, each replicated from every earlier one)', () => {
    const n = 40;
    const nodes = Object.fromEntries([['f', ['amazon-data-firehose', { recordFormatConversion: 'parquet' }]], ...Array.from({ length: n }, (_, i) => [`b${i}`, ['amazon-s3', { format: 'parquet' }]])]);
    const edges = ['f>b0', ...Array.from({ length: n }, (_, j) => Array.from({ length: j }, (_, i) => `b${i}>b${j}`)).flat()];
    const g = graph(nodes, edges);
    expect(bucketFormat(g, g.node(`b${n - 1}`)!)).toMatchObject({ formats: ['parquet'], contradictions: [] });
  });
  it('is the bucket setting when nothing writes the bucket', () => {
    const g = graph({ b: ['amazon-s3', { format: 'avro' }] });
    expect(bucketFormat(g, g.node('b')!).formats).toEqual(['avro']);
  });
});

describe('selectNodes', () => {
  const lake = graph(
    { a: 'web-mobile-apps', f: ['amazon-data-firehose', { recordFormatConversion: 'parquet' }], raw: ['amazon-s3', { zone: 'bronze', format: 'json' }], ct: 'aws-cloudtrail', logs: 'amazon-s3', cat: 'aws-glue-data-catalog' },
    ['a>f', 'f>raw', 'ct>logs'],
  );
  it('selects by kind, by flow position and by the effective format', () => {
    expect(ids(selectNodes(lake, ['object-store']))).toEqual(['logs', 'raw']);
    expect(ids(selectNodes(lake, { kinds: ['object-store'], downstreamOf: ['source'] }))).toEqual(['raw']);
    expect(ids(selectNodes(lake, { kinds: ['object-store'], where: { format: ['parquet'] } }))).toEqual(['raw']);
    expect(ids(selectNodes(lake, { kinds: ['amazon-data-firehose'], sendsTo: ['object-store'] }))).toEqual(['f']);
    expect(ids(selectNodes(lake, { upstreamOf: ['object-store'] }))).toEqual(['a', 'f']);
  });
  it('unites the entries of a list and leaves out what except selects', () => {
    expect(ids(selectNodes(lake, [{ kinds: ['object-store'], downstreamOf: ['source'] }, 'metadata-catalog']))).toEqual(['cat', 'raw']);
    expect(ids(selectNodes(lake, { kinds: ['object-store'], except: { receivesFrom: ['audit'] } }))).toEqual(['raw']);
  });
  it('says in words what it selects', () => {
    expect(describeScope({ kinds: ['object-store'], downstreamOf: ['source'] }, content.catalog)).toBe('an object store (S3) fed by a data source');
    expect(describeScope([{ kinds: ['object-store'], where: { zone: ['bronze', 'silver'] } }, 'metadata-catalog'], content.catalog)).toBe('a metadata catalog, or an object store (S3) with zone bronze or silver');
    expect(describeScope({ kinds: ['object-store'], except: { receivesFrom: ['audit'] } }, content.catalog)).toBe('an object store (S3) but not those written by an audit trail');
  });
});

describe('readersOf', () => {
  it('finds the query engines that read the records, not aggregates of them or another copy', () => {
    const g = graph({ b: 'amazon-s3', direct: 'amazon-athena', load: 'aws-glue', r1: 'amazon-redshift', agg: ['aws-glue', { aggregationFactor: 24 }], r2: 'amazon-redshift', copy: 'amazon-s3', a2: 'amazon-athena' }, [
      'b>direct',
      'b>load',
      'load>r1',
      'b>agg',
      'agg>r2',
      'b>copy',
      'copy>a2',
    ]);
    expect(ids(readersOf(g, g.node('b')!, ['query-engine']))).toEqual(['direct', 'r1']);
  });
});

describe('sinkReachedFrom', () => {
  it('reaches an alerting service over a final control edge', () => {
    const g = graph({ l: 'aws-lambda', sns: 'amazon-sns' }, ['l>sns']);
    expect(sinkReachedFrom(g, 'l', ['alerting'])?.sink.id).toBe('sns');
  });
});

describe('guarantees', () => {
  it('hold only while their settings are in force', () => {
    const g = graph({ on: 'amazon-managed-service-for-apache-flink', off: ['amazon-managed-service-for-apache-flink', { checkpointing: false }], batch: ['aws-glue', { jobType: 'etl' }], stream: ['aws-glue', { jobType: 'streaming' }] });
    expect(['on', 'off', 'batch', 'stream'].map((id) => guaranteeOf(g.node(id)!, 'checkpointing') !== undefined)).toEqual([true, false, false, true]);
  });
  it('are refused at load when they name a setting the entry does not have', () => {
    const entry = structuredClone(content.catalog.byId.get('amazon-data-firehose')!) as Record<string, unknown>;
    entry.constraints = [{ id: 'x-limit', when: { noSuchSetting: [true] }, setting: 'bufferSizeMiB', minimum: 1, reason: 'A reason long enough.', source: 'https://docs.aws.amazon.com/firehose/', asOf: '2026-12-02' }];
    const problems = catalogEntryProblems(catalogEntrySchema.parse(entry), content.catalog);
    expect(problems).toContainEqual({ path: ['constraints', 0, 'when', 'noSuchSetting'], message: 'no setting "noSuchSetting" in this entry' });
  });
});
