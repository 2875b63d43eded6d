/**
 * The progress policy (domain: no storage, no React): what a grading makes of a learner's progress on
 * a scenario, and which result counts as the best. Stored by adapters/progress.ts, shown by the
 * scenario picker; both go through these functions, so the rule is written once.
 */

/** Progress on one scenario: requirements passed (of `total`) as last graded, and the best result. */
export interface ScenarioProgress {
  passed: number;
  total: number;
  bestPassed: number;
  bestTotal: number;
  /** ISO date-time of the last grading recorded. */
  updatedAt: string;
}

/** A result: requirements passed of the scenario's total. */
export interface Score {
  passed: number;
  total: number;
}

/**
 * Whether `a` is a better result than `b`: a larger share of the requirements passes (a scenario whose
 * requirement count changed compares by share; no total counts as 0).
 */
export function betterScore(a: Score, b: Score | undefined): boolean {
  if (!b || b.total === 0) return true;
  return a.passed / Math.max(1, a.total) > b.passed / b.total;
}

/** The progress after a grading: `passed` of `total` now, the best kept unless this one is better. */
export function nextProgress(prev: ScenarioProgress | undefined, passed: number, total: number, now = new Date()): ScenarioProgress {
  const better = betterScore({ passed, total }, prev && { passed: prev.bestPassed, total: prev.bestTotal });
  return { passed, total, bestPassed: better || !prev ? passed : prev.bestPassed, bestTotal: better || !prev ? total : prev.bestTotal, updatedAt: now.toISOString() };
}

/**
 * The result now (a live grading when there is one, else the stored last one) and the best so far
 * (the stored best unless the result now beats it or ties it); undefined when the scenario was never graded.
 */
export function nowAndBest(progress: ScenarioProgress | undefined, live?: Score): { now: Score; best: Score } | undefined {
  const now = live ?? (progress && { passed: progress.passed, total: progress.total });
  if (!now) return undefined;
  const stored = progress && { passed: progress.bestPassed, total: progress.bestTotal };
  return { now, best: stored && betterScore(stored, now) ? stored : now };
}
