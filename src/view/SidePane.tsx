/**
 * A side pane that collapses to a rail (the toolbar's `PaneToggle`, the rail's button, or `[` / `]`: actions.ts)
 * and resizes by dragging its inner edge (or, focused, with the arrow keys); the width and the
 * collapsed state are remembered (pane-ui.ts).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { PANE_KEY } from './actions.ts';
import { clampWidth, PANE_LIMITS, usePaneUi, type PaneSide } from './pane-ui.ts';

function Chevron({ dir }: { dir: 'left' | 'right' }) {
  return (
    <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {dir === 'left' ? <path d="M15 6l-6 6 6 6M20 4v16" /> : <path d="M9 6l6 6-6 6M4 4v16" />}
    </svg>
  );
}

/** The toolbar's button that hides or shows a pane (at the toolbar's start for the palette, its end for the right pane). */
export function PaneToggle({ side, title }: { side: PaneSide; title: string }) {
  const collapsed = usePaneUi((s) => s.collapsed[side]);
  const label = `${collapsed ? 'Show' : 'Hide'} ${title.toLowerCase()} (${PANE_KEY[side]})`;
  return (
    <button type="button" className="btn btn-quiet btn-icon pane-toggle-bar" aria-label={label} aria-pressed={!collapsed} title={label} onClick={() => usePaneUi.getState().toggle(side)}>
      <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        {side === 'left' ? <path d="M9 4v16" /> : <path d="M15 4v16" />}
      </svg>
    </button>
  );
}

export function SidePane({ side, label, title, header, className, children }: { side: PaneSide; label: string; title: string; header?: ReactNode; className: string; children: ReactNode }) {
  const collapsed = usePaneUi((s) => s.collapsed[side]);
  const shown = usePaneUi((s) => s.panesShown);
  const ref = useRef<HTMLElement>(null);
  const drag = useRef<{ startX: number; startW: number } | undefined>(undefined);
  const collapseLabel = `${collapsed ? 'Show' : 'Hide'} ${title.toLowerCase()} (${PANE_KEY[side]})`;
  // The width the CSS gave the pane, for the separator's value while no width is chosen: observed, never
  // read during a render (that would force a layout in every update of the pane's content).
  const [shownWidth, setShownWidth] = useState<number>();
  useEffect(() => {
    const el = ref.current;
    if (!el || collapsed || typeof ResizeObserver === 'undefined') return;
    // The observer's own measure: reading the element's box here instead would force a layout whenever
    // another observer's callback (the canvas measuring its nodes) changed the page first.
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      setShownWidth(Math.round(box ? box.inlineSize : el.getBoundingClientRect().width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [collapsed]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startW: ref.current?.getBoundingClientRect().width ?? PANE_LIMITS[side].fallback };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.startX;
    usePaneUi.getState().setWidth(side, d.startW + (side === 'left' ? dx : -dx));
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };
  const onSeparatorKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const w = ref.current?.getBoundingClientRect().width ?? PANE_LIMITS[side].fallback;
    const step = e.shiftKey ? 64 : 16;
    const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
    const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
    if (e.key === grow || e.key === shrink) {
      e.preventDefault();
      usePaneUi.getState().setWidth(side, w + (e.key === grow ? step : -step));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      usePaneUi.getState().setWidth(side, e.key === 'Home' ? PANE_LIMITS[side].min : PANE_LIMITS[side].max);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      usePaneUi.getState().toggle(side);
    }
  };
  const width = usePaneUi((s) => s.width[side]);

  // The body stays mounted while collapsed (hidden), so the pane keeps its state (search text, scroll).
  return (
    <aside ref={ref} className={`pane pane-${side}${collapsed ? ' is-collapsed' : ''} ${className}`} aria-label={label}>
      {collapsed ? (
        <>
          <button type="button" className="btn btn-quiet btn-icon pane-toggle" aria-label={collapseLabel} aria-expanded={false} title={collapseLabel} onClick={() => usePaneUi.getState().setCollapsed(side, false)}>
            <Chevron dir={side === 'left' ? 'right' : 'left'} />
          </button>
          <span className="pane-rail-title" aria-hidden="true">
            {title}
          </span>
        </>
      ) : (
        <div className="pane-header">{header ?? <h2>{title}</h2>}</div>
      )}
      <div className="pane-body" hidden={collapsed}>
        {shown && children}
      </div>
      {!collapsed && (
        <div
          className="pane-resizer"
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${title.toLowerCase()}`}
          aria-valuemin={PANE_LIMITS[side].min}
          aria-valuemax={PANE_LIMITS[side].max}
          aria-valuenow={clampWidth(side, width ?? shownWidth ?? PANE_LIMITS[side].fallback)}
          tabIndex={0}
          title="Drag to resize; double-click to hide"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onDoubleClick={() => usePaneUi.getState().setCollapsed(side, true)}
          onKeyDown={onSeparatorKey}
        />
      )}
    </aside>
  );
}
