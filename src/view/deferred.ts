/**
 * `React.lazy` for code fetched ahead of its first use. Once `preload()`'s import has resolved, the
 * component renders in the same commit as whatever shows it: React.lazy given an already-resolved
 * promise still suspends once (a promise settles a microtask later), shows the Suspense fallback and
 * reveals the content only after React's fallback throttle (up to 300 ms); a thenable that calls back
 * at once lets it read the module straight away. Before the import resolves it behaves as React.lazy.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazy component with its `preload()`: starts the import (once) and resolves when it has loaded. */
export type Preloadable<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };

/**
 * @param load imports the module and returns the component (e.g. `() => import('./X.tsx').then((m) => m.X)`)
 * @returns the lazy component; a failed import rejects `preload()` (the caller may ignore it) and
 *   surfaces at render as React.lazy's does (the nearest error boundary), after a retry of `load`
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined; // a later render or preload tries again
        throw e;
      },
    ));
  const component = lazy<ComponentType<P>>(() => {
    const ready = loaded;
    type Loaded = { default: ComponentType<P> };
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose: it calls back at once, so React reads the loaded module in this render
    if (ready) return { then: (resolve: (m: Loaded) => void) => resolve({ default: ready }) } as PromiseLike<Loaded> as Promise<Loaded>;
    return preload().then((c) => ({ default: c }));
  });
  return Object.assign(component, { preload });
}

/**
 * Runs `task` when the main thread is idle (within `timeoutMs` at the latest): for work that must not
 * compete with the first paint of the canvas.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 50);
}
