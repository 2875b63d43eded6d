/**
 * The scenario brief: title, difficulty, brief, workload figures and the live requirement checklist.
 * Hints cost something: each requirement not yet passing reveals hint 1, 2, 3 in turn, and the count
 * is recorded with the attempt (practice store). In interview mode statuses are hidden and every
 * requirement offers its hints. The workload can be changed for a what-if ("now 10x the volume"):
 * grading and the simulation re-run at once on the changed figures.
 */
import { useMemo, useState } from 'react';
import { applyDeviations } from '../domain/attempt-notes.ts';
import { formatNumber } from '../domain/format.ts';
import { averageIngestMBps, type Workload } from '../domain/scenario.ts';
import { applyWhatIfToWorkload, type WhatIf } from '../domain/what-if.ts';
import { activeScenario, visibleReport } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { usePractice, usePracticeStore } from '../store/practice-context.tsx';
import { StatusIcon, STATUS_LABEL } from './status.tsx';

const fmt = (n: number, digits = 0) => formatNumber(n, digits);

export function ScenarioPanel() {
  const store = useAppStore();
  const loaded = useApp(activeScenario);
  const practice = usePracticeStore();
  const graded = useApp(visibleReport);
  const deviations = usePractice((s) => s.notes.deviations);
  const report = useMemo(() => (graded ? applyDeviations(graded, deviations) : undefined), [graded, deviations]);
  const hintLevel = usePractice((s) => s.notes.hintsUsed);
  const whatIf = useApp((s) => s.whatIf);
  // In a room, hints come from the interviewer (who reveals them) and the workload changes through the
  // interviewer's follow-ups, for both people; neither is taken or changed here.
  const inRoom = useApp((s) => s.roomRole !== undefined);
  if (!loaded)
    return (
      <div className="empty-state">
        <p className="empty-state-title">No scenario yet</p>
        <p>There is no exercise in the bundled content, so there is nothing to grade against. You can still sketch a design on the canvas.</p>
      </div>
    );
  const { scenario } = loaded;
  const base = scenario.workload;
  const w = applyWhatIfToWorkload(base, whatIf);
  const avg = averageIngestMBps(w);
  const was = (now: number, then: number, text: string) => (now !== then ? <span className="muted small"> (scenario: {text})</span> : null);
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
          <dd>
            {fmt(w.ingestGBPerDay)} GB/day{was(w.ingestGBPerDay, base.ingestGBPerDay, `${fmt(base.ingestGBPerDay)} GB/day`)}
          </dd>
        </div>
        <div>
          <dt>Average rate</dt>
          <dd>{fmt(avg, 1)} MB/s</dd>
        </div>
        <div>
          <dt>Peak</dt>
          <dd>
            {fmt(w.peakFactor, 1)}× ≈ {fmt(avg * w.peakFactor, 0)} MB/s{was(w.peakFactor, base.peakFactor, `${fmt(base.peakFactor, 1)}×`)}
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
      {!inRoom && <WhatIfControls base={base} whatIf={whatIf} onChange={(x) => store.getState().setWhatIf(x)} />}
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
                {!inRoom && status !== 'pass' && status !== 'not-applicable' && level < 3 && (
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

/**
 * What-if controls: scale the volume (x2, x10), or set a volume or a peak factor; the grading and
 * the simulation follow at once. While a what-if is on, a note says so and Reset brings the
 * scenario's own figures back.
 */
function WhatIfControls({ base, whatIf, onChange }: { base: Workload; whatIf: WhatIf | undefined; onChange: (w: WhatIf | undefined) => void }) {
  const current = applyWhatIfToWorkload(base, whatIf);
  const [volume, setVolume] = useState('');
  const [peak, setPeak] = useState('');
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const next: WhatIf = { ...whatIf };
    if (volume.trim()) next.ingestGBPerDay = Number(volume);
    if (peak.trim()) next.peakFactor = Number(peak);
    delete next.volumeFactor;
    if (next.ingestGBPerDay === undefined && whatIf?.volumeFactor !== undefined) next.ingestGBPerDay = current.ingestGBPerDay;
    onChange(next);
    setVolume('');
    setPeak('');
  };
  const scale = (factor: number) => onChange({ ingestGBPerDay: current.ingestGBPerDay * factor, ...(whatIf?.peakFactor !== undefined ? { peakFactor: whatIf.peakFactor } : {}) });
  return (
    <section className="what-if" aria-labelledby="what-if-title" data-testid="what-if">
      <h3 className="section-title" id="what-if-title">
        What if…
      </h3>
      <div className="what-if-row">
        <button type="button" className="btn btn-small" onClick={() => scale(2)}>
          Volume ×2
        </button>
        <button type="button" className="btn btn-small" onClick={() => scale(10)}>
          Volume ×10
        </button>
        {whatIf && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onChange(undefined)}>
            Reset to the scenario
          </button>
        )}
      </div>
      <form className="what-if-row" onSubmit={apply}>
        <label>
          <span className="small">Volume (GB/day)</span>
          <input type="number" min="0.001" step="any" inputMode="decimal" value={volume} placeholder={String(Math.round(current.ingestGBPerDay * 1000) / 1000)} onChange={(e) => setVolume(e.target.value)} />
        </label>
        <label>
          <span className="small">Peak factor</span>
          <input type="number" min="1" step="any" inputMode="decimal" value={peak} placeholder={String(current.peakFactor)} onChange={(e) => setPeak(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-small" disabled={!volume.trim() && !peak.trim()}>
          Apply
        </button>
      </form>
      {whatIf && (
        <p className="what-if-note small" role="status">
          What-if on: grading and the simulation use {fmt(current.ingestGBPerDay)} GB/day at a {fmt(current.peakFactor, 1)}× peak ({fmt(current.ingestGBPerDay / base.ingestGBPerDay, 2)}× the scenario&apos;s volume). Progress is not recorded
          until you reset.
        </p>
      )}
    </section>
  );
}
