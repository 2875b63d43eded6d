/**
 * The Practice tab: start an interview (time box split into phases), submit an attempt, compare with
 * the model answer, the graded export (JSON; PNG with a findings legend), and the attempt history.
 */
import { useId, useState } from 'react';
import { applyDeviations, totalHintsUsed } from '../../domain/attempt-notes.ts';
import { progressOf } from '../../domain/attempts.ts';
import { findingsLegend, gradedExport } from '../../domain/graded-export.ts';
import { worstSeverityByElement } from '../../domain/severity.ts';
import { formatCountdown, PHASE_IDS, PHASE_LABEL, PHASE_MINUTES_RANGE, phaseMinutesProblems, totalMinutes, type PhaseMinutes } from '../../domain/interview.ts';
import { downloadText } from '../../adapters/download.ts';
import { activeScenario } from '../../store/app-store.ts';
import { useApp, useAppStore } from '../../store/context.tsx';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';
import './practice.css';

export function PracticePanel() {
  const loaded = useApp(activeScenario);
  if (!loaded)
    return (
      <div className="empty-state">
        <p className="empty-state-title">No scenario</p>
        <p>Practice needs a scenario to grade attempts against.</p>
      </div>
    );
  return (
    <div className="practice">
      <InterviewSection />
      <AttemptSection />
      <HistorySection />
    </div>
  );
}

function InterviewSection() {
  const practice = usePracticeStore();
  const running = usePractice((s) => !!s.session.interview);
  const saved = usePractice((s) => s.phaseMinutes);
  const [draft, setDraft] = useState<Record<keyof PhaseMinutes, string>>(() => Object.fromEntries(PHASE_IDS.map((id) => [id, String(saved[id])])) as Record<keyof PhaseMinutes, string>);
  const [tried, setTried] = useState(false);
  const id = useId();
  const minutes = Object.fromEntries(PHASE_IDS.map((p) => [p, Number(draft[p])])) as PhaseMinutes;
  const problems = phaseMinutesProblems(minutes);
  const ok = Object.keys(problems).length === 0;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 className="section-title" id={`${id}-h`}>
        Interview mode
      </h3>
      {running ? (
        <p className="practice-note">An interview is running: the timer is above the canvas. Feedback stays hidden until you submit or time runs out.</p>
      ) : (
        <form
          noValidate
          className="interview-form"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (ok) practice.getState().startInterview(minutes);
          }}
        >
          <p className="practice-note">Work against the clock as in the interview. Feedback is hidden until you submit; then you see your result by Well-Architected pillar.</p>
          <div className="phase-inputs">
            {PHASE_IDS.map((p) => (
              <div className="field" key={p}>
                <label className="field-label" htmlFor={`${id}-${p}`}>
                  {PHASE_LABEL[p]}
                </label>
                <span className="phase-input">
                  <input
                    id={`${id}-${p}`}
                    type="number"
                    inputMode="numeric"
                    min={PHASE_MINUTES_RANGE.min}
                    max={PHASE_MINUTES_RANGE.max}
                    step={1}
                    value={draft[p]}
                    aria-invalid={tried && !!problems[p]}
                    aria-describedby={problems[p] && tried ? `${id}-${p}-err` : undefined}
                    onChange={(e) => setDraft((d) => ({ ...d, [p]: e.target.value }))}
                  />
                  <span className="muted small">min</span>
                </span>
                {tried && problems[p] && (
                  <span id={`${id}-${p}-err`} className="field-error" role="alert">
                    {problems[p]}
                  </span>
                )}
              </div>
            ))}
          </div>
          <div className="practice-actions">
            <button type="submit" className="btn btn-primary">
              Start interview{ok ? ` (${totalMinutes(minutes)} min)` : ''}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function AttemptSection() {
  const app = useAppStore();
  const practice = usePracticeStore();
  const running = usePractice((s) => !!s.session.interview);
  const hints = usePractice((s) => totalHintsUsed(s.notes.hintsUsed));
  const startedAt = usePractice((s) => s.session.attemptStartedAt);
  const notesCount = usePractice((s) => Object.keys(s.notes.deviations).length + Object.keys(s.notes.nodeNotes).length);
  const report = useApp((s) => s.report);
  const empty = useApp((s) => s.design.nodes.length === 0);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const labelOf = (nodeId: string) => {
    const s = app.getState();
    const n = s.design.nodes.find((x) => x.id === nodeId);
    return n ? n.label || s.content.catalog.byId.get(n.service)?.shortName || n.id : nodeId;
  };

  const exportGraded = () => {
    const s = app.getState();
    const loaded = activeScenario(s);
    if (!s.report || !loaded) return;
    const notes = practice.getState().notes;
    const file = gradedExport(s.design, applyDeviations(s.report, notes.deviations), notes, { exportedAt: new Date().toISOString(), scenarioTitle: loaded.scenario.title, labelOf });
    const name = `${loaded.scenario.id}-graded.json`;
    downloadText(JSON.stringify(file, null, 2) + '\n', name);
    s.toast('success', `Exported ${name}.`, 'The design, the grading report with accepted trade-offs, and your notes.');
  };

  const exportPngWithFindings = async () => {
    const s = app.getState();
    const report = s.report;
    if (!report) return;
    setBusy(true);
    const reviewed = applyDeviations(report, practice.getState().notes.deviations);
    const { exportPicture } = await import('../export-image.ts');
    await exportPicture(app, 'png', `${s.scenarioId ?? 'archboard'}-findings.png`, { marks: worstSeverityByElement(report), legend: findingsLegend(reviewed, labelOf) });
    setBusy(false);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 className="section-title" id={`${id}-h`}>
        This attempt
      </h3>
      <p className="practice-note" data-testid="attempt-status">
        Hints used: <strong>{hints}</strong>
        {!running && <> · started {new Date(startedAt).toLocaleString()}</>}
        {notesCount > 0 && <> · {notesCount} notes</>}
      </p>
      <div className="practice-actions">
        <button type="button" className="btn btn-primary" onClick={() => practice.getState().submit('submitted')} disabled={!report}>
          {running ? 'Submit design' : 'Submit attempt'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => practice.getState().setCompareOpen(true)}
          disabled={running}
          title={running ? 'Available after you submit' : 'Your services and the reference design side by side, paired by role'}
        >
          Compare with the model answer
        </button>
      </div>
      <div className="practice-actions">
        <button type="button" className="btn btn-quiet" onClick={exportGraded} disabled={running || !report} title={running ? 'Available after you submit' : 'One JSON file: design, grading report with accepted trade-offs, and your notes'}>
          Graded JSON
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => void exportPngWithFindings()}
          disabled={running || empty || busy || !report}
          title={running ? 'Available after you submit' : 'The diagram with a legend of findings under it'}
        >
          {busy ? 'Exporting…' : 'PNG with findings'}
        </button>
      </div>
    </section>
  );
}

