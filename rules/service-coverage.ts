/**
 * service-coverage: a service of a kind is on the canvas and, when `covers` is given, connected (in
 * either direction) to every node in that scope: CloudWatch monitors every pipeline stage, Lake
 * Formation governs every bucket of the lake, and so on. `covers` is a kind list or a selector
 * (`lake.ts`), so governance over the lake can name the lake's buckets (by zone, classification or
 * the data they hold) and leave out a bucket CloudTrail writes its logs to.
 */
import { z } from 'zod';
import { describeScope, scopeSchema, selectNodes } from '../src/domain/lake.ts';
import { defineRule, describeKinds, kindSchema, kindsSchema, sentenceCase } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'service-coverage',
  title: 'A required service is present and covers what it must',
  summary: 'a service is present and connected to every node in a scope',
  pillar: 'operational-excellence',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/implement-observability.html',
  params: z.strictObject({
    /** The service kinds that must be present. */
    kinds: kindsSchema,
    /** Nodes each of which must be connected to one of `kinds`: a kind list or a selector. */
    covers: z.union([z.array(kindSchema), scopeSchema]).default([]),
  }),
  check(design, params, ctx) {
    const providers = design.nodesOf(params.kinds);
    const what = describeKinds(params.kinds, ctx.catalog);
    const covered = Array.isArray(params.covers) && !params.covers.length ? [] : selectNodes(design, params.covers);
    if (!providers.length) {
      const scope = Array.isArray(params.covers) && !params.covers.length ? '' : ` and connect it to ${describeScope(params.covers, ctx.catalog)}`;
      return ctx.fail({ code: 'missing', nodeIds: covered.map((n) => n.id), message: `${sentenceCase(what)} is missing from the design.`, remediation: `Add ${what} from the palette${scope}.` });
    }
    const uncovered = covered.filter((n) => !design.hasNeighbourOf(n.id, params.kinds));
    if (uncovered.length)
      ctx.fail({
        code: 'not-covered',
        nodeIds: uncovered.map((n) => n.id),
        message: `${uncovered.map((n) => n.label).join(', ')} ${uncovered.length === 1 ? 'is' : 'are'} not connected to ${what}.`,
        remediation: `Connect each of them to ${providers[0]!.label}.`,
      });
  },
});
