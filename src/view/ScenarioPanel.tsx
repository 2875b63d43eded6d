/**
 * The scenario brief: title, difficulty, brief, workload figures and the live requirement checklist.
 * Hints cost something: each requirement not yet passing reveals hint 1, 2, 3 in turn, and the count
 * is recorded with the attempt (practice store). In interview mode statuses are hidden and every
 * requirement offers its hints.
 */
import { useMemo } from 'react';
import { applyDeviations } from '../domain/attempt-notes.ts';
import { averageIngestMBps } from '../domain/scenario.ts';
import { activeScenario, visibleReport } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { usePractice, usePracticeStore } from '../store/practice-context.tsx';
import { StatusIcon, STATUS_LABEL } from './status.tsx';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

export function ScenarioPanel() {
  const store = useAppStore();
  const loaded = useApp(activeScenario);
  const practice = usePracticeStore();
  const graded = useApp(visibleReport);
  const deviations = usePractice((s) => s.notes.deviations);
  const report = useMemo(() => (graded ? applyDeviations(graded, deviations) : undefined), [graded, deviations]);
  const hintLevel = usePractice((s) => s.notes.hintsUsed);
  if (!loaded)
    return (
      <div className="empty-state">
        <p className="empty-state-title">No scenario yet</p>
        <p>There is no exercise in the bundled content, so there is nothing to grade against. You can still sketch a design on the canvas.</p>
      </div>
    );
  const { scenario } = loaded;
  const w = scenario.workload;
  const avg = averageIngestMBps(w);
  return (
    <div className="scenario">
      <div className="scenario-meta">
        <span className={`pill diff-${scenario.difficulty}`}>{scenario.difficulty}</span>
        {scenario.tags.map((t) => (
          <span className="pill pill-quiet" key={t}>
            {t}
          </span>
        ))}
      </div>
      <h2 className="scenario-title">{scenario.title}</h2>
      <p className="scenario-summary">{scenario.summary}</p>
      <div className="brief">
        {scenario.brief.split(/\n\s*\n/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <h3 className="section-title">Workload</h3>
      <dl className="figures">
        <div>
          <dt>Ingest</dt>
          <dd>{fmt(w.ingestGBPerDay)} GB/day</dd>
        </div>
        <div>
          <dt>Average rate</dt>
          <dd>{fmt(avg, 1)} MB/s</dd>
        </div>
        <div>
          <dt>Peak</dt>
          <dd>
            {fmt(w.peakFactor, 1)}× ≈ {fmt(avg * w.peakFactor, 0)} MB/s
          </dd>
        </div>
        <div>
          <dt>Record size</dt>
          <dd>{fmt(w.recordBytes)} bytes</dd>
        </div>
        {w.horizonDays !== undefined && (
          <div>
            <dt>Keep for</dt>
            <dd>
              {fmt(w.horizonDays)} days{w.horizonDays >= 365 ? ` (≈ ${fmt(w.horizonDays / 365, 1)} years)` : ''}
            </dd>
          </div>
        )}
      </dl>
      <h3 className="section-title">
        Requirements{' '}
        {report && (
          <span className="muted small">
            {report.counts.pass} of {report.results.length} pass
          </span>
        )}
      </h3>
      <ul className="checklist" aria-label="Requirements">
        {scenario.requirements.map((req) => {
          const result = report?.results.find((r) => r.requirementId === req.id);
          const status = result?.status ?? 'pending';
          const level = hintLevel[req.id] ?? 0;
          return (
            <li key={req.id} className={`check-item status-${status}`} data-requirement={req.id} data-status={status}>
              <StatusIcon status={status} severity={req.severity} />
              <div className="check-body">
                <button type="button" className="link-btn check-text" onClick={() => store.getState().setRightTab('feedback')} title={`${STATUS_LABEL[status]} — open feedback`}>
                  {req.text}
                </button>
                {level > 0 && (
                  <ol className="hints">
                    {req.hints.slice(0, level).map((h, i) => (
                      <li key={i}>{h}</li>
                    ))}
                  </ol>
                )}
                {status !== 'pass' && status !== 'not-applicable' && level < 3 && (
                  <button type="button" className="link-btn small" onClick={() => practice.getState().revealHint(req.id)} aria-label={`${level === 0 ? 'Show a hint' : 'Another hint'} (${level + 1} of 3) for: ${req.text}`}>
                    {level === 0 ? 'Show a hint' : 'Another hint'} <span className="hint-cost">({level + 1} of 3 · counted)</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
