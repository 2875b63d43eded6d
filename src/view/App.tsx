/** The application shell: header, banners, the three panes, toasts and dialogs. */
import { IconTheme } from './ServiceIcon.tsx';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useEffect } from 'react';
import type { ContentProblem } from '../domain/catalog.ts';
import { visibleReport, type AppStore } from '../store/app-store.ts';
import { StoreProvider, useApp, useAppStore } from '../store/context.tsx';
import { PracticeProvider, usePractice } from '../store/practice-context.tsx';
import type { PracticeStore } from '../store/practice-store.ts';
import './app.css';
import { ContentProblemsBanner, NotSavedBanner, RecoveredBanner } from './Banners.tsx';
import { Canvas } from './Canvas.tsx';
import { Palette } from './Palette.tsx';
import { COLLAPSED_WIDTH, usePaneUi } from './pane-ui.ts';
import { RightPane } from './RightPane.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { useActions } from './actions.ts';
import { Toasts } from './Toasts.tsx';
import { preloadable, whenIdle } from './deferred.ts';
import { PreviousDesignAction, Toolbar } from './Toolbar.tsx';
import { EditorDialogs, SharedBanner, useShareLinkOpening } from './ShareLink.tsx';
import { FindingsAnnouncer } from './Announcer.tsx';
import type { RoomStore } from '../store/room-store.ts';
import { RoomProvider } from './room/RoomContext.tsx';
import './room/room.css';

// Mounted only while open (see PracticeDialogs) and fetched once the page is idle: out of the initial
// bundle, yet a dialog opens in the commit that asks for it.
const CompareDialog = preloadable(() => import('./practice/CompareDialog.tsx').then((m) => m.CompareDialog));
const ResultDialog = preloadable(() => import('./practice/ResultDialog.tsx').then((m) => m.ResultDialog));
// Room UI loads only in a room, or when "Start a mock interview" is first shown (after the first paint).
const RoomBar = lazy(() => import('./room/RoomBar.tsx').then((m) => ({ default: m.RoomBar })));
const StartInterviewButton = lazy(() => import('./room/StartInterview.tsx').then((m) => ({ default: m.StartInterviewButton })));
// Loaded once an interview runs, or a dialog of problems is first shown (not needed at first paint).
const InterviewBar = lazy(() => import('./practice/InterviewBar.tsx').then((m) => ({ default: m.InterviewBar })));
const ProblemsDialog = lazy(() => import('./ProblemsDialog.tsx').then((m) => ({ default: m.ProblemsDialog })));

/**
 * `practice`: the practice-mode store (main.tsx passes one that persists); without it one is kept in memory.
 * `room`: the mock-interview room this tab is in (see store/room-store.ts), if any.
 */
export function App({ store, practice, room, contentProblems = [] }: { store: AppStore; practice?: PracticeStore; room?: RoomStore; contentProblems?: readonly ContentProblem[] }) {
  return (
    <StoreProvider store={store}>
      <PracticeProvider app={store} store={practice}>
        <RoomProvider room={room}>
          <ReactFlowProvider>
            <Shell contentProblems={contentProblems} />
          </ReactFlowProvider>
        </RoomProvider>
      </PracticeProvider>
    </StoreProvider>
  );
}

