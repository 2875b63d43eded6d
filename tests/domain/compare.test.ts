/** Comparing a design with the model answer maps services by role family, not by catalog id. */
import { describe, expect, it } from 'vitest';
import { compareDesigns, roleFamily } from '../../src/domain/compare.ts';
import { build, content } from '../support/designs.ts';

const compare = (learner: Parameters<typeof build>[0], reference: Parameters<typeof build>[0]) => compareDesigns(build(learner), build(reference), content.catalog);
const pairs = (c: ReturnType<typeof compareDesigns>) => c.matched.map((m) => [m.learner.id, m.reference.id, m.family, m.basis]);

describe('compareDesigns', () => {
  it('matches an AWS Glue job with an Amazon EMR cluster: both process', () => {
    const c = compare({ glue: 'aws-glue' }, { emr: 'amazon-emr' });
    expect(pairs(c)).toEqual([['glue', 'emr', 'process', 'same-role']]);
    expect(c.matched[0]!.sharedRoles).toContain('batch-processor');
    expect(c.learnerOnly).toEqual([]);
    expect(c.referenceOnly).toEqual([]);
  });

  it('matches Amazon MSK with Kinesis Data Streams: both ingest (a stream, not a store)', () => {
    const c = compare({ msk: 'amazon-msk' }, { kds: 'amazon-kinesis-data-streams' });
    expect(pairs(c)).toEqual([['msk', 'kds', 'ingest', 'same-role']]);
  });

  it('reports a missing warehouse as reference-only, and extra services as learner-only', () => {
    const c = compare(
      { dev: 'iot-devices', kds: 'amazon-kinesis-data-streams', s3: 'amazon-s3', lambda: 'aws-lambda', ddb: 'amazon-dynamodb' },
      { dev: 'iot-devices', kds: 'amazon-kinesis-data-streams', lake: 'amazon-s3', rs: 'amazon-redshift' },
    );
    expect(pairs(c)).toEqual([
      ['dev', 'dev', 'source', 'same-service'],
      ['kds', 'kds', 'ingest', 'same-service'],
      ['s3', 'lake', 'store', 'same-service'],
      ['ddb', 'rs', 'store', 'same-family'],
    ]);
    // DynamoDB took the store slot the warehouse had; with two stores in the reference one is left over.
    const c2 = compare({ s3: 'amazon-s3' }, { lake: 'amazon-s3', rs: 'amazon-redshift' });
    expect(c2.referenceOnly.map((n) => [n.id, n.family, n.name])).toEqual([['rs', 'store', 'Amazon Redshift']]);
    expect(c.learnerOnly.map((n) => [n.id, n.family])).toEqual([['lambda', 'process']]);
  });

  it('prefers the same service, then a shared specific role, before pairing by family only', () => {
    // The learner's Flink (stream processor) pairs with the reference's streaming Glue job, not the batch EMR.
    const c = compare({ lambda: 'aws-lambda', flink: 'amazon-managed-service-for-apache-flink' }, { emr: 'amazon-emr', glue: ['aws-glue', { jobType: 'streaming' }] });
    expect(pairs(c)).toEqual([
      ['flink', 'glue', 'process', 'same-role'],
      ['lambda', 'emr', 'process', 'same-family'],
    ]);
  });

  it('reads roles that settings add (a Glue job set to streaming is a stream processor)', () => {
    const c = compare({ glue: ['aws-glue', { jobType: 'streaming' }] }, { flink: 'amazon-managed-service-for-apache-flink' });
    expect(c.matched[0]!.sharedRoles).toEqual(['stream-processor']);
  });

  it('leaves group nodes and unknown services out, and keeps families in pipeline order', () => {
    const c = compare({ region: 'aws-region', ql: 'amazon-quicksight', x: 'no-such-service', kds: 'amazon-kinesis-data-streams' }, { region: 'aws-region' });
    expect(c.matched).toEqual([]);
    expect(c.learnerOnly.map((n) => n.family)).toEqual(['ingest', 'visualise']);
    expect(c.referenceOnly).toEqual([]);
  });
});

describe('roleFamily', () => {
  it.each([
    [['stream', 'data-store'], 'ingest'],
    [['data-store', 'warehouse', 'query-engine'], 'store'],
    [['query-engine'], 'query'],
    [['data-store', 'log-store'], 'monitor'],
    [['key-management'], 'secure'],
    [['metadata-catalog'], 'govern'],
    [['dashboard'], 'visualise'],
    [['vpc', 'network'], 'none'],
    [['note'], 'none'],
    [['something-new'], 'other'],
  ])('%j is %s', (roles, family) => expect(roleFamily(roles)).toBe(family));

  it('gives every catalog service a family', () => {
    const unknown = [...content.catalog.byId.values()].filter((e) => roleFamily(e.roles) === 'other').map((e) => e.id);
    expect(unknown).toEqual([]);
  });
});
