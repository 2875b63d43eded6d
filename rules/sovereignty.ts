/**
 * sovereignty: personal data that sits in an allowed Region (by default an EU member-state Region,
 * role `eu-region` of the AWS Region group's `regionCode` option) never flows to a node outside those
 * Regions. Personal data starts at the `personalData` kinds placed in allowed Regions and follows data
 * edges; an S3 bucket whose `dataClassification` is `anonymised` stops it (aggregates may leave).
 * A receiving node outside every Region group counts as leaving: its Region is unknown.
 */
import { z } from 'zod';
import { defineRule, describeKinds, kindsSchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'sovereignty',
  title: 'Personal data stays in its jurisdiction',
  summary: 'personal data stays in allowed Regions (groups)',
  pillar: 'security',
  docUrl: 'https://docs.aws.amazon.com/whitepapers/latest/navigating-gdpr-compliance/data-residency.html',
  params: z.strictObject({
    /** Kinds of node that hold or produce personal data. */
    personalData: kindsSchema,
    /** Kinds of Region group the data must stay in. */
    allowedRegions: kindsSchema.default(['eu-region']),
  }),
  check(design, params, ctx) {
    const regionOf = (id: string) => design.groupOf(id, ['region']);
    const allowed = (id: string) => {
      const r = regionOf(id);
      return r !== undefined && params.allowedRegions.some((k) => r.roles.has(k) || r.service === k);
    };
    const where = describeKinds(params.allowedRegions, ctx.catalog);
    const starts = design.nodesOf(params.personalData).filter((n) => allowed(n.id));
    if (!starts.length)
      return ctx.fail({
        code: 'not-in-region',
        nodeIds: design.nodesOf(params.personalData).map((n) => n.id),
        message: `No ${describeKinds(params.personalData, ctx.catalog)} is placed in an AWS Region group of ${where}, so where the personal data lives cannot be checked.`,
        remediation: `Add an AWS Region group, set its Region to one of ${where}, and place the services that handle personal data inside it.`,
      });
    // Follow personal data along data edges, stopping at anonymised stores.
    const carrying = new Set(starts.map((n) => n.id));
    const stack = [...carrying];
    while (stack.length) {
      const id = stack.pop()!;
      for (const e of design.out(id)) {
        const t = design.node(e.target)!;
        if (!e.data || carrying.has(t.id) || t.settings.dataClassification === 'anonymised') continue;
        carrying.add(t.id);
        stack.push(t.id);
      }
    }
    for (const e of design.edges) {
      if (!e.data || !carrying.has(e.source) || !allowed(e.source) || allowed(e.target)) continue;
      const s = design.node(e.source)!;
      const t = design.node(e.target)!;
      const region = regionOf(t.id);
      ctx.fail({
        code: 'leaves-region',
        nodeIds: [s.id, t.id],
        edgeIds: [e.id],
        message: `${s.label} sends personal data to ${t.label}, ${region ? `in ${region.label} (${String(region.settings.regionCode)})` : 'which is not in any AWS Region group'}: outside ${where}.`,
        remediation: region
          ? `Keep the data in ${where}: replicate only anonymised or aggregated data (set the bucket's data classification to Anonymised), or move ${t.label} into an allowed Region.`
          : `Place ${t.label} inside an AWS Region group of ${where}.`,
      });
    }
  },
});
