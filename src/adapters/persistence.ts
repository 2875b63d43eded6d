/**
 * Persistence of designs in Web Storage (the app passes `DurableStorage`, IndexedDB behind a Storage
 * face, see storage.ts; localStorage when IndexedDB is missing): one key per scenario, holding the
 * document exactly as `serializeDesign` writes it. Saving is debounced, flushed on `pagehide`, and a
 * save that fails is retried until it works. A stored design is read with `loadDesign`'s repair mode:
 * what can be repaired is, and listed; the original text is kept aside either way. One that cannot be
 * read is never dropped: its raw text is moved to a "kept aside" key and the problems are reported so
 * the user can download it.
 */
import type { Catalog } from '../domain/catalog.ts';
import { emptyDesign, loadDesignText, serializeDesign, type Design, type DesignProblem } from '../domain/design.ts';
import { isQuotaError } from './storage.ts';

const PREFIX = 'archboard:design:';
const KEPT_PREFIX = 'archboard:kept-aside:';

/** The storage key of a scenario's design (`archboard:design:<scenarioId>`; `free` without a scenario). */
export function designKey(scenarioId: string | undefined): string {
  return PREFIX + (scenarioId ?? 'free');
}

/** A stored design that could not be read, moved aside. */
export interface KeptAside {
  scenarioId: string | undefined;
  /** The key the raw text now lives under (undefined when moving it failed: it is still under `fromKey`). */
  key: string | undefined;
  fromKey: string;
  raw: string;
  problems: DesignProblem[];
}

export type StoredRead = { design: Design; keptAside?: undefined; repaired?: undefined } | { design: Design; keptAside: KeptAside; repaired?: boolean };

/** The key prefix of records kept aside (`archboard:kept-aside:<what>:<epoch ms>`). */
export const KEPT_ASIDE_PREFIX = KEPT_PREFIX;

/** Moves `raw` to a fresh kept-aside key (never overwriting one); returns the key, or undefined when writing failed. */
export function keepAside(storage: Storage | undefined, what: string, raw: string, now: number): string | undefined {
  if (!storage) return undefined;
  let key = `${KEPT_PREFIX}${what}:${now}`;
  try {
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${KEPT_PREFIX}${what}:${now}-${n}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return undefined;
  }
}

/**
 * Reads the design stored for a scenario. A design written by an older version is migrated and
 * stored back as the current version.
 * @returns the stored design, an empty design when nothing is stored, or an empty design plus what
 *   was kept aside when the stored text could not be read
 */
export function readStoredDesign(storage: Storage | undefined, scenarioId: string | undefined, catalog: Catalog, now: () => number = Date.now): StoredRead {
  const fromKey = designKey(scenarioId);
  let raw: string | null = null;
  try {
    raw = storage?.getItem(fromKey) ?? null;
  } catch {
    raw = null;
  }
  if (raw === null) return { design: emptyDesign(scenarioId) };
  const result = loadDesignText(raw, catalog, { repair: true });
  if (result.ok) {
    const design = scenarioId && !result.design.scenarioId ? { ...result.design, scenarioId } : result.design;
    if (result.repairs) {
      // Repaired: the original text is kept aside (downloadable), the repaired design stored in its place.
      const key = keepAside(storage, scenarioId ?? 'free', raw, now());
      if (key)
        try {
          storage!.setItem(fromKey, serializeDesign(design));
        } catch {
          /* written with the next save */
        }
      return { design, repaired: true, keptAside: { scenarioId, key, fromKey, raw, problems: result.repairs } };
    }
    // Written by an older version: store it back as the current version (the migration loses nothing).
    if (result.migratedFrom !== undefined)
      try {
        storage!.setItem(fromKey, serializeDesign(design));
      } catch {
        /* storage full: it is saved with the next edit, or the saver reports the problem */
      }
    return { design };
  }
  const key = keepAside(storage, scenarioId ?? 'free', raw, now());
  if (key)
    try {
      storage!.removeItem(fromKey);
    } catch {
      /* the copy is kept aside; the original is overwritten by the next save */
    }
  // Without a key, moving it failed (storage full?): it stays where it was and saving is held back.
  return { design: emptyDesign(scenarioId), keptAside: { scenarioId, key, fromKey, raw, problems: result.problems } };
}

