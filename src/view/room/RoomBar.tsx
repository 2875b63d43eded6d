/**
 * The room bar under the header in a mock interview: who you are and who else is here (name and
 * colour, as their cursors show), the connection, the shared phase timer, and the follow-ups in force.
 * The interviewer starts and stops the timer and can copy the candidate's link again.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_PHASE_MINUTES, formatCountdown, PHASE_LABEL, readClock } from '../../domain/interview.ts';
import { encodeRoomFragment } from '../../domain/room.ts';
import { activeScenario } from '../../store/app-store.ts';
import { useApp } from '../../store/context.tsx';
import { useRoom, useRoomStore } from './RoomContext.tsx';
import { followUpSummary } from './follow-up-text.ts';

const STATUS_TEXT = { connecting: 'Connecting…', connected: 'Live', disconnected: 'Offline — your edits are kept and merge when the connection is back', refused: 'The server refused this link' } as const;

export function RoomBar() {
  const room = useRoomStore();
  const role = useRoom((s) => s.role);
  const status = useRoom((s) => s.status);
  const me = useRoom((s) => s.me);
  const peers = useRoom((s) => s.peers) ?? [];
  const timer = useRoom((s) => s.control.timer);
  const followUps = useApp((s) => s.followUps);
  const loaded = useApp(activeScenario);
  const content = useApp((s) => s.content);
  const [now, setNow] = useState(() => Date.now());
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!timer) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [timer]);
  if (!room || !role || !me || !status) return null;
  const clock = timer ? readClock(timer.phaseMinutes, timer.startedAt, now) : undefined;
  const candidateUrl = () => {
    const { roomId, scenarioId } = room.getState().link;
    return `${location.origin}${location.pathname}#${encodeRoomFragment({ roomId, scenarioId })}`;
  };
  return (
    <div className="room-bar" role="region" aria-label="Mock interview room">
      <span className={`room-role is-${role}`}>{role === 'interviewer' ? 'Interviewer' : 'Candidate'}</span>
      <span className={`room-status is-${status}`} role="status" data-testid="room-status">
        <span className="room-status-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </span>
      <ul className="room-people" aria-label="People in the room">
        <li className="room-person is-me" style={{ ['--peer' as string]: me.colour }}>
          {me.name} (you)
        </li>
        {peers.map((p) => (
          <li key={p.clientId} className="room-person" style={{ ['--peer' as string]: p.colour }} data-testid="room-peer">
            {p.name}
          </li>
        ))}
      </ul>
      {followUps && (
        <span className="room-followups" data-testid="room-followups">
          Follow-up: {followUpSummary(followUps, loaded?.scenario, content)}
        </span>
      )}
      <span className="room-timer">
        {clock ? (
          <span role="timer" data-testid="room-timer" aria-label={`${PHASE_LABEL[clock.phase]}, ${formatCountdown(clock.phaseRemainingMs)} left in the phase, ${formatCountdown(clock.remainingMs)} in all`}>
            <strong>{PHASE_LABEL[clock.phase]}</strong> {formatCountdown(clock.phaseRemainingMs)} · {clock.timeUp ? 'time is up' : `${formatCountdown(clock.remainingMs)} left`}
          </span>
        ) : (
          <span className="muted small">{role === 'interviewer' ? 'Timer not started' : 'Waiting for the interviewer to start the clock'}</span>
        )}
        {role === 'interviewer' &&
          (clock ? (
            <button type="button" className="btn btn-small btn-quiet" onClick={() => room.getState().stopTimer()}>
              Stop timer
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-primary" onClick={() => room.getState().startTimer(DEFAULT_PHASE_MINUTES)}>
              Start 45-minute timer
            </button>
          ))}
        {role === 'interviewer' && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => {
              void navigator.clipboard?.writeText(candidateUrl()).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? 'Copied' : 'Copy candidate link'}
          </button>
        )}
      </span>
    </div>
  );
}
