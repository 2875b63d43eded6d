/**
 * Editor keyboard shortcuts: copy / cut / paste / duplicate, select all, arrow-key nudge, zoom to fit
 * (Shift+1), and Enter to edit a selected note or connection label on the canvas. Ignored while typing
 * in a form field. Copy and cut also fill the system clipboard through the `copy`/`cut` events (no
 * permission needed); paste reads it through the `paste` event, so a copy made in another tab pastes
 * here too, and falls back to the in-memory clipboard.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { AppStore } from '../store/app-store.ts';
import { WORKER_MIN_TEXT } from '../adapters/analysis-limits.ts';
import { copySelection, cutSelection, duplicateSelection, nudgeSelection, paste, selectAll } from '../store/editor.ts';
import { GRID, useEditorUi } from './editor-ui.ts';
import { isTypingTarget } from './shortcuts.ts';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

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

export function useEditorShortcuts(store: AppStore, enabled: boolean): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!enabled) return;
    let pendingCopy: string | undefined;
    let pasteFallback: ReturnType<typeof setTimeout> | undefined;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const { selection, readOnly } = store.getState();
      const hasNodes = selection.nodeIds.length > 0;
      if (mod && !e.shiftKey && !e.altKey && (key === 'c' || key === 'x')) {
        if (!hasNodes || hasTextSelection()) return;
        if (key === 'x' && readOnly) return;
        pendingCopy = key === 'c' ? copySelection(store) : cutSelection(store);
        // The browser's copy/cut event follows and writes pendingCopy to the system clipboard.
      } else if (mod && !e.shiftKey && !e.altKey && key === 'v') {
        clearTimeout(pasteFallback);
        // The paste event normally follows; if the browser sends none, paste the in-memory copy.
        pasteFallback = setTimeout(() => void paste(store), 150);
      } else if (mod && !e.shiftKey && !e.altKey && key === 'd') {
        e.preventDefault(); // the browser's bookmark shortcut
        if (hasNodes) duplicateSelection(store);
      } else if (mod && !e.shiftKey && !e.altKey && key === 'a') {
        if (!onCanvas(e.target)) return;
        e.preventDefault();
        selectAll(store);
      } else if (!mod && !e.altKey && e.shiftKey && (e.code === 'Digit1' || e.key === '!')) {
        e.preventDefault();
        void fitView({ padding: 0.1, duration: 300, maxZoom: 1 });
      } else if (!mod && !e.altKey && !e.shiftKey && e.key === 'Enter' && onCanvas(e.target)) {
        const { design } = store.getState();
        if (readOnly) return;
        if (selection.nodeIds.length === 1 && !selection.edgeIds.length && design.nodes.find((n) => n.id === selection.nodeIds[0])?.service === 'text-note') {
          e.preventDefault();
          useEditorUi.getState().edit({ kind: 'note', id: selection.nodeIds[0]! });
        } else if (selection.edgeIds.length === 1 && !selection.nodeIds.length) {
          e.preventDefault();
          useEditorUi.getState().edit({ kind: 'edge', id: selection.edgeIds[0]! });
        }
      }
    };
    // Arrow keys in the capture phase, before React Flow's own node handler moves a focused node: one
    // behaviour (grid steps, Shift = 10x, one undo step per burst) whether a node has focus or not.
    const onArrow = (e: KeyboardEvent) => {
      const dir = ARROWS[e.key];
      if (!dir || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || !onCanvas(e.target)) return;
      if (!store.getState().selection.nodeIds.length) return;
      e.preventDefault();
      e.stopPropagation();
      const step = (useEditorUi.getState().snap ? GRID : 1) * (e.shiftKey ? 10 : 1);
      nudgeSelection(store, dir[0] * step, dir[1] * step);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (pendingCopy === undefined) return;
      e.clipboardData?.setData('text/plain', pendingCopy);
      e.preventDefault();
      pendingCopy = undefined;
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target)) return;
      clearTimeout(pasteFallback);
      e.preventDefault();
      const text = e.clipboardData?.getData('text/plain');
      // Thousands of nodes: parsed and validated in the worker, with progress; then added as one step.
      if (text !== undefined && text.length >= WORKER_MIN_TEXT)
        void import('./analysis.ts').then(({ loadBig }) => loadBig(store, text, 'the clipboard', false)).then((big) => paste(store, text, big?.result));
      else paste(store, text);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keydown', onArrow, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      clearTimeout(pasteFallback);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keydown', onArrow, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, enabled, fitView]);
}
