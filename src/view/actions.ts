/**
 * The editor's commands, in the manner of Excalidraw's actions: each is registered once here with its
 * key binding, its label and the state it needs, and one key handler (`useActions`) runs them. Before
 * any command the handler checks the state: nothing runs while a modal dialog is open (a Delete or
 * Ctrl+Z pressed in a dialog never edits the design behind it), design edits do not run in the
 * read-only view of a shared design, and while the user types in a field only the commands marked
 * `inFields` run. Toolbar buttons call the same `run` functions, so a button and its key do one thing.
 *
 * Clipboard: copy and cut fill the system clipboard through the `copy`/`cut` events (no permission
 * needed); paste reads it through the `paste` event, so a copy made in another tab pastes here too, and
 * falls back to the in-memory clipboard when the browser sends no paste event.
 */
import { useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { WORKER_MIN_TEXT } from '../adapters/analysis-limits.ts';
import type { AppStore } from '../store/app-store.ts';
import { copySelection, cutSelection, duplicateSelection, nudgeSelection, paste, selectAll } from '../store/editor.ts';
import { GRID, useEditorUi } from './editor-ui.ts';
import { usePaneUi } from './pane-ui.ts';
import { IS_MAC, isTypingTarget, modalOpen, SHORTCUTS } from './shortcuts.ts';

/** The palette's search box id (focused by `/` and Ctrl+K). */
export const PALETTE_SEARCH_ID = 'palette-search';

/** What a command gets: the stores, the canvas view, and the key event that ran it (if a key did). */
export interface ActionContext {
  store: AppStore;
  flow: Pick<ReactFlowInstance, 'fitView' | 'getNodes'>;
  event?: KeyboardEvent;
}

/** One command of the editor. */
export interface Action {
  id: string;
  /** What it does, as a user reads it (menus, tooltips, the shortcut list). */
  label: string;
  /** The key binding as shown to the user (`SHORTCUTS` spelling). */
  keys: string;
  /** Whether this key event is this command's binding. */
  match(e: KeyboardEvent): boolean;
  /** It changes the design: not run in a read-only shared view. */
  edits?: boolean;
  /** It also runs while the user types in a text field (Ctrl+K); by default it does not. */
  inFields?: boolean;
  /** It runs only with focus on the page or the canvas (not in the palette, panels or toolbar). */
  canvasOnly?: boolean;
  /** Its key must not reach the canvas's own handlers (React Flow moves a focused node on arrows). */
  stop?: boolean;
  /**
   * Runs the command. Returns false when it did not apply (nothing selected...): then the key keeps
   * its browser default (text copy, page select-all); 'default' when it applied and the browser's
   * default must follow (the copy, cut and paste events that carry the clipboard).
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most commands only act and return nothing (void); false and 'default' are the two signals
  run(ctx: ActionContext): boolean | 'default' | void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const chord =
  (key: string, shift = false) =>
  (e: KeyboardEvent) =>
    mod(e) && !e.altKey && e.shiftKey === shift && e.key.toLowerCase() === key;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
const FIT = { padding: 0.1, duration: 300, maxZoom: 1 } as const;

/** Whether the user has selected text on the page (then Ctrl+C copies that text, as usual). */
function hasTextSelection(): boolean {
  const sel = globalThis.getSelection?.();
  return !!sel && !sel.isCollapsed && sel.toString().trim().length > 0;
}

/** Whether a key event is for the canvas: focus on the page itself or inside the canvas. */
function onCanvas(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || !!target.closest('.canvas');
}

const hasNodes = (store: AppStore) => store.getState().selection.nodeIds.length > 0;

/** Zooms the canvas so the whole design is in view (after the next frame, once a change is drawn). */
export function fitDesign(flow: ActionContext['flow'], later = false): void {
  if (later) requestAnimationFrame(() => void flow.fitView(FIT));
  else void flow.fitView(FIT);
}

/** Downloads the design as JSON (`<scenario>-design.json`). */
export function exportDesignJson(store: AppStore): void {
  store.getState().toast('success', `Exported ${store.getState().exportDesign()}.`);
}

/**
 * Auto-layout: arranges the design left to right along the data flow with ELK (loaded on first use),
 * wrapping rows to suit the canvas as it is now; positions and group sizes are one undo step. Does
 * nothing on an empty design, and leaves the design alone if it changed while ELK ran.
 */
export async function autoLayout({ store, flow }: ActionContext): Promise<void> {
  const design = store.getState().design;
  if (!design.nodes.length || store.getState().readOnly) return;
  try {
    const { layoutDesign } = await import('../adapters/layout.ts');
    const sizes = new Map(flow.getNodes().flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
    const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
    const view = pane && pane.width > 0 && pane.height > 0 ? { width: pane.width, height: pane.height } : undefined;
    const { positions, sizes: groupSizes } = await layoutDesign(design, sizes, store.getState().content.catalog, view ? { view } : {});
    if (store.getState().design !== design) return; // the design changed meanwhile: do not overwrite it
    const key = `layout-${Date.now()}`;
    store.getState().dispatch({ type: 'moveNodes', positions }, { coalesce: key });
    for (const [nodeId, size] of groupSizes) store.getState().dispatch({ type: 'resizeNode', nodeId, size }, { coalesce: key });
    fitDesign(flow, true);
  } catch (e) {
    store.getState().toast('error', 'Auto-layout failed.', e instanceof Error ? e.message : String(e));
  }
}

/** Focuses the palette search and selects its text (opening a collapsed palette first). */
export function focusSearch(): boolean {
  const input = document.getElementById(PALETTE_SEARCH_ID) as HTMLInputElement | null;
  if (!input) return false;
  const focus = () => {
    input.focus();
    input.select();
  };
  // A collapsed palette opens first; its body is only hidden, so the input is there to focus.
  if (usePaneUi.getState().collapsed.left) {
    usePaneUi.getState().setCollapsed('left', false);
    requestAnimationFrame(focus);
  } else focus();
  return true;
}

const READ_ONLY = 'This shared design is read-only.';

/** The keys that hide or show the palette and the right pane. */
export const PANE_KEY = { left: '[', right: ']' } as const;

// The copy made by the last Ctrl+C / Ctrl+X, written to the system clipboard by the copy event after it.
let pendingCopy: string | undefined;
let pasteFallback: ReturnType<typeof setTimeout> | undefined;

/** Every command with a key binding, each once. */
export const ACTIONS: readonly Action[] = [
  { id: 'undo', label: 'Undo', keys: SHORTCUTS.undo, edits: true, match: chord('z'), run: ({ store }) => store.getState().undo() },
  {
    id: 'redo',
    label: 'Redo',
    keys: SHORTCUTS.redo,
    edits: true,
    match: (e) => chord('z', true)(e) || (!IS_MAC && chord('y')(e) && e.ctrlKey),
    run: ({ store }) => store.getState().redo(),
  },
  {
    id: 'delete',
    label: 'Delete the selection',
    keys: SHORTCUTS.delete,
    edits: true,
    match: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    run: ({ store }) => {
      const { selection } = store.getState();
      if (!selection.nodeIds.length && !selection.edgeIds.length) return false;
      store.getState().deleteSelection();
    },
  },
  {
    id: 'copy',
    label: 'Copy',
    keys: SHORTCUTS.copy,
    match: chord('c'),
    run: ({ store, event }) => {
      if (!hasNodes(store) || hasTextSelection()) return false;
      pendingCopy = copySelection(store);
      // The browser's copy event follows (its default is kept) and writes pendingCopy to the clipboard.
      if (event) return 'default';
    },
  },
  {
    id: 'cut',
    label: 'Cut',
    keys: SHORTCUTS.cut,
    edits: true,
    match: chord('x'),
    run: ({ store, event }) => {
      if (!hasNodes(store) || hasTextSelection()) return false;
      pendingCopy = cutSelection(store);
      if (event) return 'default';
    },
  },
  {
    id: 'paste',
    label: 'Paste',
    keys: SHORTCUTS.paste,
    edits: true,
    match: chord('v'),
    run: ({ store, event }) => {
      clearTimeout(pasteFallback);
      if (!event) return void paste(store);
      // The paste event normally follows; if the browser sends none, paste the in-memory copy.
      pasteFallback = setTimeout(() => void paste(store), 150);
      return 'default';
    },
  },
  { id: 'duplicate', label: 'Duplicate', keys: SHORTCUTS.duplicate, edits: true, match: chord('d'), run: ({ store }) => void (hasNodes(store) && duplicateSelection(store)) },
  { id: 'selectAll', label: 'Select all', keys: SHORTCUTS.selectAll, canvasOnly: true, match: chord('a'), run: ({ store }) => selectAll(store) },
  {
    id: 'nudge',
    label: 'Move the selection (Shift: 10 steps)',
    keys: 'Arrow keys',
    edits: true,
    canvasOnly: true,
    stop: true,
    match: (e) => plain(e) && e.key in ARROWS,
    run: ({ store, event }) => {
      if (!event || !hasNodes(store)) return false;
      const dir = ARROWS[event.key]!;
      const step = (useEditorUi.getState().snap ? GRID : 1) * (event.shiftKey ? 10 : 1);
      nudgeSelection(store, dir[0] * step, dir[1] * step);
    },
  },
  {
    id: 'editText',
    label: 'Edit the selected note or connection label',
    keys: 'Enter',
    edits: true,
    canvasOnly: true,
    match: (e) => plain(e) && !e.shiftKey && e.key === 'Enter',
    run: ({ store }) => {
      const { selection, design } = store.getState();
      if (selection.nodeIds.length === 1 && !selection.edgeIds.length && design.nodes.find((n) => n.id === selection.nodeIds[0])?.service === 'text-note') {
        useEditorUi.getState().edit({ kind: 'note', id: selection.nodeIds[0]! });
      } else if (selection.edgeIds.length === 1 && !selection.nodeIds.length) {
        useEditorUi.getState().edit({ kind: 'edge', id: selection.edgeIds[0]! });
      } else return false;
    },
  },
  { id: 'fit', label: 'Zoom to fit', keys: SHORTCUTS.fit, match: (e) => plain(e) && e.shiftKey && (e.code === 'Digit1' || e.key === '!'), run: ({ flow }) => fitDesign(flow) },
  { id: 'layout', label: 'Auto-layout', keys: SHORTCUTS.layout, edits: true, match: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'l', run: (ctx) => void autoLayout(ctx) },
  { id: 'exportJson', label: 'Export the design as JSON', keys: SHORTCUTS.exportJson, inFields: true, match: chord('s'), run: ({ store }) => exportDesignJson(store) },
  { id: 'search', label: 'Search the services', keys: '/', match: (e) => plain(e) && e.key === '/', run: () => focusSearch() },
  { id: 'searchAnywhere', label: 'Search the services', keys: `${SHORTCUTS.search}`, inFields: true, match: chord('k'), run: () => focusSearch() },
  { id: 'paneLeft', label: 'Hide or show the services', keys: PANE_KEY.left, match: (e) => plain(e) && e.key === PANE_KEY.left, run: () => usePaneUi.getState().toggle('left') },
  { id: 'paneRight', label: 'Hide or show the panels', keys: PANE_KEY.right, match: (e) => plain(e) && e.key === PANE_KEY.right, run: () => usePaneUi.getState().toggle('right') },
];

/**
 * Runs the command bound to a key event, if any and if the state allows it; returns the command run.
 * The one place that decides whether a key press may act: a modal dialog open, a read-only view,
 * typing in a field, focus away from the canvas.
 */
export function dispatchKey(event: KeyboardEvent, ctx: Omit<ActionContext, 'event'>): Action | undefined {
  if (event.defaultPrevented || event.isComposing || modalOpen()) return undefined;
  const typing = isTypingTarget(event.target);
  const action = ACTIONS.find((a) => a.match(event));
  if (!action) return undefined;
  if (typing && !action.inFields) return undefined;
  if (action.canvasOnly && !onCanvas(event.target)) return undefined;
  if (action.edits && ctx.store.getState().readOnly) {
    // A shared design is read-only: say so (once while the message shows), change nothing.
    const { toasts, toast } = ctx.store.getState();
    if (!toasts.some((t) => t.message === READ_ONLY)) toast('info', READ_ONLY, 'Use "Make a copy" in the banner to edit it as your own.');
    event.preventDefault();
    return undefined;
  }
  const result = action.run({ ...ctx, event });
  if (result === false) return undefined;
  if (result !== 'default') event.preventDefault();
  if (action.stop) event.stopPropagation();
  return action;
}

/** The one key handler of the editor (capture phase, so it decides before the canvas does). */
export function useActions(store: AppStore): void {
  const { fitView, getNodes } = useReactFlow();
  useEffect(() => {
    const ctx = { store, flow: { fitView, getNodes } };
    const onKeyDown = (e: KeyboardEvent) => void dispatchKey(e, ctx);
    const onCopy = (e: ClipboardEvent) => {
      if (pendingCopy === undefined) return;
      e.clipboardData?.setData('text/plain', pendingCopy);
      e.preventDefault();
      pendingCopy = undefined;
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || modalOpen()) return;
      clearTimeout(pasteFallback);
      e.preventDefault();
      if (store.getState().readOnly) return;
      const text = e.clipboardData?.getData('text/plain');
      // Thousands of nodes: parsed and validated in the worker, with progress; then added as one step.
      if (text !== undefined && text.length >= WORKER_MIN_TEXT) void import('./analysis.ts').then(({ loadBig }) => loadBig(store, text, 'the clipboard', false)).then((big) => paste(store, text, big?.result));
      else paste(store, text);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      clearTimeout(pasteFallback);
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, fitView, getNodes]);
}
