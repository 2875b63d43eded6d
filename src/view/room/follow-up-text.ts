/** Follow-ups as a sentence both people read in the room bar. */
import type { ShippedContent } from '../../domain/content.ts';
import { borrowedRequirementId, type FollowUps } from '../../domain/room.ts';
import type { Scenario } from '../../domain/scenario.ts';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** e.g. "10x the volume (50,000 GB/day) · + EU data stays in the EU". */
export function followUpSummary(followUps: FollowUps, scenario: Scenario | undefined, content: ShippedContent): string {
  const parts: string[] = [];
  const factor = followUps.whatIf?.volumeFactor;
  if (factor && factor !== 1) parts.push(`${factor}x the volume${scenario ? ` (${fmt(scenario.workload.ingestGBPerDay)} GB/day)` : ''}`);
  for (const a of followUps.added) {
    const req = content.scenarios.find((s) => s.scenario.id === a.scenarioId)?.scenario.requirements.find((r) => r.id === a.requirementId);
    parts.push(`+ ${req?.text ?? borrowedRequirementId(a)}`);
  }
  return parts.join(' · ');
}
