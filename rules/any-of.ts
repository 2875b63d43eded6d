/**
 * any-of: alternatives. The requirement passes when any one of its sub-requirements passes, each
 * written as a rule and its params (e.g. fraud scoring by a SageMaker real-time endpoint, or by
 * Random Cut Forest in Managed Service for Apache Flink). When none passes, the findings of every
 * alternative are shown, each prefixed with its label, with codes `<n>:<code>` (n from 1).
 */
import { z } from 'zod';
import { defineRule } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'any-of',
  title: 'One of the accepted alternatives is in place',
  summary: 'passes when any one of its alternatives (each a rule with params) passes',
  pillar: 'operational-excellence',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html',
  params: z.strictObject({
    anyOf: z
      .array(
        z.strictObject({
          /** What this alternative is, in words shown in findings ("a SageMaker real-time endpoint"). */
          label: z.string().min(3),
          rule: z.string().min(1),
          params: z.record(z.string(), z.unknown()).default({}),
        }),
      )
      .min(2),
  }),
  nested: (params) => params.anyOf.map((a, i) => ({ rule: a.rule, params: a.params, path: ['anyOf', i] })),
  check(_design, params, ctx) {
    const outcomes = params.anyOf.map((a) => ({ alternative: a, result: ctx.evaluate(a.rule, a.params) }));
    if (outcomes.some((o) => o.result.status === 'pass')) return;
    const broken = outcomes.find((o) => o.result.status === 'error');
    if (broken) throw new Error(`alternative "${broken.alternative.label}" (${broken.alternative.rule}): ${broken.result.detail}`);
    if (outcomes.every((o) => o.result.status === 'not-applicable')) return ctx.notApplicable(outcomes.map((o) => `${o.alternative.label}: ${o.result.detail}`).join(' '));
    outcomes.forEach(({ alternative, result }, i) => {
      const prefix = `Alternative ${i + 1} (${alternative.label})`;
      if (result.status === 'not-applicable') return ctx.fail({ code: `${i + 1}:not-applicable`, message: `${prefix} is not in place: ${result.detail}`, remediation: `Build ${alternative.label}, or complete another alternative.` });
      for (const f of result.findings) ctx.fail({ ...f, code: `${i + 1}:${f.code ?? 'failed'}`, message: `${prefix}: ${f.message}` });
    });
  },
});
