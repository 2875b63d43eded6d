/** Banners above the workspace: content problems in the bundled content, and a stored design kept aside. */
import { useState } from 'react';
import type { ContentProblem } from '../domain/catalog.ts';
import { downloadText } from '../adapters/download.ts';
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

export function KeptAsideBanner() {
  const store = useAppStore();
  const kept = useApp((s) => s.keptAside);
  if (!kept) return null;
  const name = `${kept.scenarioId ?? 'archboard'}-unreadable-design.json`;
  return (
    <div className="banner banner-warning" role="alert" aria-label="Saved design could not be read">
      <IconAlert size={18} />
      <div className="banner-body">
        <p className="banner-title">Your saved design could not be read, so it was kept aside and an empty design was started.</p>
        <p className="small">
          {kept.key
            ? <>The saved text is kept in this browser under <code>{kept.key}</code>. What was wrong:</>
            : <>The browser storage is full, so it could not be moved aside: download it now; it will be overwritten when you dismiss this. What was wrong:</>}
        </p>
        <ProblemList problems={kept.problems.slice(0, 8)} />
        {kept.problems.length > 8 && <p className="small muted">…and {kept.problems.length - 8} more.</p>}
        <div className="banner-actions">
          <button type="button" className="btn" onClick={() => downloadText(kept.raw, name)}>
            <IconDownload /> Download the unreadable data
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => store.getState().dismissKeptAside()}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
  );
}
