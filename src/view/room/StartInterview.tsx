/**
 * "Mock interview" in the header: creates a room for the active scenario and gives two links, the
 * candidate's (edit the design) and the interviewer's (also the rubric, hints, follow-ups and private
 * notes). The interviewer's link carries a key the candidate's does not (see src/domain/room.ts). The
 * room opens in a new tab, so this tab's own design stays as it is.
 */
import { useState } from 'react';
import { encodeRoomFragment, newRoomKey, roomIdForKey, type RoomLink } from '../../domain/room.ts';
import { useApp } from '../../store/context.tsx';
import { Dialog } from '../Dialog.tsx';

export function StartInterviewButton() {
  const scenarioId = useApp((s) => s.scenarioId);
  const [open, setOpen] = useState(false);
  if (!scenarioId) return null;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        Start a mock interview
      </button>
      {open && <StartInterviewDialog scenarioId={scenarioId} onClose={() => setOpen(false)} />}
    </>
  );
}

function linkUrl(link: RoomLink): string {
  return `${location.origin}${location.pathname}#${encodeRoomFragment(link)}`;
}

function StartInterviewDialog({ scenarioId, onClose }: { scenarioId: string; onClose(): void }) {
  const title = useApp((s) => s.content.scenarios.find((x) => x.scenario.id === scenarioId)?.scenario.title ?? scenarioId);
  const [links, setLinks] = useState<{ candidate: string; interviewer: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const create = async () => {
    try {
      const key = newRoomKey();
      const roomId = await roomIdForKey(key);
      setLinks({ candidate: linkUrl({ roomId, scenarioId }), interviewer: linkUrl({ roomId, scenarioId, key }) });
    } catch (e) {
      setError(`Could not create a room in this browser: ${(e as Error).message}`);
    }
  };
  const copy = (which: 'candidate' | 'interviewer') => {
    if (!links) return;
    void navigator.clipboard?.writeText(links[which]).then(
      () => setCopied(which),
      () => setCopied(undefined),
    );
  };
  return (
    <Dialog
      title="Start a mock interview"
      onClose={onClose}
      actions={
        links ? (
          <>
            <a className="btn btn-primary" href={links.interviewer} target="_blank" rel="noopener noreferrer" data-testid="open-interviewer">
              Open the interviewer view
            </a>
            <button type="button" className="btn btn-quiet" onClick={onClose}>
              Close
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary" data-autofocus onClick={() => void create()}>
              Create the room
            </button>
            <button type="button" className="btn btn-quiet" onClick={onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      <p>
        A room for <strong>{title}</strong>: the candidate designs, you watch the grading live, reveal hints, push follow-ups and keep private notes. Both of you edit the same board.
      </p>
      {error && <p role="alert">{error}</p>}
      {links && (
        <div className="room-links">
          <label className="field">
            <span className="field-label">Candidate's link — send this to the candidate</span>
            <input readOnly value={links.candidate} aria-label="Candidate's link" data-testid="candidate-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="btn btn-small" onClick={() => copy('candidate')}>
            {copied === 'candidate' ? 'Copied' : 'Copy the candidate link'}
          </button>
          <label className="field">
            <span className="field-label">Your interviewer link — keep it to yourself: it opens the rubric and your notes</span>
            <input readOnly value={links.interviewer} aria-label="Interviewer's link" data-testid="interviewer-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="btn btn-small" onClick={() => copy('interviewer')}>
            {copied === 'interviewer' ? 'Copied' : 'Copy the interviewer link'}
          </button>
        </div>
      )}
    </Dialog>
  );
}
