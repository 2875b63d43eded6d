/**
 * The learner's notes about an attempt, kept beside the design document (never inside it: the design
 * document's keys are fixed): justified deviations (a failed requirement accepted as a trade-off, with
 * the reason) and trade-off notes on nodes ("why Kinesis, not MSK"), plus the hints revealed so far.
 *
 * What `accepted` means: the requirement still fails the rule. A deviation changes how the result is
 * shown and exported (`accepted`, with the reason, so a reviewer reads the argument), never the
 * engine's verdict: `GradeReport.passed` and the attempt's "requirements passed" count only `pass`
 * (and `not-applicable` for `passed`). `ReviewedReport.passedWithDeviations` is the separate answer to
 * "does the design pass if the reviewer accepts every argued trade-off?".
 */
import { z } from 'zod';
import { jsonPath } from './catalog.ts';
import type { GradeReport, RequirementResult, RequirementStatus } from './grade.ts';

export const NOTES_FORMAT = 'archboard.attempt-notes';
export const NOTES_VERSION = 1;
/** The shortest reason a deviation may give, in characters after trimming. */
export const MIN_REASON_CHARS = 10;
/** The longest reason or node note, in characters. */
export const MAX_NOTE_CHARS = 2000;
/** Hints per requirement (the scenario schema gives exactly three). */
export const HINTS_PER_REQUIREMENT = 3;

const noteText = z.string().max(MAX_NOTE_CHARS);

/** A failed requirement accepted as a trade-off: the written reason and when it was accepted (ISO 8601). */
export const deviationSchema = z.strictObject({
  reason: noteText.refine((s) => s.trim().length >= MIN_REASON_CHARS, `a reason needs at least ${MIN_REASON_CHARS} characters`),
  acceptedAt: z.string().min(1),
});
export type Deviation = z.infer<typeof deviationSchema>;

/**
 * Notes of one scenario's attempt: `deviations` by requirement id, `nodeNotes` (free text) by node id,
 * `hintsUsed` (0-3 revealed hints) by requirement id for the attempt in progress.
 */
export const attemptNotesSchema = z.strictObject({
  format: z.literal(NOTES_FORMAT),
  version: z.literal(NOTES_VERSION),
  scenarioId: z.string().min(1).optional(),
  deviations: z.record(z.string().min(1), deviationSchema),
  nodeNotes: z.record(z.string().min(1), noteText),
  hintsUsed: z.record(z.string().min(1), z.number().int().min(0).max(HINTS_PER_REQUIREMENT)),
});
export type AttemptNotes = z.infer<typeof attemptNotesSchema>;

/** Empty notes for a scenario. */
export function emptyNotes(scenarioId?: string): AttemptNotes {
  return { format: NOTES_FORMAT, version: NOTES_VERSION, ...(scenarioId ? { scenarioId } : {}), deviations: {}, nodeNotes: {}, hintsUsed: {} };
}

/** A problem with a stored or imported notes record, with its JSON path. */
export interface NotesProblem {
  path: string;
  message: string;
}

