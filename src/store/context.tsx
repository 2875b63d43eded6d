/** React access to the app store: a provider (one store per app or test) and selector hooks. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself (for actions and `getState` in handlers). */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreProvider>');
  return store;
}

/** A slice of the app state; re-renders when the selected value changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** Whether undo / redo are possible. */
export function useHistoryAvailability(): { canUndo: boolean; canRedo: boolean } {
  const store = useAppStore();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  const shared = useStore(store, (s) => s.sharedHistory);
  return shared ? { canUndo: shared.canUndo, canRedo: shared.canRedo } : { canUndo, canRedo };
}
