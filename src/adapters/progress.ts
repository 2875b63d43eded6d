/**
 * The learner's progress per scenario, kept in the app's storage under `archboard:progress:<scenarioId>`
 * as JSON `{ "format": "archboard.progress", "version": 2, "passed": 7, "total": 10, "bestPassed": 9,
 * "bestTotal": 10, "updatedAt": "2026-05-01T10:00:00.000Z" }`: requirements passed by the design as last
 * graded, and the best result so far. Version 1 (the same fields without `format` and `version`) is
 * migrated when read. Stored progress that cannot be read is kept aside (never dropped) and reported
 * with the other unreadable records.
 * What a grading makes of the progress is the domain's policy (domain/progress.ts).
 */
import { migrateRecord, type RecordKind } from '../domain/migrations.ts';
import type { ScenarioProgress } from '../domain/progress.ts';
import { keepAside } from './persistence.ts';

/** The progress record's format and its migrations (see domain/migrations.ts). */
export const PROGRESS_RECORD: RecordKind = {
  format: 'archboard.progress',
  version: 2,
  unversionedIs: 1,
  migrations: [{ from: 1, change: 'the record names its format and version', up: (r) => ({ format: 'archboard.progress', version: 2, ...r }) }],
};

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
  let problems = [{ path: '$', message: 'not valid progress: expected {"passed", "total", "bestPassed", "bestTotal"} as whole numbers' }];
  try {
    const migrated = migrateRecord(JSON.parse(raw), PROGRESS_RECORD);
    if (migrated.ok) parsed = parseProgress(migrated.data);
    else problems = migrated.problems;
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
  unreadable.push({ key, keptKey, problems });
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
    storage?.setItem(progressKey(scenarioId), JSON.stringify({ format: PROGRESS_RECORD.format, version: PROGRESS_RECORD.version, ...progress }));
  } catch {
    /* progress is a convenience: never worth an error */
  }
}
