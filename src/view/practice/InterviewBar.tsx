/**
 * The interview bar under the header while an interview runs: the three phases with the current one
 * marked, time left in the phase and overall, Submit, and Stop. Ends the interview by itself when time
 * runs out (also after a reload past the end).
 */
import { useEffect, useState } from 'react';
import { formatCountdown, PHASE_GOAL, PHASE_IDS, PHASE_LABEL, readClock } from '../../domain/interview.ts';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';

export function InterviewBar() {
  const practice = usePracticeStore();
  const now = usePractice((s) => s.now);
  const interview = usePractice((s) => s.session.interview);
  const [t, setT] = useState(now);
  const [confirmStop, setConfirmStop] = useState(false);
  useEffect(() => {
    if (!interview) return;
    setT(now());
    const timer = setInterval(() => setT(now()), 500);
    return () => clearInterval(timer);
  }, [interview, now]);
  const clock = interview ? readClock(interview.phaseMinutes, interview.startedAt, t) : undefined;
  useEffect(() => {
    if (clock?.timeUp) practice.getState().submit('time-up');
  }, [clock?.timeUp, practice]);
  if (!interview || !clock) return null;
  const low = clock.remainingMs <= 5 * 60_000;
  return (
    <div className="interview-bar" role="region" aria-label="Interview">
      <span className="interview-badge">Interview</span>
      <ol className="phases" aria-label="Phases">
        {PHASE_IDS.map((id, i) => (
          <li key={id} className={i < clock.phaseIndex ? 'phase is-done' : i === clock.phaseIndex ? 'phase is-current' : 'phase'} aria-current={i === clock.phaseIndex ? 'step' : undefined}>
            <span className="phase-name">{PHASE_LABEL[id]}</span>
            <span className="phase-min">{interview.phaseMinutes[id]} min</span>
          </li>
        ))}
      </ol>
      <div className="interview-now">
        <span className="interview-phase" data-testid="interview-phase">
          {PHASE_LABEL[clock.phase]}: {formatCountdown(clock.phaseRemainingMs)} left
        </span>
        <span className="muted small">{PHASE_GOAL[clock.phase]}</span>
      </div>
      <span className={`interview-time${low ? ' is-low' : ''}`} role="timer" aria-label={`Time left ${formatCountdown(clock.remainingMs)}`}>
        {formatCountdown(clock.remainingMs)}
      </span>
      <span className="muted small interview-hidden-note">Feedback hidden until you submit</span>
      {confirmStop ? (
        <span className="interview-confirm" role="group" aria-label="Stop the interview?">
          <span className="small">Stop without recording?</span>
          <button type="button" className="btn btn-small btn-danger" autoFocus onClick={() => (setConfirmStop(false), practice.getState().abandonInterview())}>
            Stop
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmStop(false)}>
            Keep going
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmStop(true)}>
          Stop
        </button>
      )}
      <button type="button" className="btn btn-small btn-primary" onClick={() => practice.getState().submit('submitted')}>
        Submit design
      </button>
    </div>
  );
}