function Shell({ contentProblems }: { contentProblems: readonly ContentProblem[] }) {
  const store = useAppStore();
  const theme = useApp((s) => s.theme);
  const dialog = useApp((s) => s.problemsDialog);
  const inRoom = useApp((s) => s.roomRole !== undefined);
  useActions(store);
  const paneWidth = usePaneUi((s) => s.width);
  const collapsed = usePaneUi((s) => s.collapsed);
  const columns = {
    ...(collapsed.left ? { '--left-w': `${COLLAPSED_WIDTH}px` } : paneWidth.left ? { '--left-w': `${paneWidth.left}px` } : {}),
    ...(collapsed.right ? { '--right-w': `${COLLAPSED_WIDTH}px` } : paneWidth.right ? { '--right-w': `${paneWidth.right}px` } : {}),
  } as React.CSSProperties;
  useShareLinkOpening(store);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <IconTheme.Provider value={theme}>
      <div className="app">
        <Header />
        {inRoom ? (
          <Suspense fallback={null}>
            <RoomBar />
          </Suspense>
        ) : (
          <InterviewBarWhenRunning />
        )}
        <ContentProblemsBanner problems={contentProblems} />
        <NotSavedBanner />
        <RecoveredBanner />
        <SharedBanner />
        <main className="workspace" style={columns}>
          <Palette />
          <section className="centre" aria-label="Design">
            <Toolbar />
            <PreviousDesignAction />
            <Canvas />
            <Toasts />
          </section>
          <RightPane />
        </main>
        <FindingsAnnouncer />
        <EditorDialogs />
        <PracticeDialogs />
        {dialog && (
          <Suspense fallback={null}>
            <ProblemsDialog dialog={dialog} onClose={() => store.getState().showProblems(undefined)} />
          </Suspense>
        )}
      </div>
    </IconTheme.Provider>
  );
}

/** In a room the scenario is the room's: its title, not a picker. */
function RoomScenarioTitle() {
  const title = useApp((s) => s.content.scenarios.find((x) => x.scenario.id === s.scenarioId)?.scenario.title ?? s.scenarioId ?? '');
  return <span className="room-scenario-title">{title}</span>;
}

/** The header: the brand at once; the scenario picker, the interview button and the score with the panes' content (see pane-ui.ts `panesShown`). */
function Header() {
  const shown = usePaneUi((s) => s.panesShown);
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <rect x="2" y="3" width="8" height="7" rx="2" fill="var(--ab-accent)" />
          <rect x="14" y="14" width="8" height="7" rx="2" fill="var(--ab-accent)" opacity="0.55" />
          <path d="M10 6.5h3a3 3 0 0 1 3 3V14" stroke="var(--ab-accent)" strokeWidth="2" fill="none" strokeLinecap="round" />
        </svg>
        <span className="brand-name">Archboard</span>
      </div>
      {shown && <HeaderContent />}
    </header>
  );
}

function HeaderContent() {
  const store = useAppStore();
  const report = useApp(visibleReport);
  const inRoom = useApp((s) => s.roomRole !== undefined);
  return (
    <>
      <div className="header-scenario">{inRoom ? <RoomScenarioTitle /> : <ScenarioPicker />}</div>
      {!inRoom && (
        <Suspense fallback={null}>
          <StartInterviewButton />
        </Suspense>
      )}
      {report && (
        <button
          type="button"
          className={`header-score ${report.passed ? 'is-pass' : 'is-fail'}`}
          onClick={() => {
            usePaneUi.getState().setCollapsed('right', false);
            store.getState().setRightTab('feedback');
          }}
          title="Open feedback"
        >
          <strong>{report.counts.pass}</strong>/{report.results.length} requirements pass
        </button>
      )}
    </>
  );
}

/** The attempt's result and the comparison with the reference, each mounted only while it is open. */
function PracticeDialogs() {
  const resultOpen = usePractice((s) => s.result !== undefined);
  const compareOpen = usePractice((s) => s.compareOpen);
  useEffect(
    () =>
      whenIdle(() => {
        void ResultDialog.preload().catch(() => undefined); // a failed fetch shows when the dialog opens
        void CompareDialog.preload().catch(() => undefined);
      }),
    [],
  );
  return (
    <Suspense fallback={null}>
      {resultOpen && <ResultDialog />}
      {compareOpen && <CompareDialog />}
    </Suspense>
  );
}

/** The interview bar under the header, loaded and shown while an interview runs. */
function InterviewBarWhenRunning() {
  const running = usePractice((s) => s.session.interview !== undefined);
  return running ? (
    <Suspense fallback={null}>
      <InterviewBar />
    </Suspense>
  ) : null;
}
