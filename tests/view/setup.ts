/**
 * Vitest setup for view tests (jsdom): jest-dom matchers, a 10 s wait for lazily loaded panels, and the browser APIs React Flow needs that
 * jsdom lacks (ResizeObserver, DOMMatrixReadOnly, element sizes, SVG getBBox), as React Flow's testing
 * guide describes.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Panels (Inspector, Feedback, ...) load as lazy chunks; on a loaded 2-core machine the first import
// can take longer than testing-library's default 1 s wait. findBy*/waitFor wait up to 10 s, no longer
// than the panel takes to appear.
configure({ asyncUtilTimeout: 10_000 });

class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
g.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;

// Element sizes: a node's default box (208 x 64), and React Flow's container the size of a laptop's
// canvas (so the fitted view of a small design is near zoom 1, where edge labels are drawn).
const isCanvas = (el: HTMLElement) => el.classList.contains('react-flow') || el.classList.contains('react-flow__renderer');
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return isCanvas(this) ? 620 : parseFloat(this.style.height) || 64;
    },
  },
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return isCanvas(this) ? 680 : parseFloat(this.style.width) || 208;
    },
  },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
