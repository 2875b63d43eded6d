/**
 * View state of the editor that is not part of the design: snap to grid (a preference kept in
 * storage), which note or edge label is being edited on the canvas, and the editor's dialogs (share
 * link, draw.io import report). A small zustand store of its own, so the app store stays the design's.
 */
import { useRef } from 'react';
import { create } from 'zustand';
import type { PageSummary } from '../adapters/drawio-design.ts';
import type { DrawioCounts, UnmappedCell } from '../domain/drawio.ts';
import type { SettingTarget } from './finding-setting.ts';

export type EditorDialog =
  | { kind: 'share'; url: string; copied: boolean }
  | { kind: 'drawio'; fileName: string; counts: DrawioCounts; unmapped: UnmappedCell[]; warnings: string[]; page: string; pageCount: number }
  /** A draw.io file with several pages: which one to import. */
  | { kind: 'drawio-pages'; fileName: string; text: string; pages: PageSummary[] }
  /** Replacing a non-empty design (New, Reference, Import, "Make a copy"): asked first (see `askReplace`). */
  | { kind: 'confirm-replace'; title: string; body: string; confirm: string; run(): void };

export interface EditorUi {
  snap: boolean;
  /** The note (node id) or edge whose text is being edited on the canvas. */
  editing: { kind: 'note' | 'edge'; id: string } | undefined;
  dialog: EditorDialog | undefined;
  /**
   * The setting the Inspector should show, scrolled to and highlighted (a finding was clicked); `at`
   * tells one request from the next for the same setting.
   */
  focusSetting: (SettingTarget & { at: number }) | undefined;
  /** Big work under way (an import or paste read in the worker): what to show as its progress. */
  progress: string | undefined;
  /**
   * A node drag is under way (from its first move until the frame after the pointer is released):
   * the right pane holds what it shows meanwhile (see `useHeldDuringDrag`).
   */
  nodeDrag: boolean;
  setNodeDrag(on: boolean): void;
  setSnap(on: boolean): void;
  setProgress(text: string | undefined): void;
  /** Asks the Inspector to open at a setting (or clears the request). */
  showSetting(target: SettingTarget | undefined): void;
  edit(target: EditorUi['editing']): void;
  showDialog(dialog: EditorDialog | undefined): void;
}

/**
 * Runs a whole-design replacement at once when the design it would replace is empty, and otherwise
 * asks first in a dialog ("Replace your design?") that says how much would be replaced and that it
 * stays recoverable ("Restore previous design", Undo).
 * `services`: how many services the design that would be replaced has.
 */
export function askReplace(services: number, ask: { title: string; body: string; confirm: string; run(): void }): void {
  if (services === 0) {
    ask.run();
    return;
  }
  const what = services === 1 ? '1 service' : `${services} services`;
  useEditorUi.getState().showDialog({ kind: 'confirm-replace', ...ask, body: `${ask.body} Your current design (${what}) is kept as the previous design: "Restore previous design" over the canvas brings it back, also after a reload.` });
}

const SNAP_KEY = 'archboard:pref:snap';
function readSnap(): boolean {
  try {
    return globalThis.localStorage?.getItem(SNAP_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const useEditorUi = create<EditorUi>()((set) => ({
  snap: readSnap(),
  editing: undefined,
  dialog: undefined,
  focusSetting: undefined,
  showSetting: (target) => set({ focusSetting: target ? { ...target, at: Date.now() } : undefined }),
  progress: undefined,
  setProgress: (progress) => set({ progress }),
  setSnap: (snap) => {
    set({ snap });
    try {
      globalThis.localStorage?.setItem(SNAP_KEY, snap ? 'on' : 'off');
    } catch {
      // storage disabled: the choice lasts for this tab
    }
  },
  edit: (editing) => set({ editing }),
  showDialog: (dialog) => set({ dialog }),
  nodeDrag: false,
  setNodeDrag: (nodeDrag) => set({ nodeDrag }),
}));

/**
 * `value` as it was when the current node drag started, while one is under way; `value` otherwise.
 * Dragging an unselected node selects it, which opens the Inspector on it: that render (about 40 ms
 * at 200 nodes, form controls and all) waits until the drop has been painted, so the drag's frames are
 * the canvas's alone. Re-renders when the drag ends.
 */
export function useHeldDuringDrag<T>(value: T): T {
  const dragging = useEditorUi((s) => s.nodeDrag);
  const held = useRef(value);
  if (!dragging) held.current = value;
  return held.current;
}

/**
 * Marks a node drag as started (React Flow's onNodeDragStart); it ends in the frame after the pointer
 * is released or cancelled (a drag React Flow aborts reports no stop, so the pointer decides).
 */
export function startNodeDrag(): void {
  if (useEditorUi.getState().nodeDrag) return;
  useEditorUi.getState().setNodeDrag(true);
  const end = () => {
    window.removeEventListener('pointerup', end, true);
    window.removeEventListener('pointercancel', end, true);
    // After the drop's frame is painted (a hidden tab has no frames: a timer then).
    const clear = () => setTimeout(() => useEditorUi.getState().setNodeDrag(false), 0);
    if (document.visibilityState === 'visible') requestAnimationFrame(clear);
    else clear();
  };
  window.addEventListener('pointerup', end, true);
  window.addEventListener('pointercancel', end, true);
}

/** Grid step in canvas px (snap to grid and arrow-key nudges). */
export const GRID = 8;
