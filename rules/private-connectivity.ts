/**
 * private-connectivity: services inside a VPC reach Amazon S3 and DynamoDB through a VPC endpoint in
 * the same VPC, so the traffic stays on the AWS network instead of crossing the internet. A data edge
 * between a VPC member and a target kind needs an endpoint node (role `private-connectivity`) in that
 * VPC connected to the target.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'private-connectivity',
  title: 'Traffic from the VPC to AWS services stays off the internet',
  summary: 'VPC members reach S3/DynamoDB through a VPC endpoint',
  pillar: 'security',
  docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
  params: z.strictObject({
    targets: kindsSchema.default(['object-store', 'key-value-store']),
    endpoint: kindsSchema.default(['private-connectivity']),
  }),
  check(design, params, ctx) {
    let checked = 0;
    for (const e of design.edges) {
      if (!e.data) continue;
      for (const [inside, target] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        const vpc = design.groupOf(inside, ['vpc']);
        const t = design.node(target)!;
        if (!vpc || !params.targets.some((k) => t.service === k || t.roles.has(k)) || design.groupOf(target, ['vpc'])?.id === vpc.id) continue;
        checked++;
        const endpoints = design.membersOf(vpc.id).filter((n) => params.endpoint.some((k) => n.service === k || n.roles.has(k)));
        if (endpoints.some((ep) => design.neighboursOf(ep.id, [t.service]).some((n) => n.id === t.id))) continue;
        const m = design.node(inside)!;
        ctx.fail({
          code: 'no-endpoint',
          nodeIds: [m.id, t.id],
          edgeIds: [e.id],
          message: `${m.label} in ${vpc.label} reaches ${t.label} without ${describeKinds(params.endpoint, ctx.catalog)}: the traffic goes over the internet through a NAT gateway.`,
          remediation: `Add a VPC endpoint inside ${vpc.label} and connect it to ${t.label} (a gateway endpoint for S3 and DynamoDB).`,
        });
      }
    }
    if (!checked) ctx.notApplicable('No service inside a VPC exchanges data with S3 or DynamoDB.');
  },
});
