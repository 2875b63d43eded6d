/**
 * Binds the app store's design to a shared Y.Doc (a room, or the other tabs of this browser):
 * - every edit the store commits is written to the document as a diff of records (adapters/yjs-design.ts);
 * - every change from elsewhere (another person, another tab, this person's undo) is read back through
 *   `loadDesign` and put into the store without entering zundo's history; records that would make the
 *   design invalid are not drawn and are reported through `onProblems`;
 * - undo and redo become per person: a `Y.UndoManager` tracks only this binding's origin, so Ctrl+Z
 *   never takes back the other person's edits. Consecutive edits the store merges (typing in a field)
 *   make one undo step, as in zundo.
 * While a shared (read-only) design is shown, nothing is written, and the document's latest design is
 * put back when the view closes.
 */
import * as Y from 'yjs';
import { createSharedDesignCodec, isSharedDesignEmpty, sharedMaps, type SharedProblem } from '../adapters/yjs-design.ts';
import type { Design } from '../domain/design.ts';
import type { AppState, AppStore } from './app-store.ts';

export interface SharedDesignOptions {
  /**
   * When the document is empty, write the store's design into it now (the room's creator). Default
   * true. With false an empty document is left empty (and the store's design as it is) until
   * `seed()` is called or content arrives; a document with content always replaces the store's design.
   */
  seed?: boolean;
  /** Records from elsewhere that were not applied (called when the set of problems changes). */
  onProblems?: (problems: SharedProblem[]) => void;
}

export interface SharedDesignBinding {
  readonly undoManager: Y.UndoManager;
  /** The Yjs origin of this person's edits. */
  readonly origin: object;
  /** Problems of the last read (empty when everything from elsewhere was applied). */
  problems(): SharedProblem[];
  /** Writes every record of the store's design that the document lacks or holds differently (not undoable). */
  seed(): void;
  dispose(): void;
}

/**
 * From this many nodes plus edges, a change is written to the document after the task that made it,
 * in steps of `WRITE_STEP_RECORDS` changed records, one task each: writing an import of 10,000 nodes
 * in one Yjs transaction takes ~300 ms (measured in bench/browser.bench.ts, 'big-import'). Smaller
 * designs are written at once.
 */
const DEFERRED_WRITE_FROM = 2000;
const WRITE_STEP_RECORDS = 2000;

