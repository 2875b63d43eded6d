/**
 * How the key bindings are spelled for the user (Ctrl or ⌘), and which key events come from typing.
 * The commands themselves, with their bindings, are in actions.ts.
 */

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
  layout: 'Shift+L',
  exportJson: `${MOD}+S`,
  search: `/ or ${MOD}+K`,
};

/** Whether a key event comes from somewhere text is typed. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return false;
}

/** Whether a modal dialog is open (then the editor's keyboard commands stand still). */
export function modalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open]') !== null;
}
