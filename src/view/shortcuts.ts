/**
 * Keyboard shortcuts: undo, redo, delete selection, and the editor's (editor-shortcuts.ts). Ignored
 * while typing in a form field.
 */
import { useEffect } from 'react';
import type { AppStore } from '../store/app-store.ts';
import { useEditorShortcuts } from './editor-shortcuts.ts';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';
export const SHORTCUTS = {
  undo: `${MOD}+Z`,
  redo: IS_MAC ? '⌘+Shift+Z' : 'Ctrl+Shift+Z or Ctrl+Y',
  delete: 'Delete / Backspace',
  copy: `${MOD}+C`,
  cut: `${MOD}+X`,
  paste: `${MOD}+V`,
  duplicate: `${MOD}+D`,
  selectAll: `${MOD}+A`,
  fit: 'Shift+1',
};

/** Whether a key event comes from somewhere text is typed. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return false;
}

export function useShortcuts(store: AppStore, enabled: boolean): void {
  useEditorShortcuts(store, enabled);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.getState().undo();
      } else if (mod && ((key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.metaKey))) {
        e.preventDefault();
        store.getState().redo();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        const { selection } = store.getState();
        if (!selection.nodeIds.length && !selection.edgeIds.length) return;
        e.preventDefault();
        store.getState().deleteSelection();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, enabled]);
}
