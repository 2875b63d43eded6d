/**
 * allowed-connections: every edge is one the catalog allows (`connectsTo`), so a learner who wires
 * Amazon QuickSight straight to a Kinesis data stream is told why that cannot work.
 */
import { z } from 'zod';
import { connectionAllowed } from '../src/domain/catalog.ts';
import { defineRule } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'allowed-connections',
  title: 'Every connection is one the services support',
  summary: 'every edge is one the catalog allows',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/whitepapers/latest/aws-overview/analytics.html',
  params: z.strictObject({}),
  check(design, _params, ctx) {
    if (!design.edges.length) return ctx.notApplicable('The design has no connections.');
    for (const e of design.edges) {
      const s = design.node(e.source)!;
      const t = design.node(e.target)!;
      const verdict = connectionAllowed(s.entry, t.entry, ctx.catalog);
      if (!verdict.ok)
        ctx.fail({
          code: 'connection-not-supported',
          nodeIds: [s.id, t.id],
          edgeIds: [e.id],
          message: `${s.label} → ${t.label} is not a supported connection. ${verdict.reason}`,
          remediation: 'Remove this connection and route the data through a service that can read from the source.',
        });
    }
  },
});
