/**
 * Drafts of text being typed, kept in the tab's sessionStorage on every keystroke, so a reload (or a
 * crash of the tab's page) loses nothing typed in any text editor: the trade-off note of a node, the
 * reason of an accepted trade-off, a connection's label, a canvas note. A draft is removed when its
 * text is kept (committed) or dropped (Escape, Cancel). Keys are `archboard:draft:` + a JSON array
 * (editor, scenario, element id), so any id is a plain key. Storage that fails keeps drafts in memory.
 */

/** Which editor a draft belongs to. */
export type DraftKind = 'node-note' | 'deviation' | 'edge-label' | 'note';

const PREFIX = 'archboard:draft:';
const memory = new Map<string, string>();

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The storage key of a draft. */
export function draftKey(kind: DraftKind, scenarioId: string | undefined, id: string): string {
  return PREFIX + JSON.stringify([kind, scenarioId ?? null, id]);
}

/** The draft of an editor, or undefined when none is kept. */
export function readDraft(kind: DraftKind, scenarioId: string | undefined, id: string): string | undefined {
  const key = draftKey(kind, scenarioId, id);
  try {
    const v = session()?.getItem(key);
    if (v !== null && v !== undefined) return v;
  } catch {
    /* fall back to memory */
  }
  return memory.get(key);
}

/** Keeps (text) or removes (undefined) a draft. Never throws. */
export function writeDraft(kind: DraftKind, scenarioId: string | undefined, id: string, text: string | undefined): void {
  const key = draftKey(kind, scenarioId, id);
  if (text === undefined) memory.delete(key);
  else memory.set(key, text);
  try {
    if (text === undefined) session()?.removeItem(key);
    else session()?.setItem(key, text);
  } catch {
    /* kept in memory for this page */
  }
}

/** Element ids with a draft of `kind` in a scenario. */
export function draftIds(kind: DraftKind, scenarioId: string | undefined): string[] {
  const out = new Set<string>();
  const consider = (key: string | null) => {
    if (!key?.startsWith(PREFIX)) return;
    try {
      const [k, s, id] = JSON.parse(key.slice(PREFIX.length)) as unknown[];
      if (k === kind && s === (scenarioId ?? null) && typeof id === 'string') out.add(id);
    } catch {
      /* not a draft key */
    }
  };
  for (const k of memory.keys()) consider(k);
  try {
    const s = session();
    for (let i = 0; s && i < s.length; i++) consider(s.key(i));
  } catch {
    /* memory only */
  }
  return [...out];
}
