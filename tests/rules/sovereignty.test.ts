import { build, grouped } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = { personalData: ['web-source'] };
const eu = ['aws-region', { regionCode: 'eu-central-1' }] as [string, Record<string, unknown>];
const us = ['aws-region', { regionCode: 'us-east-1' }] as [string, Record<string, unknown>];
const london = ['aws-region', { regionCode: 'eu-west-2' }] as [string, Record<string, unknown>];
/** EU web app → EU bucket → (CRR) → second bucket in `other`. */
const lake = (other: [string, Record<string, unknown>], euBucket: Record<string, unknown> = {}) =>
  grouped(build({ eu, other, app: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', s: ['amazon-s3', euBucket], s2: 'amazon-s3' }, ['app>k', 'k>s', 's>s2']), { app: 'eu', k: 'eu', s: 'eu', s2: 'other' });

ruleTable('sovereignty', {
  valid: [
    { name: 'replication between two EU Regions', design: lake(['aws-region', { regionCode: 'eu-west-1' }]), params },
    { name: 'only anonymised data leaves the EU', design: lake(us, { dataClassification: 'anonymised' }), params },
  ],
  invalid: [
    { name: 'EU personal data replicated to us-east-1', design: lake(us), params, nodes: ['s', 's2'], codes: ['leaves-region'], mentions: ['us-east-1'] },
    { name: 'London is in Europe but outside the EU', design: lake(london), params, nodes: ['s', 's2'], codes: ['leaves-region'] },
    {
      name: 'a target outside every Region group counts as leaving',
      design: grouped(build({ eu, app: 'web-mobile-apps', k: 'amazon-kinesis-data-streams', s: 'amazon-s3' }, ['app>k', 'k>s']), { app: 'eu', k: 'eu' }),
      params,
      nodes: ['k', 's'],
      codes: ['leaves-region'],
    },
    { name: 'nothing placed in an EU Region', design: build({ app: 'web-mobile-apps', s: 'amazon-s3' }, ['app>s']), params, nodes: ['app'], codes: ['not-in-region'] },
  ],
});
