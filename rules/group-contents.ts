/**
 * group-contents: every group of a kind (each AWS Region, each VPC, ...) holds the services it needs,
 * e.g. a data lake per Region: S3, Lake Formation and a warehouse in every Region group.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'group-contents',
  title: 'Each group holds the services it needs',
  summary: 'each group (Region, VPC, ...) holds the services it needs',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regions.html',
  params: z.strictObject({
    group: kindsSchema,
    /** Each entry lists kinds any one of which satisfies it. */
    requires: z.array(kindsSchema).min(1),
    /** How many such groups the design must have. */
    minGroups: z.number().int().min(1).default(1),
  }),
  check(design, params, ctx) {
    const groups = design.nodesOf(params.group).filter((g) => g.entry.group);
    const what = describeKinds(params.group, ctx.catalog);
    if (groups.length < params.minGroups)
      ctx.fail({
        code: 'too-few-groups',
        nodeIds: groups.map((g) => g.id),
        message: `The design has ${groups.length} ${what} group${groups.length === 1 ? '' : 's'}; ${params.minGroups} needed.`,
        remediation: `Add ${params.minGroups - groups.length} more ${what} group${params.minGroups - groups.length === 1 ? '' : 's'} from the palette's Groups and place the services inside.`,
      });
    for (const g of groups) {
      const members = design.membersOf(g.id);
      const missing = params.requires.filter((kinds) => !members.some((m) => kinds.some((k) => m.service === k || m.roles.has(k))));
      if (missing.length)
        ctx.fail({
          code: 'group-incomplete',
          nodeIds: [g.id],
          message: `${g.label} has no ${missing.map((k) => describeKinds(k, ctx.catalog)).join(', no ')}.`,
          remediation: `Place ${missing.map((k) => describeKinds(k, ctx.catalog)).join(' and ')} inside ${g.label}.`,
        });
    }
  },
});
