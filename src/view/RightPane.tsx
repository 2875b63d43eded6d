/** The right pane: Scenario, Feedback, Simulation and Inspector tabs (WAI-ARIA tabs pattern). */
import { lazy, Suspense, useEffect, useLayoutEffect, type KeyboardEvent } from 'react';
import { visibleReport, type RightTab } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SidePane } from './SidePane.tsx';
import { preloadable, whenIdle } from './deferred.ts';
import { scrollToTop } from './scroll-top.ts';
import { useHeldDuringDrag } from './editor-ui.ts';

// Tabs other than the first load when first opened, keeping the initial bundle small. The Inspector
// (opened by any click on a service) and the feedback list are fetched once the page is idle after
// its first paint, so a click finds them loaded and they open in the click's own commit.
const Inspector = preloadable(() => import('./Inspector.tsx').then((m) => m.Inspector));
const FeedbackPanel = preloadable(() => import('./FeedbackPanel.tsx').then((m) => m.FeedbackPanel));
const SimulationPanel = lazy(() => import('./SimulationPanel.tsx').then((m) => ({ default: m.SimulationPanel })));
const PracticePanel = lazy(() => import('./practice/PracticePanel.tsx').then((m) => ({ default: m.PracticePanel })));
// The interviewer's tab (grading for both, hints, notes) loads only in a room.
const InterviewerPanel = lazy(() => import('./room/InterviewerPanel.tsx').then((m) => ({ default: m.InterviewerPanel })));

const TABS: { id: RightTab; label: string }[] = [
  { id: 'scenario', label: 'Scenario' },
  { id: 'feedback', label: 'Feedback' },
  { id: 'simulation', label: 'Simulation' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'practice', label: 'Practice' },
];

/** Tabs by room role: the candidate gets no grading (feedback, simulation, practice); the interviewer gets the Interviewer tab. */
const CANDIDATE_TABS = TABS.filter((t) => t.id === 'scenario' || t.id === 'inspector');
const INTERVIEWER_TABS: { id: RightTab; label: string }[] = [{ id: 'interviewer', label: 'Interviewer' }, ...TABS.filter((t) => t.id !== 'practice')];

export function RightPane() {
  const store = useAppStore();
  const roomRole = useApp((s) => s.roomRole);
  const tabs = roomRole === 'candidate' ? CANDIDATE_TABS : roomRole === 'interviewer' ? INTERVIEWER_TABS : TABS;
  // Mid-drag the tab a drag's selection asks for waits for the drop (see useHeldDuringDrag).
  const chosen = useHeldDuringDrag(useApp((s) => s.rightTab));
  const tab = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]!.id;
  // Each tab opens at its top (the Inspector places itself: at its top, or at a finding's setting).
  useLayoutEffect(() => {
    const panel = document.getElementById(`panel-${tab}`);
    if (panel && tab !== 'inspector') scrollToTop(panel);
  }, [tab]);
  useEffect(
    () =>
      whenIdle(() => {
        void Inspector.preload().catch(() => undefined); // a failed fetch shows when the tab is opened
        void FeedbackPanel.preload().catch(() => undefined);
      }),
    [],
  );
  const failing = useApp((s) => {
    const r = visibleReport(s);
    return r ? r.counts.fail + r.counts.error : 0;
  });
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : undefined;
    if (!next) return;
    e.preventDefault();
    store.getState().setRightTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <SidePane
      side="right"
      className="right-pane"
      label="Scenario, feedback, simulation and inspector"
      title="Panels"
      header={
        <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button key={t.id} id={`tab-${t.id}`} role="tab" type="button" className="tab" aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} tabIndex={tab === t.id ? 0 : -1} onClick={() => store.getState().setRightTab(t.id)}>
              {t.label}
              {t.id === 'feedback' && failing > 0 && (
                <span className="tab-badge" aria-label={`${failing} failing`}>
                  {failing}
                </span>
              )}
            </button>
          ))}
        </div>
      }
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is a Tab stop (WAI-ARIA tabs pattern), so keyboard users reach and scroll its content */}
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'scenario' && <ScenarioPanel />}
        {tab === 'feedback' && (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <FeedbackPanel />
          </Suspense>
        )}
        {tab === 'simulation' && (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <SimulationPanel />
          </Suspense>
        )}
        {tab === 'inspector' && (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <Inspector />
          </Suspense>
        )}
        {tab === 'practice' && (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <PracticePanel />
          </Suspense>
        )}
        {tab === 'interviewer' && (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <InterviewerPanel />
          </Suspense>
        )}
      </div>
    </SidePane>
  );
}
