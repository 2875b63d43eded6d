/**
 * setting-value: every node of a kind has a setting at an expected value: DMS validation on, Flink
 * checkpointing on, Route 53 latency-based routing, Glue data-quality checks, and the like.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema, sentenceCase } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'setting-value',
  title: 'A setting has the value the requirement needs',
  pillar: 'operational-excellence',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html',
  params: z.strictObject({
    kinds: kindsSchema,
    setting: z.string().min(1),
    /** Accepted values (enum option values, booleans or numbers). */
    equals: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** For integer settings: the smallest accepted value. */
    minimum: z.number().optional(),
    /** Fail when no node of the kinds exists (default: the requirement does not apply). */
    requirePresent: z.boolean().default(false),
  }).refine((p) => p.equals !== undefined || p.minimum !== undefined, { message: 'give "equals" or "minimum"' }),
  check(design, params, ctx) {
    const nodes = design.nodesOf(params.kinds).filter((n) => Object.hasOwn(n.entry.settings, params.setting));
    if (!nodes.length) {
      const what = describeKinds(params.kinds, ctx.catalog);
      if (params.requirePresent) return ctx.fail({ message: `${sentenceCase(what)} is missing from the design.`, remediation: `Add ${what} from the palette.` });
      return ctx.notApplicable(`${sentenceCase(what)} is not in the design.`);
    }
    for (const n of nodes) {
      const spec = n.entry.settings[params.setting]!;
      const value = n.settings[params.setting];
      const ok = (params.equals === undefined || params.equals.includes(value as string | number | boolean)) && (params.minimum === undefined || (typeof value === 'number' && value >= params.minimum));
      if (ok) continue;
      const show = (v: unknown) => (spec.type === 'enum' ? (spec.options.find((o) => o.value === v)?.label ?? String(v)) : spec.type === 'boolean' ? (v ? 'on' : 'off') : String(v));
      const expected = [...(params.equals ?? []).map(show), ...(params.minimum !== undefined ? [`at least ${params.minimum}`] : [])].join(' or ');
      ctx.fail({ nodeIds: [n.id], message: `${n.label}: ${spec.label} is ${show(value)}; expected ${expected}.`, remediation: `Set ${spec.label} to ${expected}.` });
    }
  },
});
