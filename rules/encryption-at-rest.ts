/**
 * encryption-at-rest: every data store is encrypted at rest, with an AWS KMS key where the scenario asks
 * for one. Reads each data store's `encryption` setting, whose catalog options say what they give
 * (`atRest`: none, service-key, kms).
 */
import { z } from 'zod';
import { defineRule, kindSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'encryption-at-rest',
  title: 'Every data store is encrypted at rest',
  summary: 'every data store encrypted; KMS where asked',
  pillar: 'security',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/protecting-data-at-rest.html',
  params: z.strictObject({
    /** Kinds whose encryption must use an AWS KMS key (AWS managed or customer managed). */
    kmsRequiredFor: z.array(kindSchema).default([]),
  }),
  check(design, params, ctx) {
    const stores = design.nodesOf(['data-store']);
    if (!stores.length) return ctx.notApplicable('The design has no data store.');
    for (const node of stores) {
      const spec = node.entry.settings.encryption;
      if (spec?.type !== 'enum') continue;
      const chosen = spec.options.find((o) => o.value === node.settings.encryption);
      const atRest = chosen?.atRest ?? 'none';
      const kmsOptions = spec.options.filter((o) => o.atRest === 'kms').map((o) => o.label);
      if (atRest === 'none') ctx.fail({ code: 'unencrypted', nodeIds: [node.id], message: `${node.label} stores data unencrypted at rest.`, remediation: `Set its encryption to ${kmsOptions[0] ?? 'a server-side encryption option'}.` });
      else if (atRest !== 'kms' && params.kmsRequiredFor.some((k) => k === node.service || node.roles.has(k)))
        ctx.fail({
          code: 'kms-key-required',
          nodeIds: [node.id],
          message: `${node.label} is encrypted with ${chosen?.label ?? 'a service key'}; this scenario asks for AWS KMS keys on ${node.entry.name}.`,
          remediation: `Set its encryption to ${kmsOptions.join(' or ')}.`,
        });
    }
  },
});
