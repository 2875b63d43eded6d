/**
 * The scenario picker in the header: a button with the active scenario's title that opens a dialog
 * listing every scenario of the content (any number) with difficulty, tags, summary and the learner's
 * progress ("7/10 now · best 9/10"), with a search box and tag filters. Keyboard: the search box has
 * focus on open, arrow keys move between scenarios, Enter opens one, Escape closes. Switching keeps each
 * scenario's own design (the store keeps and saves designs per scenario).
 */
import { lazy, Suspense, useState } from 'react';
import { useApp } from '../store/context.tsx';

// The list opens only on demand: loaded then, so it stays out of the initial bundle.
const PickerDialog = lazy(() => import('./ScenarioPickerDialog.tsx').then((m) => ({ default: m.PickerDialog })));

export function ScenarioPicker() {
  const scenarios = useApp((s) => s.content.scenarios);
  const scenarioId = useApp((s) => s.scenarioId);
  const current = scenarios.find((s) => s.scenario.id === scenarioId);
  const [open, setOpen] = useState(false);
  if (!scenarios.length) return <span className="header-title">No scenario loaded</span>;
  return (
    <>
      <button type="button" className="scenario-button" onClick={() => setOpen(true)} aria-haspopup="dialog" title="Choose a scenario">
        <span className="header-title">{current ? current.scenario.title : 'Choose a scenario'}</span>
        <span className="scenario-button-hint">
          {scenarios.length} scenario{scenarios.length === 1 ? '' : 's'}
          <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
            <path d="M2.5 4.5 6 8l3.5-3.5" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
          </svg>
        </span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <PickerDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
