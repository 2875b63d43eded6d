/**
 * Editor actions over the app store that work on the selection: copy / cut / paste / duplicate,
 * select all, nudge, align and distribute. The clipboard is kept here in memory (so it survives a
 * change of scenario) and, when the browser allows, also written to the system clipboard as a design
 * document (see src/domain/fragment.ts). Every paste, nudge burst or arrangement is one undo step.
 */
import { align, distribute, type Alignment, type Axis, type Box, type Positions } from '../domain/arrange.ts';
import { loadDesignText, serializeDesign, type LoadResult } from '../domain/design.ts';
import { copyFragment, pasteFragment, type Fragment } from '../domain/fragment.ts';
import type { AppStore } from './app-store.ts';

/** Canvas px between a copy and its original (and between successive pastes of one copy). */
export const PASTE_OFFSET = 24;

let clipboard: { fragment: Fragment; text: string; pastes: number } | undefined;

/** What the in-memory clipboard holds (for tests and the UI). */
export function clipboardContents(): Fragment | undefined {
  return clipboard?.fragment;
}

/**
 * Copies the selected nodes (with the edges between them) to the in-memory clipboard.
 * @returns the fragment's JSON text, for the system clipboard; undefined when no node is selected
 */
export function copySelection(store: AppStore): string | undefined {
  const { design, selection } = store.getState();
  const fragment = copyFragment(design, selection.nodeIds);
  if (!fragment) return undefined;
  clipboard = { fragment, text: serializeDesign(fragment), pastes: 0 };
  return clipboard.text;
}

/** Copies the selection, then deletes it (one undo step brings it back). */
export function cutSelection(store: AppStore): string | undefined {
  const text = copySelection(store);
  if (text) store.getState().deleteSelection();
  return text;
}

/** Most nodes one paste adds (as an import of a design file, see README "Limits"). */
export const MAX_PASTE_NODES = 10_000;

/** What a paste did: how many nodes it added, or why it added none (shown to the user as a toast). */
export interface PasteResult {
  pasted: number;
  /** Why nothing was pasted (undefined when something was). */
  reason?: string;
}

/**
 * Pastes as one undo step and selects the copies. Positions move by `PASTE_OFFSET` times the number
 * of pastes of the same copy. Text from the system clipboard decides what is pasted whenever there is
 * some, so an earlier in-app copy is never pasted in place of what the user copied last: an Archboard
 * design (a copy from another tab, or a file's text) is pasted; anything else pastes nothing and
 * the result says why (not JSON, not a design, which JSON path is wrong). Only without clipboard
 * text (the browser refused to read it) is the in-memory clipboard pasted.
 * @param text the system clipboard's text, when the browser gave it
 * @param loaded `text` already read with `loadDesignText` (in the analysis worker, for a big paste)
 * @returns nodes pasted, or the reason none was; a reason is also shown as a toast
 */
export function paste(store: AppStore, text?: string, loaded?: LoadResult): PasteResult {
  const state = store.getState();
  if (state.readOnly) return { pasted: 0, reason: 'This shared design is read-only.' };
  if (text !== undefined && text.trim() !== '' && text !== clipboard?.text) {
    const why = (reason: string, detail?: string): PasteResult => {
      state.toast('warning', reason, detail);
      return { pasted: 0, reason };
    };
    const trimmed = text.trim();
    if (!trimmed.startsWith('{')) return why('Nothing pasted: the clipboard holds text, not Archboard services.', 'Copy services in Archboard (Ctrl+C), or paste the JSON of an Archboard design.');
    const read = loaded ?? loadDesignText(trimmed, state.content.catalog);
    if (!read.ok) {
      const first = read.problems[0]!;
      const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more problem${read.problems.length === 2 ? '' : 's'})` : '';
      return why('Nothing pasted: the clipboard’s JSON is not a design this Archboard can read.', `${first.path}: ${first.message}${more}`);
    }
    if (!read.design.nodes.length) return why('Nothing pasted: the design on the clipboard has no services.');
    if (read.design.nodes.length > MAX_PASTE_NODES)
      return why(`Nothing pasted: ${read.design.nodes.length.toLocaleString('en-US')} services is over the limit of ${MAX_PASTE_NODES.toLocaleString('en-US')} for one paste.`, 'Import the file instead (Import JSON), or paste it in parts.');
    clipboard = { fragment: read.design, text, pastes: 0 };
  }
  if (!clipboard) {
    state.toast('info', 'Nothing to paste yet.', 'Select services and copy them (Ctrl+C) first.');
    return { pasted: 0, reason: 'Nothing to paste yet.' };
  }
  clipboard.pastes++;
  const pasted = insert(store, clipboard.fragment, PASTE_OFFSET * clipboard.pastes);
  if (!pasted) {
    const reason = 'Nothing pasted: the copied services could not be added here.';
    state.toast('warning', reason);
    return { pasted, reason };
  }
  return { pasted };
}

/** Copies and pastes the selection in one step, without touching the clipboard. */
export function duplicateSelection(store: AppStore): number {
  const { design, selection } = store.getState();
  const fragment = copyFragment(design, selection.nodeIds);
  return fragment ? insert(store, fragment, PASTE_OFFSET) : 0;
}

function insert(store: AppStore, fragment: Fragment, offset: number): number {
  const state = store.getState();
  const { nodes, edges } = pasteFragment(state.design, fragment, { x: offset, y: offset });
  const before = state.design;
  state.dispatch({ type: 'addNodes', nodes, edges });
  if (store.getState().design === before) return 0;
  store.getState().select({ nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) });
  return nodes.length;
}

/** Selects every node and edge. */
export function selectAll(store: AppStore): void {
  const { design } = store.getState();
  store.getState().select({ nodeIds: design.nodes.map((n) => n.id), edgeIds: design.edges.map((e) => e.id) });
  if (design.nodes.length) store.getState().setRightTab('inspector');
}

/**
 * Moves the selected nodes by (dx, dy) canvas px; presses in a quick burst make one undo step.
 * Members of a selected group move with it already, so they are not moved again.
 */
export function nudgeSelection(store: AppStore, dx: number, dy: number): void {
  const { design, selection } = store.getState();
  const ids = new Set(selection.nodeIds);
  const positions: Positions = new Map();
  for (const n of design.nodes) if (ids.has(n.id) && !(n.parentId !== undefined && ids.has(n.parentId))) positions.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
  if (positions.size) store.getState().dispatch({ type: 'moveNodes', positions }, { coalesce: 'nudge' });
}

/**
 * Aligns or distributes boxes (absolute canvas px, from the canvas's measured nodes) as one
 * `moveNodes`. `offsets` turn absolute positions back into the design's (relative to a group).
 */
export function arrangeBoxes(store: AppStore, boxes: readonly Box[], op: { align: Alignment } | { distribute: Axis }, offsets: ReadonlyMap<string, { x: number; y: number }>): boolean {
  const moved = 'align' in op ? align(boxes, op.align) : distribute(boxes, op.distribute);
  const positions: Positions = new Map();
  for (const [id, p] of moved) {
    const o = offsets.get(id) ?? { x: 0, y: 0 };
    positions.set(id, { x: p.x - o.x, y: p.y - o.y });
  }
  if (!positions.size) return false;
  store.getState().dispatch({ type: 'moveNodes', positions });
  return true;
}
