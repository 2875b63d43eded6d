/**
 * Solo, local-first: two tabs of one scenario stay in sync instead of the last one to save winning.
 * The active scenario's design is bound (store/shared-design.ts) to a Y.Doc that the tabs of this
 * browser share through a BroadcastChannel (adapters/tab-sync.ts). A tab that opens listens briefly:
 * when another tab answers, it takes the live design from it (with any edit made meanwhile merged in);
 * otherwise it seeds the document with the design read from storage. Saving stays as it is (each tab saves the same merged design).
 * No server is involved.
 */
import * as Y from 'yjs';
import { TabSyncProvider } from '../adapters/tab-sync.ts';
import type { AppStore } from './app-store.ts';
import { bindSharedDesign, type SharedDesignBinding } from './shared-design.ts';

/** How long a new tab waits for another tab's answer before it seeds from storage (same-machine messages take well under 10 ms). */
const LISTEN_MS = 150;

/** Starts syncing the active scenario's design with the browser's other tabs; returns a stop function. */
export function startTabSync(store: AppStore, channelPrefix = 'archboard:tabs:'): () => void {
  let current: { doc: Y.Doc; provider: TabSyncProvider; binding: SharedDesignBinding; stopped: boolean } | undefined;
  const open = (scenarioId: string | undefined) => {
    close();
    const doc = new Y.Doc();
    const provider = new TabSyncProvider(doc, `${channelPrefix}${scenarioId ?? 'free'}`);
    // Bound at once, so that every edit is shared and undoable from the first; what storage holds is
    // written only if no other tab answers (a tab that is open has the fresher design).
    const binding = bindSharedDesign(store, doc, {
      seed: false,
      onProblems: (problems) => {
        if (problems.length)
          store.getState().toast(
            'warning',
            'Another tab holds a design this one cannot read; it is not shown here.',
            problems
              .slice(0, 3)
              .map((p) => `${p.kind} ${p.id}: ${p.message}`)
              .join('; '),
          );
      },
    });
    const session: NonNullable<typeof current> = { doc, provider, binding, stopped: false };
    current = session;
    void provider.heardFromOthers(LISTEN_MS).then((heard) => {
      if (!session.stopped && !heard) binding.seed();
    });
  };
  const close = () => {
    if (!current) return;
    current.stopped = true;
    current.binding.dispose();
    current.provider.destroy();
    current.doc.destroy();
    current = undefined;
  };
  open(store.getState().scenarioId);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarioId !== prev.scenarioId) open(s.scenarioId);
  });
  return () => {
    unsubscribe();
    close();
  };
}
