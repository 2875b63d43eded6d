/**
 * service-coverage: a service of a kind is on the canvas and, when `covers` is given, connected (in
 * either direction) to every node of the covered kinds: CloudWatch monitors every pipeline stage, Lake
 * Formation governs every lake bucket, and so on.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema, sentenceCase } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'service-coverage',
  title: 'A required service is present and covers what it must',
  pillar: 'operational-excellence',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/implement-observability.html',
  params: z.strictObject({
    /** The service kinds that must be present. */
    kinds: kindsSchema,
    /** Kinds of node each of which must be connected to one of `kinds`. */
    covers: z.array(z.string().min(1)).default([]),
  }),
  check(design, params, ctx) {
    const providers = design.nodesOf(params.kinds);
    const what = describeKinds(params.kinds, ctx.catalog);
    if (!providers.length) {
      const covered = design.nodesOf(params.covers);
      return ctx.fail({ nodeIds: covered.map((n) => n.id), message: `${sentenceCase(what)} is missing from the design.`, remediation: `Add ${what} from the palette${params.covers.length ? ` and connect it to ${describeKinds(params.covers, ctx.catalog)}` : ''}.` });
    }
    const uncovered = design.nodesOf(params.covers).filter((n) => !design.neighboursOf(n.id, params.kinds).length);
    if (uncovered.length)
      ctx.fail({
        nodeIds: uncovered.map((n) => n.id),
        message: `${uncovered.map((n) => n.label).join(', ')} ${uncovered.length === 1 ? 'is' : 'are'} not connected to ${what}.`,
        remediation: `Connect each of them to ${providers[0]!.label}.`,
      });
  },
});
