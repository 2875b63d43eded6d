/**
 * setting-value: nodes in a scope have a setting at an expected value: DMS validation on, Flink
 * checkpointing on, Route 53 latency-based routing, Glue data-quality checks, and the like. The scope
 * is a kind list or a selector (`lake.ts`), so a requirement can reach a setting of the source of a
 * path: `{"kinds": ["database-source"], "sendsTo": ["cdc"]}` is every source database read by change
 * data capture. `match: "any"` asks only that at least one node in scope has the value (DynamoDB
 * Streams on for some table).
 */
import { z } from 'zod';
import { describeScope, nearMisses, scopeSchema, selectNodes } from '../src/domain/lake.ts';
import { defineRule, sentenceCase, settingKeySchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'setting-value',
  title: 'A setting has the value the requirement needs',
  summary: 'every node (or at least one) in a scope has a setting at a value',
  pillar: 'operational-excellence',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html',
  params: z
    .strictObject({
      /** The nodes checked: a kind list or a selector (kinds, where, sendsTo, receivesFrom, downstreamOf, upstreamOf, except). */
      kinds: scopeSchema,
      setting: settingKeySchema,
      /** Accepted values (enum option values, booleans or numbers). */
      equals: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
      /** For integer settings: the smallest accepted value. */
      minimum: z.number().optional(),
      /** For integer settings: the largest accepted value. */
      maximum: z.number().optional(),
      /** `every` node in scope must have the value (default), or `any`: at least one of them. */
      match: z.enum(['every', 'any']).default('every'),
      /** Fail when no node in scope exists (default: the requirement does not apply). */
      requirePresent: z.boolean().default(false),
    })
    .refine((p) => p.equals !== undefined || p.minimum !== undefined || p.maximum !== undefined, { message: 'give "equals", "minimum" or "maximum"' }),
  check(design, params, ctx) {
    const nodes = selectNodes(design, params.kinds).filter((n) => Object.hasOwn(n.entry.settings, params.setting));
    if (!nodes.length) {
      const what = describeScope(params.kinds, ctx.catalog);
      const near = nearMisses(design, params.kinds).filter((n) => Object.hasOwn(n.entry.settings, params.setting));
      if (params.requirePresent)
        return ctx.fail({
          code: 'missing',
          nodeIds: near.map((n) => n.id),
          message: `${sentenceCase(what)} is missing from the design${near.length ? `: ${near.map((n) => n.label).join(', ')} ${near.length === 1 ? 'is' : 'are'} not in that position` : ''}.`,
          remediation: near.length ? `Connect ${near.map((n) => n.label).join(', ')} as the requirement describes (${what}).` : `Add ${what} from the palette.`,
        });
      return ctx.notApplicable(`${sentenceCase(what)} is not in the design.`);
    }
    const spec0 = nodes[0]!.entry.settings[params.setting]!;
    const show = (v: unknown, spec = spec0) => (spec.type === 'enum' ? (spec.options.find((o) => o.value === v)?.label ?? String(v)) : spec.type === 'boolean' ? (v ? 'on' : 'off') : String(v));
    const expected = (spec = spec0) =>
      [...(params.equals ?? []).map((v) => show(v, spec)), ...(params.minimum !== undefined ? [`at least ${params.minimum}`] : []), ...(params.maximum !== undefined ? [`at most ${params.maximum}`] : [])].join(
        params.equals ? ' or ' : ' and ',
      );
    const ok = (value: unknown) =>
      (params.equals === undefined || params.equals.includes(value as string | number | boolean)) &&
      (params.minimum === undefined || (typeof value === 'number' && value >= params.minimum)) &&
      (params.maximum === undefined || (typeof value === 'number' && value <= params.maximum));
    const wrong = nodes.filter((n) => !ok(n.settings[params.setting]));
    if (params.match === 'any') {
      if (wrong.length < nodes.length) return;
      return ctx.fail({
        code: 'none-set',
        nodeIds: nodes.map((n) => n.id),
        message: `None of ${nodes.map((n) => n.label).join(', ')} has ${spec0.label} ${expected()}.`,
        remediation: `Set ${spec0.label} to ${expected()} on at least one of them.`,
      });
    }
    for (const n of wrong) {
      const spec = n.entry.settings[params.setting]!;
      ctx.fail({ code: 'wrong-value', nodeIds: [n.id], message: `${n.label}: ${spec.label} is ${show(n.settings[params.setting], spec)}; expected ${expected(spec)}.`, remediation: `Set ${spec.label} to ${expected(spec)}.` });
    }
  },
});