function HistorySection() {
  const app = useAppStore();
  const history = usePractice((s) => s.history);
  const id = useId();
  const attempts = history.attempts.map((a, i) => ({ a, delta: progressOf(history, i) })).reverse();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 className="section-title" id={`${id}-h`}>
        History <span className="muted small">{history.attempts.length ? `${history.attempts.length} attempt${history.attempts.length === 1 ? '' : 's'}` : ''}</span>
      </h3>
      {attempts.length === 0 ? (
        <p className="practice-note">No attempts yet. Submit one to start tracking your progress on this scenario.</p>
      ) : (
        <>
          <ol className="history" aria-label="Attempts, newest first">
            {attempts.map(({ a, delta }) => (
              <li key={a.id} className="history-item" data-testid="history-item">
                <div className="history-head">
                  <span className="history-score">
                    <strong>{a.requirements.passed}</strong>/{a.requirements.total} pass
                  </span>
                  {delta !== undefined && delta !== 0 && <span className={`history-delta ${delta > 0 ? 'is-up' : 'is-down'}`}>{delta > 0 ? `+${delta}` : delta}</span>}
                  <span className="pill pill-quiet">{a.mode === 'interview' ? (a.endedBy === 'time-up' ? 'interview · time up' : 'interview') : 'practice'}</span>
                  <time className="muted small history-date" dateTime={a.submittedAt}>
                    {new Date(a.submittedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </div>
                <span className="history-bar" aria-hidden="true">
                  <span style={{ width: `${a.requirements.total ? (100 * a.requirements.passed) / a.requirements.total : 0}%` }} />
                </span>
                <p className="muted small">
                  Required {a.required.met}/{a.required.total} · {a.hintsUsed} hints · {formatCountdown(a.timeTakenMs)}
                  {a.requirements.accepted > 0 && ` · ${a.requirements.accepted} accepted`}
                </p>
              </li>
            ))}
          </ol>
          <div className="practice-actions">
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                const name = `${history.scenarioId}-attempts.json`;
                downloadText(JSON.stringify(history, null, 2) + '\n', name);
                app.getState().toast('success', `Exported ${name}.`);
              }}
            >
              Export history (JSON)
            </button>
          </div>
        </>
      )}
    </section>
  );
}
