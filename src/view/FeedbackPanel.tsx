/**
 * Feedback per requirement: status, severity, findings with remediation and docs. Clicking a finding
 * selects the elements it names, centres the view on them and opens the Inspector at the setting that
 * fixes it, highlighted (see finding-setting.ts). A failed requirement can be accepted as
 * a trade-off with a reason (shown as `accepted`); interview mode hides all of it until submission.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { applyDeviations, type ReviewedResult } from '../domain/attempt-notes.ts';
import type { Finding } from '../domain/grade.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { usePractice } from '../store/practice-context.tsx';
import { DeviationControl } from './practice/DeviationControl.tsx';
import { IconExternal } from './icons.tsx';
import { useEditorUi } from './editor-ui.ts';
import { findingSetting } from './finding-setting.ts';
import { SEVERITY_LABEL, StatusIcon, STATUS_LABEL } from './status.tsx';

const ORDER: Record<string, number> = { error: 0, fail: 1, accepted: 2, 'not-applicable': 3, pass: 4 };

export function FeedbackPanel() {
  const store = useAppStore();
  const graded = useApp((s) => s.report);
  const hidden = useApp((s) => s.feedbackHidden);
  const deviations = usePractice((s) => s.notes.deviations);
  const report = useMemo(() => (graded ? applyDeviations(graded, deviations) : undefined), [graded, deviations]);
  const design = useApp((s) => s.design);
  const { fitView } = useReactFlow();
  if (hidden)
    return (
      <div className="feedback-hidden" role="status">
        <p className="empty-state-title">Feedback is hidden during the interview</p>
        <p>Submit your design (or let the time run out) to see what passes, what fails and why.</p>
      </div>
    );
  if (!report)
    return (
      <div className="empty-state">
        <p className="empty-state-title">No feedback yet</p>
        <p>Feedback needs a scenario to grade against, and none is loaded.</p>
      </div>
    );

  const focus = (f: Finding) => {
    const nodeIds = new Set(f.nodeIds);
    for (const id of f.edgeIds) {
      const e = design.edges.find((x) => x.id === id);
      if (e) nodeIds.add(e.source).add(e.target);
    }
    // Open the Inspector at the setting that fixes it (its element alone selected), else on its elements.
    const target = findingSetting(f, design, store.getState().content.catalog);
    if (target) store.getState().select({ nodeIds: target.nodeId ? [target.nodeId] : [], edgeIds: target.edgeId ? [target.edgeId] : [] });
    else store.getState().select({ nodeIds: f.nodeIds.filter((id) => design.nodes.some((n) => n.id === id)), edgeIds: f.edgeIds.filter((id) => design.edges.some((e) => e.id === id)) });
    useEditorUi.getState().showSetting(target);
    store.getState().setRightTab('inspector');
    // The clicked finding is gone with its tab: keep the keyboard's place in the Inspector (the setting
    // takes focus when there is one, see Inspector.tsx; else the panel itself).
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) document.getElementById('panel-inspector')?.focus();
    });
    if (nodeIds.size) void fitView({ nodes: [...nodeIds].map((id) => ({ id })), duration: 400, padding: 0.5, maxZoom: 1.25 });
  };

  const results = [...report.results].sort((a, b) => ORDER[a.status]! - ORDER[b.status]! || sevRank(a) - sevRank(b));
  const { counts } = report;
  return (
    <div className="feedback">
      <div className={`summary ${report.passed ? 'summary-pass' : 'summary-fail'}`} role="status">
        <p className="summary-head">
          {design.nodes.length === 0 ? 'Add services to get feedback' : report.passed ? 'All required checks pass' : report.passedWithDeviations ? 'Required checks pass or are accepted as trade-offs' : 'Some required checks fail'}
        </p>
        <ul className="counts" aria-label="Summary">
          <li className="count-pass">
            <strong>{counts.pass}</strong> pass
          </li>
          <li className="count-fail">
            <strong>{counts.fail}</strong> fail
          </li>
          {counts.accepted > 0 && (
            <li className="count-accepted">
              <strong>{counts.accepted}</strong> accepted
            </li>
          )}
          <li className="count-na">
            <strong>{counts['not-applicable']}</strong> n/a
          </li>
          {counts.error > 0 && (
            <li className="count-error">
              <strong>{counts.error}</strong> rule errors
            </li>
          )}
        </ul>
      </div>
      <ul className="results">
        {results.map((r) => (
          <ResultItem key={r.requirementId} result={r} onFocus={focus} />
        ))}
      </ul>
    </div>
  );
}

function sevRank(r: ReviewedResult) {
  return r.severity === 'error' ? 0 : r.severity === 'warning' ? 1 : 2;
}

function ResultItem({ result: r, onFocus }: { result: ReviewedResult; onFocus(f: Finding): void }) {
  return (
    <li className={`result status-${r.status}`} data-requirement={r.requirementId} data-status={r.status}>
      <div className="result-head">
        <StatusIcon status={r.status} severity={r.severity} />
        <span className="result-text">{r.text}</span>
      </div>
      <div className="result-meta">
        <span className={`pill status-pill-${r.status}`}>{STATUS_LABEL[r.status]}</span>
        <span className={`pill sev-pill-${r.severity}`} title={`Severity: ${r.severity}`}>
          {SEVERITY_LABEL[r.severity]}
        </span>
        {r.pillar && <span className="pill pill-quiet">{r.pillar.replace(/-/g, ' ')}</span>}
      </div>
      {r.detail && <p className="result-detail">{r.detail}</p>}
      {r.findings.length > 0 && (
        <ul className="findings">
          {r.findings.map((f, i) => (
            <li key={i} className={`finding sev-${f.severity}`}>
              <button type="button" className="finding-main" onClick={() => onFocus(f)} title="Show on the canvas and open the setting that fixes it" disabled={!f.nodeIds.length && !f.edgeIds.length}>
                <span className="finding-message">{f.message}</span>
                <span className="finding-fix">
                  <strong>Fix:</strong> {f.remediation}
                </span>
              </button>
              <a className="finding-docs" href={f.docUrl} target="_blank" rel="noopener noreferrer">
                Docs <IconExternal />
              </a>
            </li>
          ))}
        </ul>
      )}
      <DeviationControl result={r} />
    </li>
  );
}
