/** The progress policy: the result now is always the latest grading; the best is replaced only by a larger share. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextProgress, nowAndBest } from '../../src/domain/progress.ts';

const score = fc.integer({ min: 1, max: 40 }).chain((total) => fc.record({ passed: fc.integer({ min: 0, max: total }), total: fc.constant(total) }));

describe('progress policy', () => {
  it('keeps the latest result as now and the best share as best, whatever the order of gradings', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 12 }), (gradings) => {
        let p = undefined as ReturnType<typeof nextProgress> | undefined;
        for (const g of gradings) p = nextProgress(p, g.passed, g.total);
        const last = gradings[gradings.length - 1]!;
        expect([p!.passed, p!.total]).toEqual([last.passed, last.total]);
        const bestShare = Math.max(...gradings.map((g) => g.passed / g.total));
        expect(p!.bestPassed / p!.bestTotal).toBe(bestShare);
        // The first grading that reached the best share is kept (a tie does not replace it).
        const first = gradings.find((g) => g.passed / g.total === bestShare)!;
        expect([p!.bestPassed, p!.bestTotal]).toEqual([first.passed, first.total]);
      }),
    );
  });

  it('shows a live grading as now, and the stored best only while it is better', () => {
    const stored = nextProgress(nextProgress(undefined, 9, 10), 4, 10);
    expect(nowAndBest(stored)).toEqual({ now: { passed: 4, total: 10 }, best: { passed: 9, total: 10 } });
    expect(nowAndBest(stored, { passed: 10, total: 10 })).toEqual({ now: { passed: 10, total: 10 }, best: { passed: 10, total: 10 } });
    expect(nowAndBest(undefined)).toBeUndefined();
  });
});
