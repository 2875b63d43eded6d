/**
 * tls-in-transit: every connection is encrypted in transit (the edge's `tls` setting, on by default as
 * AWS service endpoints use TLS; off models plain MQTT or HTTP from devices or on-premises systems).
 */
import { z } from 'zod';
import { defineRule } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'tls-in-transit',
  title: 'Every connection uses TLS',
  summary: 'every edge uses TLS',
  pillar: 'security',
  docUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/protecting-data-in-transit.html',
  params: z.strictObject({}),
  check(design, _params, ctx) {
    if (!design.edges.length) return ctx.notApplicable('The design has no connections.');
    for (const e of design.edges) {
      if (e.tls) continue;
      const s = design.node(e.source)!;
      const t = design.node(e.target)!;
      ctx.fail({ code: 'no-tls', nodeIds: [s.id, t.id], edgeIds: [e.id], message: `${s.label} → ${t.label} sends data without TLS.`, remediation: 'Turn on TLS for this connection (MQTT over TLS or HTTPS for devices; TLS 1.2 or later).' });
    }
  },
});
