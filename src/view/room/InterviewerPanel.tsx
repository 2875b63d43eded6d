/**
 * The interviewer's tab: the grading per requirement, live (the candidate's browser never grades),
 * the hints with a button that reveals the next one to the candidate, the follow-ups (scale the
 * workload, add a requirement from another scenario), and private notes that only interviewers'
 * connections receive.
 */
import { useMemo, useState } from 'react';
import { borrowedRequirementId } from '../../domain/room.ts';
import { activeScenario } from '../../store/app-store.ts';
import { useApp, useAppStore } from '../../store/context.tsx';
import { StatusIcon, STATUS_LABEL } from '../status.tsx';
import { useRoom, useRoomStore } from './RoomContext.tsx';

const FACTORS = [1, 2, 5, 10, 100] as const;

export function InterviewerPanel() {
  const store = useAppStore();
  const room = useRoomStore();
  const loaded = useApp(activeScenario);
  const report = useApp((s) => s.report);
  const content = useApp((s) => s.content);
  const followUps = useApp((s) => s.followUps);
  const hints = useRoom((s) => s.control.hints) ?? {};
  const notes = useRoom((s) => s.notes) ?? '';
  const problems = useRoom((s) => s.problems) ?? [];
  const [pick, setPick] = useState('');
  const options = useMemo(
    () => content.scenarios.filter((s) => s.scenario.id !== loaded?.scenario.id).flatMap((s) => s.scenario.requirements.map((r) => ({ value: `${s.scenario.id}::${r.id}`, scenario: s.scenario.title, text: r.text }))),
    [content, loaded],
  );
  if (!room || !loaded) return null;
  const factor = followUps?.whatIf?.volumeFactor ?? 1;
  const added = followUps?.added ?? [];
  return (
    <div className="interviewer-panel">
      <section aria-labelledby="iv-grading">
        <h3 id="iv-grading" className="section-title">
          Grading, live
          {report && (
            <span className="muted small">
              {' '}
              · {report.counts.pass} of {report.results.length} pass
            </span>
          )}
        </h3>
        <p className="muted small">Only you see this. Reveal a hint to put it in the candidate's brief.</p>
        <ul className="checklist" aria-label="Grading per requirement">
          {loaded.scenario.requirements.map((req) => {
            const result = report?.results.find((r) => r.requirementId === req.id);
            const status = result?.status ?? 'pending';
            const shown = hints[req.id] ?? 0;
            return (
              <li key={req.id} className={`check-item status-${status}`} data-requirement={req.id} data-status={status}>
                <StatusIcon status={status} severity={req.severity} />
                <div className="check-body">
                  <span className="check-text">
                    {req.text} <span className="muted small">({STATUS_LABEL[status]})</span>
                  </span>
                  {result?.findings[0] && <span className="muted small iv-finding">{result.findings[0].message}</span>}
                  <ol className="hints iv-hints">
                    {req.hints.map((h, i) => (
                      <li key={i} className={i < shown ? 'is-revealed' : undefined}>
                        {h}
                        {i < shown && <span className="muted small"> (revealed)</span>}
                      </li>
                    ))}
                  </ol>
                  {shown < 3 && (
                    <button type="button" className="link-btn small" onClick={() => room.getState().revealHint(req.id)} aria-label={`Reveal hint ${shown + 1} of 3 to the candidate for: ${req.text}`}>
                      Reveal hint {shown + 1} to the candidate
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => store.getState().setRightTab('simulation')}>
          Open the simulation
        </button>
      </section>

      <section aria-labelledby="iv-followups">
        <h3 id="iv-followups" className="section-title">
          Follow-ups
        </h3>
        <label className="field">
          <span className="field-label">Workload</span>
          <select value={factor} onChange={(e) => room.getState().setVolumeFactor(Number(e.target.value))} aria-label="Scale the workload">
            {FACTORS.map((f) => (
              <option key={f} value={f}>
                {f === 1 ? 'As in the brief' : `${f}x the volume`}
              </option>
            ))}
          </select>
        </label>
        <div className="iv-add">
          <label className="field">
            <span className="field-label">Add a requirement from another scenario</span>
            <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label="Requirement to add">
              <option value="">Choose…</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.scenario}: {o.text}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!pick}
            onClick={() => {
              const [scenarioId, requirementId] = pick.split('::') as [string, string];
              room.getState().addRequirement({ scenarioId, requirementId });
              setPick('');
            }}
          >
            Push to both
          </button>
        </div>
        {added.length > 0 && (
          <ul className="iv-added" aria-label="Added requirements">
            {added.map((a) => (
              <li key={borrowedRequirementId(a)}>
                {loaded.scenario.requirements.find((r) => r.id === borrowedRequirementId(a))?.text ?? borrowedRequirementId(a)}
                <button type="button" className="link-btn small" onClick={() => room.getState().removeRequirement(a)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="iv-notes">
        <h3 id="iv-notes" className="section-title">
          Private notes
        </h3>
        <textarea className="iv-notes" rows={6} value={notes} onChange={(e) => room.getState().setNotes(e.target.value)} aria-labelledby="iv-notes" placeholder="Only interviewers' connections receive these notes." maxLength={20000} />
      </section>

      {problems.length > 0 && (
        <section aria-labelledby="iv-problems">
          <h3 id="iv-problems" className="section-title">
            Changes not applied
          </h3>
          <ul className="problem-list">
            {problems.slice(0, 20).map((p, i) => (
              <li key={i}>
                <code className="problem-path">
                  {p.kind} {p.id}
                </code>
                <span className="problem-message">{p.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
