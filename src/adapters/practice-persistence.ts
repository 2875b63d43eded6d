/**
 * Web Storage (localStorage) for practice mode, per scenario:
 * - `archboard:notes:<scenarioId>`: the attempt notes (deviations, node notes, hints used), `archboard.attempt-notes`;
 * - `archboard:attempts:<scenarioId>`: the attempt history, `archboard.attempts`;
 * - `archboard:session:<scenarioId>`: when the attempt in progress began and the running interview, if any.
 * A stored record that cannot be read is moved aside under `archboard:kept-aside:<key>:<epoch ms>`
 * (never dropped) and reported with its problems.
 */
import { emptyNotes, parseNotes, type AttemptNotes } from '../domain/attempt-notes.ts';
import { emptyHistory, parseHistory, type AttemptHistory } from '../domain/attempts.ts';
import { parseSession, type PracticeSession } from '../domain/interview.ts';
import { keepAside } from './persistence.ts';

export const notesKey = (scenarioId: string | undefined) => `archboard:notes:${scenarioId ?? 'free'}`;
export const attemptsKey = (scenarioId: string | undefined) => `archboard:attempts:${scenarioId ?? 'free'}`;
export const sessionKey = (scenarioId: string | undefined) => `archboard:session:${scenarioId ?? 'free'}`;

/** A stored practice record that could not be read; its text now lives under `keptKey` (undefined if moving failed). */
export interface PracticeReadProblem {
  key: string;
  keptKey: string | undefined;
  problems: { path: string; message: string }[];
}

/** What was read for a scenario. */
export interface PracticeRecords {
  notes: AttemptNotes;
  history: AttemptHistory;
  session: PracticeSession | undefined;
  unreadable: PracticeReadProblem[];
}

function read<T>(storage: Storage | undefined, key: string, parse: (data: unknown) => { ok: true; value: T } | { ok: false; problems: { path: string; message: string }[] }, now: number, unreadable: PracticeReadProblem[]): T | undefined {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let data: unknown;
  let parsed: ReturnType<typeof parse>;
  try {
    data = JSON.parse(raw);
    parsed = parse(data);
  } catch (e) {
    parsed = { ok: false, problems: [{ path: '$', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (parsed.ok) return parsed.value;
  const keptKey = keepAside(storage, key, raw, now);
  if (keptKey)
    try {
      storage!.removeItem(key);
    } catch {
      /* kept aside; the original is overwritten by the next save */
    }
  unreadable.push({ key, keptKey, problems: parsed.problems });
  return undefined;
}

/**
 * Reads a scenario's notes, history and session; missing records give empty ones, unreadable ones are
 * kept aside and listed in `unreadable`.
 * @param now epoch ms, for kept-aside key names
 */
export function readPracticeRecords(storage: Storage | undefined, scenarioId: string | undefined, now: number): PracticeRecords {
  const unreadable: PracticeReadProblem[] = [];
  const notes = read(
    storage,
    notesKey(scenarioId),
    (d) => {
      const r = parseNotes(d);
      return r.ok ? { ok: true, value: r.notes } : r;
    },
    now,
    unreadable,
  );
  const history = scenarioId
    ? read(
        storage,
        attemptsKey(scenarioId),
        (d) => {
          const r = parseHistory(d);
          return r.ok ? { ok: true, value: r.history } : r;
        },
        now,
        unreadable,
      )
    : undefined;
  const session = read(
    storage,
    sessionKey(scenarioId),
    (d) => {
      const r = parseSession(d);
      return r.ok ? { ok: true, value: r.session } : r;
    },
    now,
    unreadable,
  );
  return { notes: notes ?? emptyNotes(scenarioId), history: history ?? emptyHistory(scenarioId ?? 'free'), session, unreadable };
}

/**
 * Writes a record as JSON (removes the key for `undefined`).
 * @returns undefined when written, or the error (storage full, disabled)
 */
export function writePracticeRecord(storage: Storage | undefined, key: string, value: unknown): unknown {
  if (!storage) return undefined;
  try {
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    return undefined;
  } catch (e) {
    return e;
  }
}
