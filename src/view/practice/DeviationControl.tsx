/**
 * Under a failed requirement in the Feedback tab: "Accept as a trade-off" opens a small form asking
 * why (at least 10 characters, checked as you type); an accepted requirement shows the reason with
 * Edit and Withdraw.
 */
import { useId, useState } from 'react';
import { MIN_REASON_CHARS, reasonProblem, type ReviewedResult } from '../../domain/attempt-notes.ts';
import { useApp } from '../../store/context.tsx';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';
import { readDraft, writeDraft } from '../drafts.ts';

export function DeviationControl({ result }: { result: ReviewedResult }) {
  const practice = usePracticeStore();
  const scenarioId = useApp((s) => s.scenarioId);
  const stored = usePractice((s) => (Object.hasOwn(s.notes.deviations, result.requirementId) ? s.notes.deviations[result.requirementId] : undefined));
  // A reason typed before a reload reopens the form with that text.
  const [editing, setEditingState] = useState(() => readDraft('deviation', scenarioId, result.requirementId) !== undefined);
  const [text, setTextState] = useState(() => readDraft('deviation', scenarioId, result.requirementId) ?? '');
  const setText = (t: string) => {
    setTextState(t);
    writeDraft('deviation', scenarioId, result.requirementId, t);
  };
  const setEditing = (on: boolean) => {
    setEditingState(on);
    if (!on) writeDraft('deviation', scenarioId, result.requirementId, undefined);
  };
  const [touched, setTouched] = useState(false);
  const id = useId();
  if (result.gradedStatus !== 'fail') return null;

  if (!editing && result.deviation)
    return (
      <div className="deviation">
        <p className="deviation-reason">
          <strong>Accepted trade-off:</strong> {result.deviation.reason}
        </p>
        <div className="deviation-actions">
          <button type="button" className="link-btn small" onClick={() => (setText(result.deviation!.reason), setTouched(false), setEditing(true))}>
            Edit reason
          </button>
          <button type="button" className="link-btn small" onClick={() => practice.getState().withdrawDeviation(result.requirementId)}>
            Withdraw
          </button>
        </div>
      </div>
    );
  if (!editing)
    return (
      <button type="button" className="link-btn small deviation-open" onClick={() => (setText(stored?.reason ?? ''), setTouched(false), setEditing(true))}>
        Accept as a trade-off…
      </button>
    );

  const problem = reasonProblem(text);
  const showProblem = touched && problem !== undefined;
  const save = () => {
    setTouched(true);
    if (problem) return;
    practice.getState().acceptDeviation(result.requirementId, text);
    setEditing(false);
  };
  return (
    <form
      className="deviation-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setEditing(false);
        }
      }}
    >
      <label htmlFor={`${id}-reason`} className="field-label">
        Why is this an acceptable trade-off?
      </label>
      <textarea
        id={`${id}-reason`}
        autoFocus
        rows={3}
        value={text}
        aria-invalid={showProblem}
        aria-describedby={`${id}-help`}
        placeholder="e.g. One Region is enough: the brief asks for no disaster recovery and it halves the cost."
        onChange={(e) => setText(e.target.value)}
        onBlur={() => setTouched(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      />
      {showProblem ? (
        <p id={`${id}-help`} className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <p id={`${id}-help`} className="field-help">
          At least {MIN_REASON_CHARS} characters. It shows as “accepted” (not “pass”) here and in exports; it does not count as a pass.
        </p>
      )}
      <div className="deviation-actions">
        <button type="submit" className="btn btn-small btn-primary">
          Accept trade-off
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
