/** The right pane: Scenario, Feedback, Simulation and Inspector tabs (WAI-ARIA tabs pattern). */
import { useLayoutEffect, type KeyboardEvent } from 'react';
import { visibleReport, type RightTab } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { PracticePanel } from './practice/PracticePanel.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SimulationPanel } from './SimulationPanel.tsx';
import { SidePane } from './SidePane.tsx';
import { InterviewerPanel } from './room/InterviewerPanel.tsx';

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
  const chosen = useApp((s) => s.rightTab);
  const tab = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]!.id;
  // Each tab opens at its top (the Inspector places itself: at its top, or at a finding's setting).
  useLayoutEffect(() => {
    const panel = document.getElementById(`panel-${tab}`);
    if (panel && tab !== 'inspector') panel.scrollTop = 0;
  }, [tab]);
  const failing = useApp((s) => { const r = visibleReport(s); return r ? r.counts.fail + r.counts.error : 0; });
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
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            className="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => store.getState().setRightTab(t.id)}
          >
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
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'scenario' && <ScenarioPanel />}
        {tab === 'feedback' && <FeedbackPanel />}
        {tab === 'simulation' && <SimulationPanel />}
        {tab === 'inspector' && <Inspector />}
        {tab === 'practice' && <PracticePanel />}
        {tab === 'interviewer' && <InterviewerPanel />}
      </div>
    </SidePane>
  );
}
