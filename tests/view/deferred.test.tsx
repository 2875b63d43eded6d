/**
 * Work the UI holds back while the user is busy: a lazily loaded panel fetched ahead opens in the
 * click's own commit (no "Loading…" flash); the right pane holds what it shows while a node is
 * dragged and catches up once the drop has been painted; a panel is put at its top without a forced
 * layout when it is there already; at the page start the panes draw their content after the canvas.
 */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadable } from '../../src/view/deferred.ts';
import { startNodeDrag, useEditorUi, useHeldDuringDrag } from '../../src/view/editor-ui.ts';
import { scrollToTop } from '../../src/view/scroll-top.ts';
import { holdPanesUntilCanvas, PANES_WAIT_MAX_MS, usePaneUi } from '../../src/view/pane-ui.ts';
import { SidePane } from '../../src/view/SidePane.tsx';

afterEach(() => {
  vi.useRealTimers();
  useEditorUi.getState().setNodeDrag(false);
  usePaneUi.getState().showPanes();
});

describe('preloadable', () => {
  it('renders a preloaded panel at once, without the Suspense fallback', async () => {
    const load = vi.fn(async () => (props: { who: string }) => <p>Panel of {props.who}</p>);
    const Panel = preloadable(load);
    await Panel.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Panel who="kds" />
      </Suspense>,
    );
    // Synchronously after the first render: no fallback was ever committed.
    expect(screen.getByText('Panel of kds')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('before its preload it loads on first render, behind the fallback, and once only', async () => {
    const load = vi.fn(async () => () => <p>Late panel</p>);
    const Panel = preloadable(load);
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Panel />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('Late panel')).toBeTruthy();
    await Panel.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed preload is tried again by the next one', async () => {
    let fail = true;
    const Panel = preloadable(async () => {
      if (fail) throw new Error('offline');
      return () => <p>Back online</p>;
    });
    await expect(Panel.preload()).rejects.toThrow('offline');
    fail = false;
    await Panel.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Panel />
      </Suspense>,
    );
    expect(screen.getByText('Back online')).toBeTruthy();
  });
});

function Shown({ value }: { value: string }) {
  return <p data-testid="shown">{useHeldDuringDrag(value)}</p>;
}

describe('useHeldDuringDrag', () => {
  it('holds the value from the start of a node drag until the frame after the pointer is released', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const view = render(<Shown value="scenario" />);
    act(() => startNodeDrag());
    view.rerender(<Shown value="inspector" />);
    expect(screen.getByTestId('shown').textContent).toBe('scenario');
    act(() => window.dispatchEvent(new Event('pointerup')));
    // The drop's frame first; then the pane catches up.
    expect(screen.getByTestId('shown').textContent).toBe('scenario');
    await act(async () => vi.runAllTimers());
    expect(screen.getByTestId('shown').textContent).toBe('inspector');
    expect(useEditorUi.getState().nodeDrag).toBe(false);
  });

  it('shows every value at once when no drag is under way', () => {
    const view = render(<Shown value="a" />);
    view.rerender(<Shown value="b" />);
    expect(screen.getByTestId('shown').textContent).toBe('b');
  });

  it('a cancelled pointer ends the hold too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    render(<Shown value="x" />);
    act(() => startNodeDrag());
    act(() => window.dispatchEvent(new Event('pointercancel')));
    await act(async () => vi.runAllTimers());
    expect(useEditorUi.getState().nodeDrag).toBe(false);
  });
});

describe('scrollToTop', () => {
  function panel() {
    const el = document.createElement('div');
    document.body.append(el);
    let top = 0;
    const writes: number[] = [];
    Object.defineProperty(el, 'scrollTop', {
      get: () => top,
      set: (v: number) => {
        writes.push(v);
        top = v;
      },
    });
    const scroll = (to: number) => {
      top = to;
      el.dispatchEvent(new Event('scroll'));
    };
    return { el, writes, scroll };
  }

  it('does not touch a panel that never scrolled (no forced layout)', () => {
    const p = panel();
    scrollToTop(p.el);
    expect(p.writes).toEqual([]);
  });

  it('puts a scrolled panel back at its top, once', () => {
    const p = panel();
    p.scroll(240);
    scrollToTop(p.el);
    expect(p.writes).toEqual([0]);
    expect(p.el.scrollTop).toBe(0);
    scrollToTop(p.el);
    expect(p.writes).toEqual([0]);
  });

  it('a panel scrolled back to its top by the user is left alone', () => {
    const p = panel();
    p.scroll(120);
    p.scroll(0);
    scrollToTop(p.el);
    expect(p.writes).toEqual([]);
  });
});

describe('panes after the canvas', () => {
  const pane = () => (
    <SidePane side="left" label="Services" title="Services" className="palette">
      <p>IoT devices</p>
    </SidePane>
  );

  it('draws a pane at once when nothing holds it', () => {
    render(pane());
    expect(screen.getByText('IoT devices')).toBeTruthy();
  });

  it('at the page start draws the frame first and the content once the canvas says so', () => {
    holdPanesUntilCanvas();
    render(pane());
    expect(screen.getByRole('heading', { name: 'Services' })).toBeTruthy();
    expect(screen.queryByText('IoT devices')).toBeNull();
    act(() => usePaneUi.getState().showPanes());
    expect(screen.getByText('IoT devices')).toBeTruthy();
  });

  it('does not wait for a canvas that never reports its nodes drawn', () => {
    vi.useFakeTimers();
    holdPanesUntilCanvas();
    render(pane());
    act(() => vi.advanceTimersByTime(PANES_WAIT_MAX_MS - 1));
    expect(screen.queryByText('IoT devices')).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByText('IoT devices')).toBeTruthy();
  });
});
