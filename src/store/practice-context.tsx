/** React access to the practice store (see practice-store.ts): a provider and selector hooks. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './app-store.ts';
import { createPracticeStore, type PracticeState, type PracticeStore } from './practice-store.ts';

const PracticeContext = createContext<PracticeStore | null>(null);

/**
 * Provides a practice store: the one given, or (tests, embeddings) one kept in memory and bound to
 * `app`, created once.
 */
export function PracticeProvider({ app, store, children }: { app: AppStore; store?: PracticeStore | undefined; children: ReactNode }) {
  const [own] = useState(() => (store ? undefined : createPracticeStore(app)));
  useEffect(() => () => own?.dispose(), [own]);
  return <PracticeContext.Provider value={store ?? own!}>{children}</PracticeContext.Provider>;
}

/** The practice store itself (for actions in handlers). */
export function usePracticeStore(): PracticeStore {
  const store = useContext(PracticeContext);
  if (!store) throw new Error('usePracticeStore outside <PracticeProvider>');
  return store;
}

/** A slice of the practice state; re-renders when it changes (Object.is). */
export function usePractice<T>(selector: (s: PracticeState) => T): T {
  return useStore(usePracticeStore(), selector);
}
