import { build, grouped } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const params = { group: ['region'], requires: [['object-store'], ['aws-lake-formation'], ['warehouse']], minGroups: 2 };
const regions = (second: string[]) =>
  grouped(build({ eu: ['aws-region', { regionCode: 'eu-west-1' }], us: 'aws-region', s1: 'amazon-s3', lf1: 'aws-lake-formation', r1: 'amazon-redshift', s2: 'amazon-s3', lf2: 'aws-lake-formation', r2: 'amazon-redshift' }), {
    s1: 'eu',
    lf1: 'eu',
    r1: 'eu',
    ...Object.fromEntries(second.map((id) => [id, 'us'])),
  });

ruleTable('group-contents', {
  valid: [{ name: 'a lake with governance and a warehouse in each of two Regions', design: regions(['s2', 'lf2', 'r2']), params }],
  invalid: [
    { name: 'the second Region has no Lake Formation', design: regions(['s2', 'r2']), params, nodes: ['us'], codes: ['group-incomplete'], mentions: ['AWS Lake Formation'] },
    { name: 'only one Region group', design: grouped(build({ eu: 'aws-region', s: 'amazon-s3', lf: 'aws-lake-formation', r: 'amazon-redshift' }), { s: 'eu', lf: 'eu', r: 'eu' }), params, nodes: ['eu'], codes: ['too-few-groups'] },
  ],
});
