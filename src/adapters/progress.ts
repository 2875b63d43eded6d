/**
 * The learner's progress per scenario, kept in Web Storage (localStorage) under
 * `archboard:progress:<scenarioId>` as JSON `{ "passed": 7, "total": 10, "bestPassed": 9, "bestTotal": 10,
 * "updatedAt": "2026-05-01T10:00:00.000Z" }`: requirements passed by the design as last graded, and the
 * best result so far. Stored progress that cannot be read is kept aside (never dropped) and reported
 * with the other unreadable records. What a grading makes of the progress is the domain's policy
 * (domain/progress.ts).
 */
import type { ScenarioProgress } from '../domain/progress.ts';
import { keepAside } from './persistence.ts';

const PREFIX = 'archboard:progress:';

export type { ScenarioProgress };

/** The storage key of a scenario's progress. */
export function progressKey(scenarioId: string): string {
  return PREFIX + scenarioId;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Whether parsed JSON is valid progress; returns it, or undefined. */
export function parseProgress(v: unknown): ScenarioProgress | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  if (isCount(r.passed) && isCount(r.total) && isCount(r.bestPassed) && isCount(r.bestTotal) && r.passed <= r.total && r.bestPassed <= r.bestTotal)
    return { passed: r.passed, total: r.total, bestPassed: r.bestPassed, bestTotal: r.bestTotal, updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : '' };
  return undefined;
}

/** A progress record that could not be read: where it was and where its text is kept now. */
export interface UnreadableProgress {
  key: string;
  keptKey: string | undefined;
  problems: { path: string; message: string }[];
}

/**
 * Reads the stored progress of a scenario. A record that is not valid progress is moved to a
 * kept-aside key and listed in `unreadable` (never dropped).
 * @returns the progress, or undefined when none is stored, storage fails or the record is unreadable
 */
export function readProgress(storage: Storage | undefined, scenarioId: string, unreadable: UnreadableProgress[] = [], now = Date.now()): ScenarioProgress | undefined {
  let raw: string | null;
  const key = progressKey(scenarioId);
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: ScenarioProgress | undefined;
  try {
    parsed = parseProgress(JSON.parse(raw));
  } catch {
    parsed = undefined;
  }
  if (parsed) return parsed;
  const keptKey = keepAside(storage, key, raw, now);
  if (keptKey)
    try {
      storage!.removeItem(key);
    } catch {
      /* kept aside; the original is overwritten by the next grading */
    }
  unreadable.push({ key, keptKey, problems: [{ path: '$', message: 'not valid progress: expected {"passed", "total", "bestPassed", "bestTotal"} as whole numbers' }] });
  return undefined;
}

/** Reads the stored progress of every listed scenario (those with none are left out), with the unreadable ones. */
export function readAllProgress(storage: Storage | undefined, scenarioIds: readonly string[]): { progress: Record<string, ScenarioProgress>; unreadable: UnreadableProgress[] } {
  const progress: Record<string, ScenarioProgress> = {};
  const unreadable: UnreadableProgress[] = [];
  for (const id of scenarioIds) {
    const p = readProgress(storage, id, unreadable);
    if (p) Object.defineProperty(progress, id, { value: p, enumerable: true, writable: true, configurable: true });
  }
  return { progress, unreadable };
}

/** Writes a scenario's progress; failures (storage full or disabled) are ignored. */
export function writeProgress(storage: Storage | undefined, scenarioId: string, progress: ScenarioProgress): void {
  try {
    storage?.setItem(progressKey(scenarioId), JSON.stringify(progress));
  } catch {
    /* progress is a convenience: never worth an error */
  }
}
