/** The scenario brief: title, difficulty, brief, workload figures and the live requirement checklist. */
import { useState } from 'react';
import { averageIngestMBps } from '../domain/scenario.ts';
import { activeScenario } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { StatusIcon, STATUS_LABEL } from './status.tsx';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

export function ScenarioPanel() {
  const store = useAppStore();
  const loaded = useApp(activeScenario);
  const report = useApp((s) => s.report);
  const [hintLevel, setHintLevel] = useState<Record<string, number>>({});
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
                {status !== 'pass' && level < 3 && (
                  <button type="button" className="link-btn small" onClick={() => setHintLevel((s) => ({ ...s, [req.id]: level + 1 }))}>
                    {level === 0 ? 'Show a hint' : 'Another hint'}
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
