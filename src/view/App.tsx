/** The application shell: header, banners, the three panes, toasts and dialogs. */
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import type { ContentProblem } from '../domain/catalog.ts';
import type { AppStore } from '../store/app-store.ts';
import { StoreProvider, useApp, useAppStore } from '../store/context.tsx';
import './app.css';
import { ContentProblemsBanner, KeptAsideBanner } from './Banners.tsx';
import { Canvas } from './Canvas.tsx';
import { Dialog, ProblemList } from './Dialog.tsx';
import { Palette } from './Palette.tsx';
import { RightPane } from './RightPane.tsx';
import { useShortcuts } from './shortcuts.ts';
import { Toasts } from './Toasts.tsx';
import { Toolbar } from './Toolbar.tsx';

export function App({ store, contentProblems = [] }: { store: AppStore; contentProblems?: readonly ContentProblem[] }) {
  return (
    <StoreProvider store={store}>
      <ReactFlowProvider>
        <Shell contentProblems={contentProblems} />
      </ReactFlowProvider>
    </StoreProvider>
  );
}

function Shell({ contentProblems }: { contentProblems: readonly ContentProblem[] }) {
  const store = useAppStore();
  const theme = useApp((s) => s.theme);
  const dialog = useApp((s) => s.problemsDialog);
  useShortcuts(store, !dialog);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Header />
      <ContentProblemsBanner problems={contentProblems} />
      <KeptAsideBanner />
      <main className="workspace">
        <Palette />
        <section className="centre" aria-label="Design">
          <Toolbar />
          <Canvas />
        </section>
        <RightPane />
      </main>
      <Toasts />
      {dialog && (
        <Dialog
          title={dialog.title}
          tone="danger"
          onClose={() => store.getState().showProblems(undefined)}
          actions={
            <button type="button" className="btn btn-primary" data-autofocus onClick={() => store.getState().showProblems(undefined)}>
              Close
            </button>
          }
        >
          <p>{dialog.intro}</p>
          <ProblemList problems={dialog.problems.slice(0, 50)} />
          {dialog.problems.length > 50 && <p className="muted small">…and {dialog.problems.length - 50} more.</p>}
        </Dialog>
      )}
    </div>
  );
}

function Header() {
  const store = useAppStore();
  const scenarios = useApp((s) => s.content.scenarios);
  const scenarioId = useApp((s) => s.scenarioId);
  const report = useApp((s) => s.report);
  const current = scenarios.find((s) => s.scenario.id === scenarioId);
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
      <div className="header-scenario">
        {scenarios.length > 1 ? (
          <label>
            <span className="visually-hidden">Scenario</span>
            <select value={scenarioId} onChange={(e) => store.getState().selectScenario(e.target.value)}>
              {scenarios.map((s) => (
                <option key={s.scenario.id} value={s.scenario.id}>
                  {s.scenario.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="header-title">{current ? current.scenario.title : 'No scenario loaded'}</span>
        )}
      </div>
      {report && (
        <button type="button" className={`header-score ${report.passed ? 'is-pass' : 'is-fail'}`} onClick={() => store.getState().setRightTab('feedback')} title="Open feedback">
          <strong>{report.counts.pass}</strong>/{report.results.length} requirements pass
        </button>
      )}
    </header>
  );
}
