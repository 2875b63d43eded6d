/**
 * failure-handling: failed work is retried and what still fails lands somewhere it can be inspected
 * and replayed. Each node of the given kinds must send to a dead-letter queue (an Amazon SQS queue
 * whose purpose is dead-letter) and, where it has the named retry setting, have it on.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema, sentenceCase, settingKeySchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'failure-handling',
  title: 'Failures are retried and land in a dead-letter queue',
  summary: 'dead-letter queue and retries',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
  params: z.strictObject({
    kinds: kindsSchema,
    /** Whether each node needs an edge to a dead-letter queue. */
    requireDeadLetter: z.boolean().default(true),
    deadLetter: kindsSchema.default(['dead-letter-queue']),
    /** A boolean setting that must be on where the node has it (e.g. `retryOnFailure`). */
    retrySetting: settingKeySchema.optional(),
  }),
  check(design, params, ctx) {
    const nodes = design.nodesOf(params.kinds);
    if (!nodes.length) return ctx.notApplicable(`${sentenceCase(describeKinds(params.kinds, ctx.catalog))} is not in the design.`);
    for (const n of nodes) {
      if (params.requireDeadLetter && !design.out(n.id).some((e) => params.deadLetter.some((k) => design.node(e.target)!.service === k || design.node(e.target)!.roles.has(k))))
        ctx.fail({
          code: 'no-dead-letter-queue',
          nodeIds: [n.id],
          message: `${n.label} has no dead-letter queue: records that keep failing are lost.`,
          remediation: `Add an Amazon SQS queue with purpose "Dead-letter queue" and connect ${n.label} to it (on-failure destination).`,
        });
      const spec = params.retrySetting ? n.entry.settings[params.retrySetting] : undefined;
      if (params.retrySetting && spec?.type === 'boolean' && n.settings[params.retrySetting] !== true)
        ctx.fail({ code: 'retry-off', nodeIds: [n.id], message: `${n.label} does not retry failed tasks.`, remediation: `Turn on "${spec.label}" (retry with exponential backoff).` });
    }
  },
});
