/**
 * Submitted attempts and their scores, kept per scenario so progress shows over time: the history
 * record (`archboard.attempts`), the score of one attempt, and the per-pillar summary the result page
 * shows. Pure.
 *
 * Scoring: "requirements passed" counts `pass` only, over every requirement of the scenario (an
 * `accepted` deviation is counted apart, never as a pass; `not-applicable` is counted apart too).
 * "Required checks met" counts error-severity requirements that pass or do not apply, as the engine's
 * `passed` verdict does.
 */
import { migrateRecord, type RecordKind } from './migrations.ts';
import { z } from 'zod';
import { jsonPath } from './catalog.ts';
import { totalHintsUsed, type ReviewedReport } from './attempt-notes.ts';
import { PILLARS, type Pillar } from './rule-kit.ts';

export const ATTEMPTS_FORMAT = 'archboard.attempts';
export const ATTEMPTS_VERSION = 1;
/** At most this many attempts are kept per scenario (the oldest go first). */
export const MAX_ATTEMPTS = 200;

const count = z.number().int().min(0);

/** Requirements of one Well-Architected pillar in an attempt (`unassigned` when a rule had no pillar). */
export const pillarScoreSchema = z.strictObject({
  pillar: z.union([z.enum(PILLARS), z.literal('unassigned')]),
  passed: count,
  accepted: count,
  failed: count,
  notApplicable: count,
  total: count,
});
export type PillarScore = z.infer<typeof pillarScoreSchema>;

/**
 * One submitted attempt. Times: `submittedAt` ISO 8601; `timeTakenMs` from the attempt's start (the
 * interview's start in interview mode) to submission, in ms.
 */
export const attemptSchema = z.strictObject({
  id: z.string().min(1),
  scenarioId: z.string().min(1),
  submittedAt: z.string().min(1),
  mode: z.enum(['interview', 'practice']),
  /** How an interview ended: the learner submitted, or time ran out. */
  endedBy: z.enum(['submitted', 'time-up']),
  timeTakenMs: count,
  /** The interview's time box in minutes (interview mode only). */
  timeBoxMinutes: z.number().int().positive().optional(),
  requirements: z.strictObject({ passed: count, accepted: count, notApplicable: count, total: count }),
  /** Error-severity requirements that pass or do not apply, of all error-severity requirements. */
  required: z.strictObject({ met: count, total: count }),
  hintsUsed: count,
  hintsByRequirement: z.record(z.string(), count),
  pillars: z.array(pillarScoreSchema),
  /** The engine's verdict (accepted deviations do not change it). */
  passed: z.boolean(),
  services: count,
});
export type Attempt = z.infer<typeof attemptSchema>;

/** The history of a scenario's attempts, oldest first; also the file "Export history" writes. */
export const attemptHistorySchema = z.strictObject({
  format: z.literal(ATTEMPTS_FORMAT),
  version: z.literal(ATTEMPTS_VERSION),
  scenarioId: z.string().min(1),
  attempts: z.array(attemptSchema),
});
export type AttemptHistory = z.infer<typeof attemptHistorySchema>;

/** An empty history. */
export function emptyHistory(scenarioId: string): AttemptHistory {
  return { format: ATTEMPTS_FORMAT, version: ATTEMPTS_VERSION, scenarioId, attempts: [] };
}

/** The record's format and its numbered migrations (none yet: version 1 is the first; see migrations.ts). */
export const ATTEMPTS_RECORD: RecordKind = { format: ATTEMPTS_FORMAT, version: ATTEMPTS_VERSION, migrations: [] };

/** Reads a history (e.g. from localStorage); problems come with their JSON paths. */
export function parseHistory(data: unknown): { ok: true; history: AttemptHistory } | { ok: false; problems: { path: string; message: string }[] } {
  const migrated = migrateRecord(data, ATTEMPTS_RECORD);
  if (!migrated.ok) return migrated;
  const r = attemptHistorySchema.safeParse(migrated.data);
  if (r.success) return { ok: true, history: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}

/** Adds an attempt at the end, dropping the oldest beyond `MAX_ATTEMPTS`. */
export function addAttempt(history: AttemptHistory, attempt: Attempt): AttemptHistory {
  return { ...history, attempts: [...history.attempts, attempt].slice(-MAX_ATTEMPTS) };
}

/**
 * Requirements per Well-Architected pillar, in the framework's order; pillars without requirements
 * are left out; requirements whose rule has no pillar come last as `unassigned`.
 */
export function pillarScores(report: ReviewedReport): PillarScore[] {
  const by = new Map<Pillar | 'unassigned', PillarScore>();
  for (const r of report.results) {
    const pillar = r.pillar ?? 'unassigned';
    const s = by.get(pillar) ?? { pillar, passed: 0, accepted: 0, failed: 0, notApplicable: 0, total: 0 };
    s.total++;
    if (r.status === 'pass') s.passed++;
    else if (r.status === 'accepted') s.accepted++;
    else if (r.status === 'not-applicable') s.notApplicable++;
    else s.failed++; // fail or rule error: not met
    by.set(pillar, s);
  }
  return [...PILLARS, 'unassigned' as const].flatMap((p) => by.get(p) ?? []);
}

/** What `scoreAttempt` needs besides the report. */
export interface AttemptFacts {
  id: string;
  scenarioId: string;
  /** ISO 8601. */
  submittedAt: string;
  mode: Attempt['mode'];
  endedBy: Attempt['endedBy'];
  timeTakenMs: number;
  timeBoxMinutes?: number;
  hintsByRequirement: Readonly<Record<string, number>>;
  /** Services on the canvas (group nodes included). */
  services: number;
}

/** Scores a submitted attempt from its reviewed report (deviations applied). */
export function scoreAttempt(report: ReviewedReport, facts: AttemptFacts): Attempt {
  const errors = report.results.filter((r) => r.severity === 'error');
  return {
    id: facts.id,
    scenarioId: facts.scenarioId,
    submittedAt: facts.submittedAt,
    mode: facts.mode,
    endedBy: facts.endedBy,
    timeTakenMs: Math.max(0, Math.round(facts.timeTakenMs)),
    ...(facts.timeBoxMinutes !== undefined ? { timeBoxMinutes: facts.timeBoxMinutes } : {}),
    requirements: { passed: report.counts.pass, accepted: report.counts.accepted, notApplicable: report.counts['not-applicable'], total: report.results.length },
    required: { met: errors.filter((r) => r.status === 'pass' || r.status === 'not-applicable').length, total: errors.length },
    hintsUsed: totalHintsUsed(facts.hintsByRequirement),
    hintsByRequirement: { ...facts.hintsByRequirement },
    pillars: pillarScores(report),
    passed: report.passed,
    services: facts.services,
  };
}

/** Change in requirements passed from the previous attempt (undefined for the first). */
export function progressOf(history: AttemptHistory, index: number): number | undefined {
  const cur = history.attempts[index];
  const prev = history.attempts[index - 1];
  return cur && prev ? cur.requirements.passed - prev.requirements.passed : undefined;
}
