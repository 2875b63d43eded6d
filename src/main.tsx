/** Entry point: builds the store from the bundled content and the browser's storage, grades, renders. */
// First: starts opening the browser's storage while the rest evaluates (see the file).
import './adapters/storage-early.ts';
// Then: configures zod before any content is parsed (see the file).
import './adapters/zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CONTENT, contentProblems } from './adapters/content.ts';
import { readPreference } from './adapters/persistence.ts';
import { openStorage } from './adapters/storage.ts';
import { createAppStore } from './store/app-store.ts';
import { analysisInputOf, startGrading, type Analyser, type AnalysisInput, type Analyses, type ImmediateAnalyser } from './store/grading.ts';
import { analysisSize, createFrameAnalysis } from './store/frame-analysis.ts';
import { createPracticeStore } from './store/practice-store.ts';
import { App } from './view/App.tsx';
import { whenIdle } from './view/deferred.ts';
import { holdPanesUntilCanvas } from './view/pane-ui.ts';
import { preloadIcons } from './view/ServiceIcon.tsx';
import { decodeRoomFragment } from './domain/room.ts';
import { SYNC_URL } from './adapters/sync-config.ts';
import type { RoomStore } from './store/room-store.ts';

// (No top-level await here: it would make the bundler split the initial code into many small chunks.)
async function start(): Promise<void> {
  // Designs, practice records and preferences live in IndexedDB (copied once from localStorage), read
  // into memory before the first render; see adapters/storage.ts.
  const { storage, durable } = await openStorage();

  // A mock-interview room link (#room=...): the design lives on the sync server, not in this browser's
  // storage (the learner's own designs stay untouched); the candidate's tab never grades.
  const roomLink = decodeRoomFragment(location.hash);
  const roomRole = roomLink ? (roomLink.key ? 'interviewer' : 'candidate') : undefined;
  const store = createAppStore({
    content: CONTENT,
    ...(roomLink ? {} : { storage, ...(durable ? { durable } : {}) }),
    // The scenario chosen last in the picker, else the IoT exercise the README starts with (else the first).
    scenarioId: roomLink?.scenarioId ?? readPreference(storage, 'scenario') ?? 'iot-5tb-day',
    eventTarget: window,
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
    ...(roomRole ? { roomRole } : {}),
  });
  // Grading runs in the analysis worker, off the main thread (its client loads on first use). Where
  // no worker can start, or it fails, the rules load here and grade on this thread. Once the worker's
  // times say a change of this design can be analysed within its frame, the rules load here too and
  // such changes are analysed in the event itself (store/frame-analysis.ts).
  let inThread: Promise<(input: AnalysisInput) => Analyses> | undefined;
  const loadInThread = () =>
    (inThread ??= Promise.all([import('./store/analysis.ts'), import('./adapters/graded-content.ts')]).then(
      ([a, c]) =>
        (input: AnalysisInput) =>
          a.analyse(c.GRADED_CONTENT, input),
    ));
  const frame = createFrameAnalysis(
    loadInThread,
    () => analysisInputOf(store.getState()),
    () => performance.now(),
    whenIdle,
  );
  const analyser: Analyser = async (input) => {
    const worker = (await import('./view/analysis.ts')).analysisWorker();
    if (worker) {
      try {
        const { analyses, computeMs } = await worker.analyse(input);
        frame.workerAnalysed(analysisSize(input.design), computeMs);
        return analyses;
      } catch (e) {
        console.error('the analysis worker failed; grading on this thread', e);
      }
    }
    return (await loadInThread())(input);
  };
  // Each change analysed in its own event leaves a User Timing measure (read by `npm run bench`).
  const immediate: ImmediateAnalyser = (input) => {
    const start = performance.now();
    const analyses = frame.immediate(input);
    if (analyses) performance.measure('archboard:analysis:in-frame', { start });
    return analyses;
  };
  // The first grading starts once the page is idle after its first paint: the worker's start (its code
  // compiled on the second core) and the first analysis would otherwise compete with the canvas's.
  if (roomRole !== 'candidate') whenIdle(() => startGrading(store, analyser, { immediate }));
  const practice = createPracticeStore(store, roomLink ? {} : { storage });
  // Yjs and the sync provider load only when needed (a room, or tab sync once the page is up), so the
  // initial bundle stays small.
  async function joinRoomIfLinked(): Promise<RoomStore | undefined> {
    if (!roomLink) {
      // Solo: the other tabs of this scenario stay in sync (no server).
      // At once, not when idle: it binds the design to its shared document, whose history undo reads.
      if (typeof BroadcastChannel === 'function') void import('./store/tab-sync.ts').then((m) => m.startTabSync(store));
      return undefined;
    }
    const { joinRoom } = await import('./store/room-store.ts');
    const room = joinRoom({ url: SYNC_URL, link: roomLink, app: store, practice });
    const theme = readPreference(storage, 'theme');
    if (theme === 'dark' || theme === 'light') store.getState().setTheme(theme, false);
    store.getState().setRightTab(roomRole === 'interviewer' ? 'interviewer' : 'scenario');
    return room;
  }
  // Entering or leaving a room (a room link pasted over this page's address) starts afresh.
  window.addEventListener('hashchange', () => {
    const next = decodeRoomFragment(location.hash);
    if (next?.roomId !== roomLink?.roomId || next?.key !== roomLink?.key) location.reload();
  });

  // Follow the system theme until the user picks one.
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => {
    if (!store.getState().themeChosen) store.getState().setTheme(e.matches ? 'dark' : 'light', false);
  });

  // The stored design's icons load while the app renders, so its nodes are drawn with them.
  {
    const { design, content, theme } = store.getState();
    preloadIcons(
      design.nodes.flatMap((n) => content.catalog.byId.get(n.service) ?? []),
      theme,
    );
  }
  // The canvas first: the panes' content is drawn in the frame after its nodes (view/pane-ui.ts).
  holdPanesUntilCanvas();
  void joinRoomIfLinked().then((room) =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App store={store} practice={practice} {...(room ? { room } : {})} contentProblems={contentProblems} />
      </StrictMode>,
    ),
  );
}

void start();
