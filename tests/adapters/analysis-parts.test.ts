/**
 * The analyses of a big design travel from the worker in parts (analysis-parts.ts): what the main
 * thread puts back together is the simulation the worker made, item for item, and no part is large.
 */
import { describe, expect, it } from 'vitest';
import { tiledDesign } from '../../bench/designs.ts';
import { joinAnalyses, splitAnalyses } from '../../src/adapters/analysis-parts.ts';
import { analyse } from '../../src/store/analysis.ts';
import { content } from '../support/designs.ts';

describe('analyses in parts', () => {
  const design = tiledDesign(2500);
  const analyses = analyse(content, { design, scenarioId: design.scenarioId, whatIf: undefined, followUps: undefined });

  it('puts back, through structured clone as a worker message would, exactly the simulation and report that were cut', () => {
    const before = structuredClone(analyses);
    const { parts, shell } = splitAnalyses(analyses, 400);
    // Cutting leaves the original alone.
    expect(analyses).toEqual(before);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(p.items.length).toBeLessThanOrEqual(400);
    // Every long array is empty in the shell: the shell is small.
    expect(JSON.stringify(shell).length).toBeLessThan(JSON.stringify(analyses).length / 10);
    const received = joinAnalyses(
      structuredClone(shell),
      parts.map((p) => structuredClone(p)),
    );
    expect(received).toEqual(analyses);
    expect(received.simulation!.nodes).toHaveLength(analyses.simulation!.nodes.length);
  });

  it('sends a small simulation as it is', () => {
    const small = analyse(content, { design: tiledDesign(30), scenarioId: design.scenarioId, whatIf: undefined, followUps: undefined });
    const { parts, shell } = splitAnalyses(small);
    expect(parts).toEqual([]);
    expect(shell).toEqual(small);
  });
});
