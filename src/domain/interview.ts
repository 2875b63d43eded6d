/**
 * Interview mode's clock: a time box (default 45 minutes) split into phases as a system-design
 * interview runs (requirements, high-level design, deep dive; 5 / 20 / 20 minutes by default). Pure:
 * the caller passes the start time and "now" in epoch milliseconds. Also the practice session record
 * (when the attempt in progress began, and the running interview).
 */
import { z } from 'zod';
import { jsonPath } from './catalog.ts';

export const PHASE_IDS = ['requirements', 'high-level-design', 'deep-dive'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** Phase names as a learner reads them. */
export const PHASE_LABEL: Record<PhaseId, string> = {
  requirements: 'Requirements',
  'high-level-design': 'High-level design',
  'deep-dive': 'Deep dive',
};

/** What each phase is for, shown under the timer. */
export const PHASE_GOAL: Record<PhaseId, string> = {
  requirements: 'Read the brief; settle volumes, latency, retention and constraints.',
  'high-level-design': 'Place the services and wire the data flow end to end.',
  'deep-dive': 'Settings, failure handling, security and cost; argue your trade-offs.',
};

/** Minutes per phase, in order; the time box is their sum. */
export type PhaseMinutes = Record<PhaseId, number>;

/** The default split: 5 + 20 + 20 = 45 minutes. */
export const DEFAULT_PHASE_MINUTES: PhaseMinutes = { requirements: 5, 'high-level-design': 20, 'deep-dive': 20 };
/** Bounds of one phase, in minutes. */
export const PHASE_MINUTES_RANGE = { min: 1, max: 120 } as const;

/**
 * Checks a phase split as typed in the start form.
 * @returns a message per phase id that is not a whole number of minutes within 1-120; empty when fine
 */
export function phaseMinutesProblems(minutes: Readonly<Record<PhaseId, number>>): Partial<Record<PhaseId, string>> {
  const out: Partial<Record<PhaseId, string>> = {};
  for (const id of PHASE_IDS) {
    const m = minutes[id];
    if (!Number.isInteger(m) || m < PHASE_MINUTES_RANGE.min || m > PHASE_MINUTES_RANGE.max) out[id] = `${PHASE_LABEL[id]}: a whole number of minutes from ${PHASE_MINUTES_RANGE.min} to ${PHASE_MINUTES_RANGE.max}.`;
  }
  return out;
}

/** The time box in minutes (the sum of the phases). */
export function totalMinutes(minutes: Readonly<PhaseMinutes>): number {
  return PHASE_IDS.reduce((sum, id) => sum + minutes[id], 0);
}

/**
 * Scales the default split to a time box, keeping the 1:4:4 shape (45 → 5/20/20, 60 → 7/27/26,
 * 30 → 3/14/13); each phase at least one minute.
 * @param total minutes, at least 3
 */
export function splitMinutes(total: number): PhaseMinutes {
  const t = Math.max(3, Math.round(total));
  const requirements = Math.max(1, Math.round(t / 9));
  const rest = t - requirements;
  const high = Math.ceil(rest / 2);
  return { requirements, 'high-level-design': high, 'deep-dive': rest - high };
}

/** Where an interview stands at a moment. Times in ms. */
export interface ClockReading {
  elapsedMs: number;
  /** Time left in the whole box (0 once it has run out). */
  remainingMs: number;
  totalMs: number;
  /** The current phase (the last one once time is up). */
  phase: PhaseId;
  phaseIndex: number;
  /** Time left in the current phase. */
  phaseRemainingMs: number;
  timeUp: boolean;
}

/**
 * Reads the interview clock.
 * @param minutes the phase split
 * @param startedAt epoch ms when the interview started
 * @param now epoch ms (a clock set back before the start counts as the start)
 */
export function readClock(minutes: Readonly<PhaseMinutes>, startedAt: number, now: number): ClockReading {
  const totalMs = totalMinutes(minutes) * 60_000;
  const elapsedMs = Math.min(Math.max(0, now - startedAt), totalMs);
  let end = 0;
  for (let i = 0; i < PHASE_IDS.length; i++) {
    const id = PHASE_IDS[i]!;
    end += minutes[id] * 60_000;
    if (elapsedMs < end || i === PHASE_IDS.length - 1) return { elapsedMs, remainingMs: totalMs - elapsedMs, totalMs, phase: id, phaseIndex: i, phaseRemainingMs: Math.max(0, end - elapsedMs), timeUp: elapsedMs >= totalMs };
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** A countdown as `m:ss` (or `h:mm:ss` from one hour), rounding up to the next whole second. */
export function formatCountdown(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const minutes = z.number().int().min(PHASE_MINUTES_RANGE.min).max(PHASE_MINUTES_RANGE.max);

/**
 * The attempt in progress: `attemptStartedAt` (epoch ms) is when it began (after the previous
 * submission, or at the first visit); `interview` is there while an interview runs (its start in
 * epoch ms and its phase split in minutes).
 */
export const practiceSessionSchema = z.strictObject({
  attemptStartedAt: z.number().int().min(0),
  interview: z
    .strictObject({
      startedAt: z.number().int().min(0),
      phaseMinutes: z.strictObject({ requirements: minutes, 'high-level-design': minutes, 'deep-dive': minutes }),
    })
    .optional(),
});
export type PracticeSession = z.infer<typeof practiceSessionSchema>;

/** Reads a stored session; problems come with their JSON paths. */
export function parseSession(data: unknown): { ok: true; session: PracticeSession } | { ok: false; problems: { path: string; message: string }[] } {
  const r = practiceSessionSchema.safeParse(data);
  if (r.success) return { ok: true, session: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}
