import { build, grouped } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const glueToS3 = (withEndpoint: boolean, endpointEdges = ['ep>s']) =>
  grouped(build({ v: 'amazon-vpc', g: 'aws-glue', s: 'amazon-s3', ...(withEndpoint ? { ep: 'vpc-endpoint' } : {}) }, ['s>g', 'g>s', ...(withEndpoint ? endpointEdges : [])]), { g: 'v', ...(withEndpoint ? { ep: 'v' } : {}) });

ruleTable('private-connectivity', {
  valid: [{ name: 'a Glue job in a VPC reaches S3 through a gateway endpoint', design: glueToS3(true) }],
  notApplicable: [{ name: 'nothing sits in a VPC', design: build({ g: 'aws-glue', s: 'amazon-s3' }, ['g>s']) }],
  invalid: [
    { name: 'no VPC endpoint: traffic goes over the internet', design: glueToS3(false), nodes: ['g', 's'], codes: ['no-endpoint', 'no-endpoint'], mentions: ['internet'] },
    { name: 'an endpoint not connected to the bucket does not help', design: glueToS3(true, []), nodes: ['g', 's'], codes: ['no-endpoint', 'no-endpoint'] },
  ],
});
