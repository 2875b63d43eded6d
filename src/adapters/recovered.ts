/**
 * Recovered data: every record kept aside in storage (a design, practice notes, attempt history, an
 * interview session or progress that could not be read, or the original of a design that was
 * repaired), found by its key (`archboard:kept-aside:<what>:<epoch ms>`), with what is wrong with it.
 * Each stays offered until the user downloads or discards it, across any number of reloads.
 */
import { parseNotes } from '../domain/attempt-notes.ts';
import { parseHistory } from '../domain/attempts.ts';
import type { Catalog } from '../domain/catalog.ts';
import { loadDesignText, type DesignProblem } from '../domain/design.ts';
import { clip } from '../domain/excerpt.ts';
import { parseSession } from '../domain/interview.ts';
import { KEPT_ASIDE_PREFIX } from './persistence.ts';
import { parseProgress } from './progress.ts';

/** A record kept aside, as the "Recovered data" banner lists it. */
export interface RecoveredRecord {
  /** Where its text is in storage now (or, when it could not be moved, where it still is). */
  key: string;
  /** What it is, in words: "Saved design for iot-5tb-day", "Practice notes for ...". */
  title: string;
  /** A file name for the download. */
  fileName: string;
  raw: string;
  /** Why it was kept aside, each with its JSON path. */
  problems: DesignProblem[];
  /** Whether the text could not be moved aside (storage full): it is still under its own key. */
  notMoved?: boolean;
}

const KINDS: readonly { prefix: string; title: string; file: string; parse(data: unknown): { path: string; message: string }[] }[] = [
  { prefix: 'archboard:notes:', title: 'Practice notes', file: 'notes', parse: (d) => problemsOf(parseNotes(d)) },
  { prefix: 'archboard:attempts:', title: 'Attempt history', file: 'attempts', parse: (d) => problemsOf(parseHistory(d)) },
  { prefix: 'archboard:session:', title: 'Interview session', file: 'session', parse: (d) => problemsOf(parseSession(d)) },
  { prefix: 'archboard:progress:', title: 'Progress', file: 'progress', parse: (d) => (parseProgress(d) ? [] : [{ path: '$', message: 'not valid progress' }]) },
];

function problemsOf(r: { ok: true } | { ok: false; problems: { path: string; message: string }[] }): { path: string; message: string }[] {
  return r.ok ? [] : r.problems;
}

/**
 * Describes a kept-aside record by its key and text, re-checking the text to say what is wrong.
 * @param problems known problems (from the read that kept it aside), used instead of re-checking
 */
export function describeKept(key: string, raw: string, catalog: Catalog, problems?: DesignProblem[]): RecoveredRecord {
  const rest = key.startsWith(KEPT_ASIDE_PREFIX) ? key.slice(KEPT_ASIDE_PREFIX.length) : key;
  const what = rest.replace(/:\d+(-\d+)?$/, '');
  const stamp = /:(\d+)(-\d+)?$/.exec(rest)?.[1];
  const when = stamp ? ` (kept ${new Date(Number(stamp)).toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  const kind = KINDS.find((k) => what.startsWith(k.prefix));
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'archboard';
  if (kind) {
    const scenario = what.slice(kind.prefix.length);
    let found = problems;
    if (!found)
      try {
        found = kind.parse(JSON.parse(raw));
      } catch (e) {
        found = [{ path: '$', message: `not valid JSON: ${clip(e instanceof Error ? e.message : String(e))}` }];
      }
    return { key, title: `${kind.title} for ${clip(scenario)}${when}`, fileName: `${safe(scenario)}-${kind.file}-kept-aside.json`, raw, problems: found.length ? found : [{ path: '$', message: 'it reads correctly now' }] };
  }
  const scenario = what.startsWith('archboard:design:') ? what.slice('archboard:design:'.length) : what;
  let found = problems;
  if (!found) {
    const r = loadDesignText(raw, catalog);
    found = r.ok ? [{ path: '$', message: 'it reads correctly now' }] : r.problems;
  }
  return { key, title: `Saved design for ${clip(scenario)}${when}`, fileName: `${safe(scenario)}-design-kept-aside.json`, raw, problems: found };
}

/** Every record kept aside in storage, oldest first (by key). Never throws. */
export function scanKeptAside(storage: Storage | undefined, catalog: Catalog): RecoveredRecord[] {
  if (!storage) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k.startsWith(KEPT_ASIDE_PREFIX)) keys.push(k);
    }
  } catch {
    return [];
  }
  const out: RecoveredRecord[] = [];
  for (const key of keys.sort()) {
    let raw: string | null = null;
    try {
      raw = storage.getItem(key);
    } catch {
      raw = null;
    }
    if (raw !== null) out.push(describeKept(key, raw, catalog));
  }
  return out;
}
