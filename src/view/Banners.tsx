/** Banners above the workspace: content problems in the bundled content, recovered (kept-aside) data, and saving that fails. */
import { useState } from 'react';
import type { ContentProblem } from '../domain/catalog.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { ProblemList } from './Dialog.tsx';
import { IconAlert, IconDownload } from './icons.tsx';

export function ContentProblemsBanner({ problems }: { problems: readonly ContentProblem[] }) {
  const [open, setOpen] = useState(problems.length <= 3);
  if (!problems.length) return null;
  return (
    <div className="banner banner-error" role="alert">
      <IconAlert size={18} />
      <div className="banner-body">
        <p className="banner-title">
          The bundled content has {problems.length} problem{problems.length === 1 ? '' : 's'}; what could be loaded is shown.
        </p>
        {open ? <ProblemList problems={problems} /> : null}
        {problems.length > 3 && (
          <button type="button" className="link-btn small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Hide the list' : 'Show every problem'}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * "Recovered data": every record kept aside in storage (unreadable, or the original of a repaired
 * design), each with what was wrong and Download / Discard. It stays, across reloads, until each
 * record is downloaded or discarded.
 */
export function RecoveredBanner() {
  const store = useAppStore();
  const recovered = useApp((s) => s.recovered);
  const [open, setOpen] = useState(false);
  if (!recovered.length) return null;
  const shown = open ? recovered : recovered.slice(0, 3);
  return (
    <div className="banner banner-warning" role="alert" aria-label="Recovered data">
      <IconAlert size={18} />
      <div className="banner-body">
        <p className="banner-title">
          Recovered data: {recovered.length === 1 ? 'a stored record' : `${recovered.length} stored records`} could not be used as saved, so {recovered.length === 1 ? 'it was' : 'they were'} kept aside. Nothing was deleted.
        </p>
        <p className="small">Download each to keep it, or discard it. Until then it stays listed here, also after a reload.</p>
        <ul className="recovered-list">
          {shown.map((r) => (
            <li key={r.key} className="recovered-item" aria-label={r.title}>
              <p className="recovered-title">
                <strong>{r.title}</strong>
                {r.notMoved ? <span className="small"> — storage is full, so it is still in its place: download it before it is overwritten.</span> : null}
              </p>
              <ProblemList problems={r.problems.slice(0, 4)} />
              {r.problems.length > 4 && <p className="small muted">…and {r.problems.length - 4} more.</p>}
              <div className="banner-actions">
                <button type="button" className="btn" onClick={() => store.getState().downloadRecovered(r.key)}>
                  <IconDownload /> Download
                </button>
                <button type="button" className="btn btn-quiet" onClick={() => store.getState().discardRecovered(r.key)}>
                  Discard
                </button>
              </div>
            </li>
          ))}
        </ul>
        {recovered.length > 3 && (
          <button type="button" className="link-btn small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Show fewer' : `Show all ${recovered.length}`}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * "Not saved": shown while saving fails (storage full or refused), until a save works. The work is
 * kept in this tab and saving is retried; Export downloads the design now.
 */
export function NotSavedBanner() {
  const store = useAppStore();
  const problem = useApp((s) => s.saveProblem);
  if (!problem) return null;
  return (
    <div className="banner banner-error" role="alert" aria-label="Not saved">
      <IconAlert size={18} />
      <div className="banner-body">
        <p className="banner-title">{problem.reason === 'quota' ? 'Not saved: the browser’s storage is full.' : 'Not saved: this browser refused to store your work.'} Your changes are kept in this tab only.</p>
        <p className="small">Saving is retried until it works{problem.reason === 'quota' ? ' (free some space, e.g. by clearing other sites’ data)' : ''}. Export the design to keep a copy now.</p>
        <div className="banner-actions">
          <button type="button" className="btn" onClick={() => store.getState().exportDesign()}>
            <IconDownload /> Export JSON
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => store.getState().retrySave()}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}
