/**
 * exactly-once: every record affects the sinks once, even when a stage fails and replays. Each writer
 * (stream processor, function, delivery stream) between the source and the sinks must checkpoint
 * (resume from a recorded position, so nothing is skipped) and write only to sinks that absorb a
 * replay: idempotent (a write keyed by the event id, a DynamoDB conditional put) or transactional (a
 * commit tied to the checkpoint), unless it checks event ids against a dedupe store first. What
 * checkpoints and which sinks are idempotent or transactional is catalog data (`guarantees`).
 */
import { z } from 'zod';
import { isKind, type ResolvedNode } from '../src/domain/graph.ts';
import { guaranteeOf, reachedFrom, reachingTo } from '../src/domain/lake.ts';
import { defineRule, describeKinds, kindSchema, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'exactly-once',
  title: 'Each event takes effect exactly once',
  summary: 'every writer on the way checkpoints and writes to idempotent or transactional sinks, or dedupes',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/managed-flink/latest/java/how-fault.html',
  params: z.strictObject({
    from: kindsSchema.default(['source']),
    /** The sinks where the effect must be exactly once (e.g. the feature store). */
    to: kindsSchema,
    /** Kinds of stage that write records on the way and must checkpoint. */
    writers: kindsSchema.default(['stream-processor', 'function', 'delivery-stream']),
    /** Targets that are not part of the effect (failed records parked for inspection). */
    ignore: z.array(kindSchema).default(['dead-letter-queue']),
  }),
  check(design, params, ctx) {
    const downstream = reachedFrom(
      design,
      design.nodesOf(params.from).map((n) => n.id),
    );
    const sinks = design.nodesOf(params.to).filter((n) => downstream.has(n.id));
    const towardSinks = reachingTo(
      design,
      sinks.map((n) => n.id),
    );
    const writers = design.nodesOf(params.writers).filter((n) => downstream.has(n.id) && towardSinks.has(n.id));
    const to = describeKinds(params.to, ctx.catalog);
    if (!writers.length) return ctx.notApplicable(sinks.length ? `No ${describeKinds(params.writers, ctx.catalog)} writes on the way to ${to}.` : `No data of ${describeKinds(params.from, ctx.catalog)} reaches ${to}.`);
    const phrase = (kinds: readonly string[]) => kinds.map((k) => ctx.catalog.byId.get(k)?.name).filter(Boolean);
    for (const w of writers) {
      if (!guaranteeOf(w, 'checkpointing')) {
        const possible = w.entry.guarantees.find((g) => g.kind === 'checkpointing');
        const settings = Object.keys(possible?.when ?? {}).map((k) => w.entry.settings[k]?.label ?? k);
        ctx.fail({
          code: 'no-checkpoint',
          nodeIds: [w.id],
          message: `${w.label} does not checkpoint: after a failure it cannot resume where it stopped, so records are lost or written twice.`,
          remediation: possible
            ? `Turn on ${settings.join(' and ')} on ${w.label}.`
            : `Process the stream with a service that checkpoints (${phrase(['amazon-managed-service-for-apache-flink', 'aws-glue', 'aws-lambda']).join(', ')}) instead of ${w.label}.`,
        });
      }
      const dedupe = design.neighboursOf(w.id, ['data-store']).find((n) => guaranteeOf(n, 'dedupe-store'));
      if (dedupe) continue;
      for (const e of design.out(w.id)) {
        const t = design.node(e.target)!;
        if (!e.data || isKind(t, params.ignore) || !(sinks.some((s) => s.id === t.id) || towardSinks.has(t.id))) continue;
        if (absorbsReplays(t)) continue;
        ctx.fail({
          code: 'sink-not-idempotent',
          nodeIds: [w.id, t.id],
          edgeIds: [e.id],
          message: `${t.label} is neither idempotent nor transactional: when ${w.label} replays after a failure, its records land in ${t.label} twice.`,
          remediation: `Write to an idempotent or transactional sink (e.g. Amazon DynamoDB keyed by the event id), or let ${w.label} check event ids against a dedupe store (a DynamoDB table with conditional writes) before it writes.`,
        });
      }
    }
  },
});

function absorbsReplays(node: ResolvedNode): boolean {
  return guaranteeOf(node, 'idempotent-writes') !== undefined || guaranteeOf(node, 'transactional-writes') !== undefined;
}