export interface Saver {
  /** Asks for `design` to be saved under the scenario's key after the debounce delay. */
  schedule(scenarioId: string | undefined, design: Design): void;
  /** Writes whatever is pending now. */
  flush(): void;
  /** Holds back saving for a scenario (while its unreadable stored text could not be moved aside). */
  hold(scenarioId: string | undefined, held: boolean): void;
  /** Whether a save failed and is waiting to be retried. */
  readonly failing: boolean;
  dispose(): void;
}

/** Delays between retries of a failed save, ms (the last repeats). */
export const SAVE_RETRY_MS = [1000, 2000, 4000, 8000, 15000, 30000] as const;

/**
 * A debounced saver. A write that fails is kept (unless a newer design for the same key came) and
 * retried after `SAVE_RETRY_MS`, until it works.
 * @param onError called on each failed write with `'quota'` when storage is full (the design stays in memory), or `'other'`
 * @param onSaved called when every pending design has been written (after a failure too)
 */
export function createSaver(
  storage: Storage | undefined,
  { delayMs = 300, onError, onSaved, target }: { delayMs?: number; onError?: (kind: 'quota' | 'other', e: unknown) => void; onSaved?: () => void; target?: Pick<Window, 'addEventListener' | 'removeEventListener'> } = {},
): Saver {
  const pending = new Map<string, Design>();
  const held = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (retry !== undefined) clearTimeout(retry);
    retry = undefined;
    if (!storage) return pending.clear();
    let failed = false;
    for (const [key, design] of pending) {
      if (held.has(key)) continue;
      try {
        storage.setItem(key, serializeDesign(design));
        pending.delete(key);
      } catch (e) {
        failed = true;
        onError?.(isQuotaError(e) ? 'quota' : 'other', e);
      }
    }
    if (failed) {
      failures++;
      retry = setTimeout(flush, SAVE_RETRY_MS[Math.min(failures - 1, SAVE_RETRY_MS.length - 1)]);
    } else {
      failures = 0;
      onSaved?.();
    }
  };
  const onPageHide = () => flush();
  target?.addEventListener('pagehide', onPageHide);
  return {
    schedule(scenarioId, design) {
      pending.set(designKey(scenarioId), design);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    hold(scenarioId, isHeld) {
      if (isHeld) held.add(designKey(scenarioId));
      else held.delete(designKey(scenarioId));
    },
    get failing() {
      return failures > 0;
    },
    dispose() {
      flush();
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
      target?.removeEventListener('pagehide', onPageHide);
    },
  };
}

/** A short-lived preference (theme) read; never throws. */
export function readPreference(storage: Storage | undefined, name: string): string | null {
  try {
    return storage?.getItem(`archboard:pref:${name}`) ?? null;
  } catch {
    return null;
  }
}
/** A preference write; failures are ignored (preferences are not worth a warning). */
export function writePreference(storage: Storage | undefined, name: string, value: string): void {
  try {
    storage?.setItem(`archboard:pref:${name}`, value);
  } catch {
    /* ignore */
  }
}

const PREVIOUS_PREFIX = 'archboard:previous:';

/**
 * The "previous design" slot of a scenario (`archboard:previous:<scenarioId>`): the design that the
 * last New, Reference, Import or "Make a copy" replaced, kept so it can be restored after a reload.
 * @returns the stored previous design, or undefined when none is stored or it cannot be read
 */
export function readPreviousDesign(storage: Storage | undefined, scenarioId: string | undefined, catalog: Catalog): Design | undefined {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PREVIOUS_PREFIX + (scenarioId ?? 'free')) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  const result = loadDesignText(raw, catalog, { repair: true });
  return result.ok && result.design.nodes.length ? result.design : undefined;
}

/**
 * Writes (or with undefined, clears) a scenario's "previous design" slot.
 * @returns false when storage refused it (full or disabled): the design is then only in memory
 */
export function writePreviousDesign(storage: Storage | undefined, scenarioId: string | undefined, design: Design | undefined): boolean {
  const key = PREVIOUS_PREFIX + (scenarioId ?? 'free');
  try {
    if (design) storage?.setItem(key, serializeDesign(design));
    else storage?.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