/** Binds `store`'s design to `doc` (see the file comment); `dispose()` unbinds and restores zundo's undo. */
export function bindSharedDesign(store: AppStore, doc: Y.Doc, options: SharedDesignOptions = {}): SharedDesignBinding {
  const codec = createSharedDesignCodec(store.getState().content.catalog);
  const origin = { binding: 'local' };
  const seedOrigin = { binding: 'seed' };
  const maps = sharedMaps(doc);
  let applying = false;
  let problems: SharedProblem[] = [];
  let problemKey = '';
  /**
   * The design the document held at the last read or write (what a closed read-only view goes back
   * to): bound while a shared design is shown read-only, that is the learner's own design, not the one shown.
   */
  let latest: Design = store.getState().readOnly?.ownDesign ?? store.getState().design;

  const apply = (design: Design) => {
    latest = design;
    const s = store.getState();
    if (s.readOnly || design === s.design) return;
    const ids = new Set(design.nodes.map((n) => n.id));
    const edgeIds = new Set(design.edges.map((e) => e.id));
    const selection = { nodeIds: s.selection.nodeIds.filter((id) => ids.has(id)), edgeIds: s.selection.edgeIds.filter((id) => edgeIds.has(id)) };
    const patch: Partial<AppState> = { design };
    if (selection.nodeIds.length !== s.selection.nodeIds.length || selection.edgeIds.length !== s.selection.edgeIds.length) patch.selection = selection;
    const t = store.temporal.getState();
    applying = true;
    t.pause();
    try {
      store.setState(patch);
    } finally {
      t.resume();
      applying = false;
    }
  };
  /** A write spread over tasks (see `DEFERRED_WRITE_FROM`) to `to`; every later change rides along after it. */
  let writing: { to: Design; step: () => boolean } | undefined;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  const shown = () => {
    const s = store.getState();
    return s.readOnly?.ownDesign ?? s.design;
  };
  const startWrite = (from: Design) => {
    const to = shown();
    writing = { to, step: codec.writer(doc, from, to, origin, WRITE_STEP_RECORDS) };
    writeTimer = setTimeout(stepWrite, 0);
  };
  const stepWrite = () => {
    writeTimer = undefined;
    if (!writing) return;
    if (!writing.step()) {
      writeTimer = setTimeout(stepWrite, 0);
      return;
    }
    latest = writing.to;
    writing = undefined;
    if (shown() !== latest) startWrite(latest);
  };
  /** Finishes a write in progress at once (before a read, an undo or unbinding), with every change since. */
  const flushWrite = () => {
    if (!writing) return;
    clearTimeout(writeTimer);
    writeTimer = undefined;
    while (!writing.step());
    const done = writing.to;
    writing = undefined;
    const now = shown();
    codec.write(doc, done, now, origin);
    latest = now;
  };
  const read = () => {
    flushWrite(); // the document first gets this tab's edits, then both merge
    const s = store.getState();
    const result = codec.read(doc, s.readOnly ? latest : s.design, s.scenarioId);
    problems = result.problems;
    const key = JSON.stringify(problems);
    if (key !== problemKey) {
      problemKey = key;
      options.onProblems?.(problems);
    }
    apply(result.design);
  };

  const seed = () => {
    const design = store.getState().readOnly?.ownDesign ?? store.getState().design;
    codec.write(doc, { ...design, nodes: [], edges: [] }, design, seedOrigin);
    latest = design;
  };
  if (!isSharedDesignEmpty(doc)) read();
  else if (options.seed ?? true) seed();

  const undoManager = new Y.UndoManager([maps.nodes, maps.edges, maps.order], { trackedOrigins: new Set([origin]), captureTimeout: 1_500 });
  const publishHistory = () =>
    store.setState({
      sharedHistory: {
        undo: () => {
          flushWrite();
          undoManager.undo();
        },
        redo: () => {
          flushWrite();
          undoManager.redo();
        },
        canUndo: undoManager.canUndo(),
        canRedo: undoManager.canRedo(),
      },
    });
  undoManager.on('stack-item-added', publishHistory);
  undoManager.on('stack-item-popped', publishHistory);
  undoManager.on('stack-cleared', publishHistory);
  publishHistory();

  let pending = false;
  const onUpdate = (_update: Uint8Array, txOrigin: unknown) => {
    if (txOrigin === origin || txOrigin === seedOrigin) return;
    // Batch the updates of one task (a sync message may carry many).
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      read();
    });
  };
  doc.on('update', onUpdate);

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying || s.scenarioId !== prev.scenarioId) return;
    if (s.readOnly) return;
    if (prev.readOnly) {
      // The shared view closed: show what the document holds now (a copy made of it arrives as a command).
      if (s.design === prev.readOnly.ownDesign) apply(latest);
      return;
    }
    if (s.design === prev.design) return;
    if (writing) return; // the write in progress takes this change too, once it is done
    if (!s.lastEditMerged) undoManager.stopCapturing();
    if (s.design.nodes.length + s.design.edges.length < DEFERRED_WRITE_FROM) {
      codec.write(doc, prev.design, s.design, origin);
      latest = s.design;
      return;
    }
    startWrite(prev.design);
  });

  return {
    undoManager,
    origin,
    problems: () => problems,
    seed,
    dispose() {
      flushWrite();
      unsubscribe();
      doc.off('update', onUpdate);
      undoManager.destroy();
      store.setState({ sharedHistory: undefined });
    },
  };
}