/** Reads notes (e.g. parsed from localStorage); every problem comes with its JSON path. */
export function parseNotes(data: unknown): { ok: true; notes: AttemptNotes } | { ok: false; problems: NotesProblem[] } {
  const r = attemptNotesSchema.safeParse(data);
  if (r.success) return { ok: true, notes: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}

/**
 * Checks a deviation reason as the learner types it.
 * @returns undefined when acceptable, otherwise what is wrong in words
 */
export function reasonProblem(reason: string): string | undefined {
  const n = reason.trim().length;
  if (n < MIN_REASON_CHARS) return n === 0 ? `Write why you accept this trade-off (at least ${MIN_REASON_CHARS} characters).` : `Write at least ${MIN_REASON_CHARS} characters (${n} so far).`;
  if (reason.length > MAX_NOTE_CHARS) return `Keep it under ${MAX_NOTE_CHARS} characters (${reason.length} now).`;
  return undefined;
}

/**
 * Accepts a failed requirement as a trade-off. Throws (a programming error: the form validates first)
 * when the reason is too short.
 * @param at when, ISO 8601
 */
export function acceptDeviation(notes: AttemptNotes, requirementId: string, reason: string, at: string): AttemptNotes {
  const problem = reasonProblem(reason);
  if (problem) throw new Error(`deviation of requirement "${requirementId}": ${problem}`);
  return { ...notes, deviations: { ...notes.deviations, [requirementId]: { reason: reason.trim(), acceptedAt: at } } };
}

/** Withdraws a deviation (the requirement shows its plain status again). */
export function withdrawDeviation(notes: AttemptNotes, requirementId: string): AttemptNotes {
  if (!Object.hasOwn(notes.deviations, requirementId)) return notes;
  const { [requirementId]: _gone, ...deviations } = notes.deviations;
  return { ...notes, deviations };
}

/** Sets (or, with blank text, removes) the trade-off note on a node. */
export function setNodeNote(notes: AttemptNotes, nodeId: string, text: string): AttemptNotes {
  const { [nodeId]: _old, ...rest } = notes.nodeNotes;
  const clipped = text.slice(0, MAX_NOTE_CHARS);
  return { ...notes, nodeNotes: clipped.trim() ? { ...rest, [nodeId]: clipped } : rest };
}

/** Hints revealed for a requirement in the attempt in progress (0-3). */
export function hintsRevealed(notes: AttemptNotes, requirementId: string): number {
  // Own keys only: ids are data, so a requirement named like an Object member has no hints until shown.
  return Object.hasOwn(notes.hintsUsed, requirementId) ? notes.hintsUsed[requirementId]! : 0;
}

/** Reveals the next hint of a requirement (at most three); unchanged notes when all three are shown. */
export function revealHint(notes: AttemptNotes, requirementId: string): AttemptNotes {
  const n = hintsRevealed(notes, requirementId);
  if (n >= HINTS_PER_REQUIREMENT) return notes;
  return { ...notes, hintsUsed: { ...notes.hintsUsed, [requirementId]: n + 1 } };
}

/** Hints revealed over all requirements. */
export function totalHintsUsed(hintsUsed: Readonly<Record<string, number>>): number {
  return Object.values(hintsUsed).reduce((a, b) => a + b, 0);
}

/** A requirement's status as shown to learners and reviewers: the engine's, or `accepted`. */
export type ReviewedStatus = RequirementStatus | 'accepted';

/** A requirement result with its shown status; `deviation` is there when the status is `accepted`. */
export interface ReviewedResult extends Omit<RequirementResult, 'status'> {
  status: ReviewedStatus;
  /** The engine's status (`fail` for an accepted requirement). */
  gradedStatus: RequirementStatus;
  deviation?: Deviation;
}

/**
 * A grading report with accepted deviations applied for display and export.
 * `passed` is the engine's verdict, unchanged; `passedWithDeviations` also counts `accepted` error-severity
 * requirements as not failing. `counts` counts shown statuses (an accepted requirement is counted in
 * `accepted`, not in `fail`).
 */
export interface ReviewedReport {
  scenarioId: string;
  results: ReviewedResult[];
  counts: Record<ReviewedStatus, number>;
  passed: boolean;
  passedWithDeviations: boolean;
}

/**
 * Applies accepted deviations to a report: a `fail` requirement with a deviation becomes `accepted`.
 * Deviations of requirements that pass, do not apply, are rule errors or are unknown are ignored (they
 * stay in the notes, so a reason is not lost when the design changes back). Pure.
 */
export function applyDeviations(report: GradeReport, deviations: Readonly<Record<string, Deviation>>): ReviewedReport {
  const results = report.results.map((r): ReviewedResult => {
    const d = r.status === 'fail' && Object.hasOwn(deviations, r.requirementId) ? deviations[r.requirementId] : undefined;
    return d ? { ...r, status: 'accepted', gradedStatus: r.status, deviation: d } : { ...r, gradedStatus: r.status };
  });
  const counts: Record<ReviewedStatus, number> = { pass: 0, fail: 0, 'not-applicable': 0, error: 0, accepted: 0 };
  for (const r of results) counts[r.status]++;
  const passedWithDeviations = results.every((r) => r.severity !== 'error' || r.status === 'pass' || r.status === 'not-applicable' || r.status === 'accepted');
  return { scenarioId: report.scenarioId, results, counts, passed: report.passed, passedWithDeviations };
}
