/**
 * The learner's progress per scenario, kept in Web Storage (localStorage) under
 * `archboard:progress:<scenarioId>` as JSON `{ "passed": 7, "total": 10, "bestPassed": 9, "bestTotal": 10,
 * "updatedAt": "2026-05-01T10:00:00.000Z" }`: requirements passed by the design as last graded, and the
 * best result so far. Stored progress that cannot be read is ignored with a console warning (it is a
 * convenience, not the learner's work: the designs are kept separately). What a grading makes of the
 * progress is the domain's policy (domain/progress.ts).
 */

import type { ScenarioProgress } from '../domain/progress.ts';

const PREFIX = 'archboard:progress:';

export type { ScenarioProgress };

/** The storage key of a scenario's progress. */
export function progressKey(scenarioId: string): string {
  return PREFIX + scenarioId;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Reads the stored progress of a scenario.
 * @returns the progress, or undefined when none is stored, storage fails, or the stored value is not
 *   valid progress (then a warning naming the key is logged)
 */
export function readProgress(storage: Storage | undefined, scenarioId: string): ScenarioProgress | undefined {
  let raw: string | null;
  try {
    raw = storage?.getItem(progressKey(scenarioId)) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (v && typeof v === 'object' && isCount(v.passed) && isCount(v.total) && isCount(v.bestPassed) && isCount(v.bestTotal) && v.passed <= v.total && v.bestPassed <= v.bestTotal)
      return { passed: v.passed, total: v.total, bestPassed: v.bestPassed, bestTotal: v.bestTotal, updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : '' };
  } catch {
    /* reported below */
  }
  console.warn(`Ignoring stored progress under "${progressKey(scenarioId)}": not valid progress (${raw.slice(0, 80)})`);
  return undefined;
}

/** Reads the stored progress of every listed scenario (those with none are left out). */
export function readAllProgress(storage: Storage | undefined, scenarioIds: readonly string[]): Record<string, ScenarioProgress> {
  const out: Record<string, ScenarioProgress> = {};
  for (const id of scenarioIds) {
    const p = readProgress(storage, id);
    if (p) out[id] = p;
  }
  return out;
}

/** Writes a scenario's progress; failures (storage full or disabled) are ignored. */
export function writeProgress(storage: Storage | undefined, scenarioId: string, progress: ScenarioProgress): void {
  try {
    storage?.setItem(progressKey(scenarioId), JSON.stringify(progress));
  } catch {
    /* progress is a convenience: never worth an error */
  }
}
