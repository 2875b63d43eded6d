import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const monitoring = { kinds: ['amazon-cloudwatch'], covers: ['stream', 'stream-processor'] };
/** Lake Formation over the buckets holding the sources' data and the Data Catalog. */
const lakeGovernance = { kinds: ['aws-lake-formation'], covers: [{ kinds: ['object-store'], downstreamOf: ['source'] }, 'metadata-catalog'] };
/** apps → Firehose → lake bucket; CloudTrail → its log bucket; the Data Catalog; Lake Formation edges as given. */
const lakeWithTrail = (governed: string[], withLakeFormation = true) =>
  build({ a: 'web-mobile-apps', f: 'amazon-data-firehose', lake: ['amazon-s3', { zone: 'bronze' }], ct: 'aws-cloudtrail', logs: 'amazon-s3', cat: 'aws-glue-data-catalog', ...(withLakeFormation ? { lf: 'aws-lake-formation' } : {}) }, [
    'a>f',
    'f>lake',
    'ct>logs',
    ...governed.map((id) => `lf>${id}`),
  ]);

ruleTable('service-coverage', {
  valid: [
    { name: 'every stage sends metrics to CloudWatch', design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink', cw: 'amazon-cloudwatch' }, ['k>f', 'k>cw', 'f>cw']), params: monitoring },
    { name: 'presence only when nothing to cover is named', design: build({ lf: 'aws-lake-formation' }), params: { kinds: ['aws-lake-formation'] } },
    { name: 'Lake Formation governs every bucket', design: build({ lf: 'aws-lake-formation', a: 'amazon-s3', b: 'amazon-s3' }, ['lf>a', 'lf>b']), params: { kinds: ['aws-lake-formation'], covers: ['object-store'] } },
    { name: 'governance over the lake leaves out the CloudTrail log bucket', design: lakeWithTrail(['lake', 'cat']), params: lakeGovernance },
    {
      name: 'lake buckets chosen by zone',
      design: lakeWithTrail(['lake']),
      params: { kinds: ['aws-lake-formation'], covers: [{ kinds: ['object-store'], where: { zone: ['bronze', 'silver', 'gold'] } }] },
    },
    {
      name: 'Macie covers the buckets classified as personal data only',
      design: build({ macie: 'amazon-macie', p: ['amazon-s3', { dataClassification: 'personal' }], agg: ['amazon-s3', { dataClassification: 'anonymised' }] }, ['macie>p']),
      params: { kinds: ['amazon-macie'], covers: { kinds: ['object-store'], where: { dataClassification: ['personal'] } } },
    },
    {
      name: 'an exception: every bucket except the ones CloudTrail writes',
      design: lakeWithTrail(['lake']),
      params: { kinds: ['aws-lake-formation'], covers: { kinds: ['object-store'], except: { receivesFrom: ['audit'] } } },
    },
  ],
  invalid: [
    { name: 'no CloudWatch at all', design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink' }, ['k>f']), params: monitoring, nodes: ['f', 'k'], codes: ['missing'] },
    {
      name: 'the stream processor is not monitored',
      design: build({ k: 'amazon-kinesis-data-streams', f: 'amazon-managed-service-for-apache-flink', cw: 'amazon-cloudwatch' }, ['k>f', 'k>cw']),
      params: monitoring,
      nodes: ['f'],
      codes: ['not-covered'],
    },
    {
      name: 'one bucket outside Lake Formation',
      design: build({ lf: 'aws-lake-formation', a: 'amazon-s3', b: 'amazon-s3' }, ['lf>a']),
      params: { kinds: ['aws-lake-formation'], covers: ['object-store'] },
      nodes: ['b'],
      codes: ['not-covered'],
    },
    { name: 'the lake bucket is not governed (the log bucket is not asked for)', design: lakeWithTrail(['cat']), params: lakeGovernance, nodes: ['lake'], codes: ['not-covered'] },
    { name: 'no Lake Formation: the lake bucket and the catalog are named, not the log bucket', design: lakeWithTrail([], false), params: lakeGovernance, nodes: ['cat', 'lake'], codes: ['missing'] },
  ],
});
