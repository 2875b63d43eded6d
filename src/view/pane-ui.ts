/**
 * Widths and collapsed state of the two side panes (palette, right pane), remembered in storage as
 * preferences. A small zustand store of its own, like editor-ui.ts.
 */
import { create } from 'zustand';

export type PaneSide = 'left' | 'right';

/** Limits of a pane's width in CSS px; `undefined` width means the stylesheet's default for the window. */
export const PANE_LIMITS: Record<PaneSide, { min: number; max: number; fallback: number }> = {
  left: { min: 200, max: 420, fallback: 256 },
  right: { min: 300, max: 640, fallback: 396 },
};
/** Width of a collapsed pane: a rail with the expand button. */
export const COLLAPSED_WIDTH = 44;

export interface PaneUi {
  width: Record<PaneSide, number | undefined>;
  collapsed: Record<PaneSide, boolean>;
  /** Sets a pane's width (clamped to its limits) and remembers it. */
  setWidth(side: PaneSide, px: number): void;
  setCollapsed(side: PaneSide, collapsed: boolean): void;
  toggle(side: PaneSide): void;
  /**
   * Whether the content of the panes, the header and the toolbar is drawn. The page's start
   * (src/main.tsx) holds it back until the canvas has shown its nodes (see `holdPanesUntilCanvas`): at
   * 200 stored nodes the palette and the Scenario tab took about 90 ms of the main thread before the
   * first node could be seen, the header and the toolbar about 25 ms more. Their frames (pane headers
   * and tabs, the brand, the bars' backgrounds) are drawn at once, so nothing moves when it comes.
   */
  panesShown: boolean;
  showPanes(): void;
}

/** The longest the panes' content waits for the canvas (a canvas that never reports its nodes shown). */
export const PANES_WAIT_MAX_MS = 1500;

/**
 * Holds the panes' content back until `showPanes` (called by the canvas once its nodes are shown, see
 * Canvas.tsx) or `PANES_WAIT_MAX_MS` have passed. For the page's start only.
 */
export function holdPanesUntilCanvas(): void {
  usePaneUi.setState({ panesShown: false });
  setTimeout(() => usePaneUi.getState().showPanes(), PANES_WAIT_MAX_MS);
}

const key = (side: PaneSide, what: 'width' | 'collapsed') => `archboard:pref:pane-${side}-${what}`;
function read(k: string): string | null {
  try {
    return globalThis.localStorage?.getItem(k) ?? null;
  } catch {
    return null;
  }
}
function write(k: string, v: string): void {
  try {
    globalThis.localStorage?.setItem(k, v);
  } catch {
    // storage disabled: the choice lasts for this tab
  }
}
/** A pane width clamped to its limits. */
export function clampWidth(side: PaneSide, px: number): number {
  const { min, max } = PANE_LIMITS[side];
  return Math.round(Math.min(max, Math.max(min, px)));
}
function readWidth(side: PaneSide): number | undefined {
  const v = Number(read(key(side, 'width')));
  return Number.isFinite(v) && v > 0 ? clampWidth(side, v) : undefined;
}

export const usePaneUi = create<PaneUi>()((set, get) => ({
  width: { left: readWidth('left'), right: readWidth('right') },
  collapsed: { left: read(key('left', 'collapsed')) === 'yes', right: read(key('right', 'collapsed')) === 'yes' },
  setWidth: (side, px) => {
    const w = clampWidth(side, px);
    set({ width: { ...get().width, [side]: w } });
    write(key(side, 'width'), String(w));
  },
  setCollapsed: (side, collapsed) => {
    if (get().collapsed[side] === collapsed) return;
    set({ collapsed: { ...get().collapsed, [side]: collapsed } });
    write(key(side, 'collapsed'), collapsed ? 'yes' : 'no');
  },
  toggle: (side) => get().setCollapsed(side, !get().collapsed[side]),
  panesShown: true,
  showPanes: () => {
    if (!get().panesShown) set({ panesShown: true });
  },
}));
