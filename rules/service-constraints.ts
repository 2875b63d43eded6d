/**
 * service-constraints: every node's settings respect the limits AWS documents on combinations of
 * settings, authored as data in the catalog entry's `constraints` (e.g. Amazon Data Firehose record
 * format conversion needs a buffer size of at least 64 MiB and delivers only to Amazon S3). A finding
 * names the node, the setting (or the edge) and carries the constraint's id as its code.
 */
import { z } from 'zod';
import { whenAnyHolds, type Constraint } from '../src/domain/catalog.ts';
import { isKind, type ResolvedNode } from '../src/domain/graph.ts';
import { scopeSchema, selectNodes } from '../src/domain/lake.ts';
import { defineRule, describeKinds, sentenceCase } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'service-constraints',
  title: 'Settings respect the limits AWS documents',
  summary: 'settings respect the limits AWS documents (catalog `constraints`)',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/general/latest/gr/aws-service-information.html',
  params: z.strictObject({
    /** The nodes checked (a kind list or a selector); every node by default. */
    kinds: scopeSchema.optional(),
  }),
  check(design, params, ctx) {
    const nodes = params.kinds ? selectNodes(design, params.kinds) : design.nodes;
    // A design none of whose settings is subject to a documented limit respects them all: it passes.
    for (const node of nodes) for (const c of node.entry.constraints) if (whenAnyHolds(c.when, node.settings)) checkConstraint(node, c);

    function checkConstraint(node: ResolvedNode, c: Constraint) {
      const because = whenText(node, c);
      if (c.setting !== undefined) {
        const spec = node.entry.settings[c.setting]!;
        const value = node.settings[c.setting];
        const unit = spec.type === 'integer' && spec.unit ? ` ${spec.unit}` : '';
        const ok =
          (c.minimum === undefined || (typeof value === 'number' && value >= c.minimum)) &&
          (c.maximum === undefined || (typeof value === 'number' && value <= c.maximum)) &&
          (c.equals === undefined || c.equals.includes(value as string | number | boolean));
        if (ok) return;
        const wanted = [...(c.minimum !== undefined ? [`at least ${c.minimum}${unit}`] : []), ...(c.maximum !== undefined ? [`at most ${c.maximum}${unit}`] : []), ...(c.equals ?? []).map(String)].join(' and ');
        return ctx.fail({
          code: c.id,
          nodeIds: [node.id],
          message: `${node.label}: ${spec.label} is ${String(value)}${unit}${because}; it must be ${wanted}. ${c.reason}`,
          remediation: `Set ${spec.label} on ${node.label} to ${wanted}.`,
        });
      }
      const targets = c.dataTargets!;
      for (const e of design.out(node.id)) {
        const t = design.node(e.target)!;
        if (!e.data || isKind(t, targets)) continue;
        ctx.fail({
          code: c.id,
          nodeIds: [node.id, t.id],
          edgeIds: [e.id],
          message: `${node.label} sends data to ${t.label}${because}; it can deliver only to ${describeKinds(targets, ctx.catalog)}. ${c.reason}`,
          remediation: `${sentenceCase(describeKinds(targets, ctx.catalog))} must be ${node.label}'s only destination: deliver to it and load ${t.label} from there, or turn off the setting.`,
        });
      }
    }
  },
});

/** " while Record format conversion is Apache Parquet": the settings that put the constraint in force. */
function whenText(node: ResolvedNode, c: Constraint): string {
  const parts = Object.keys(c.when ?? {}).map((key) => {
    const spec = node.entry.settings[key]!;
    const value = node.settings[key];
    const shown = spec.type === 'enum' ? (spec.options.find((o) => o.value === value)?.label ?? String(value)) : spec.type === 'boolean' ? (value ? 'on' : 'off') : String(value);
    return `${spec.label} is ${shown}`;
  });
  return parts.length ? ` while ${parts.join(' and ')}` : '';
}
