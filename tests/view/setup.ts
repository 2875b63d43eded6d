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

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 64;
    },
  },
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.width) || 208;
    },
  },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
