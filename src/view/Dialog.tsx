/**
 * A modal dialog on the native `<dialog>` element opened with `showModal()`: the rest of the page is
 * inert (no focus, no clicks, no screen-reader browsing) while it is open, focus moves in on open and
 * returns on close, Escape closes (the native `cancel` event), and a click on the backdrop closes.
 * Its title id is unique (`useId`), so two dialogs never name each other. The keyboard commands of the
 * editor (see actions.ts) do nothing while any dialog is open (`modalOpen` in shortcuts.ts).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** `actions`: the buttons at the bottom; without them, one primary "Close" button (focused on open). */
export function Dialog({ title, children, actions, onClose, tone = 'default' }: { title: string; children: ReactNode; actions?: ReactNode; onClose(): void; tone?: 'default' | 'danger' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!el.open) {
      // jsdom has no showModal: there the dialog is only shown.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    }
    const first = el.querySelector<HTMLElement>('[data-autofocus]') ?? el.querySelector<HTMLElement>('button');
    first?.focus();
    return () => {
      if (el.open && typeof el.close === 'function') el.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${tone}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: the React state closes it (and unmounts), so the browser does not close it by itself.
        e.preventDefault();
        close.current();
      }}
      onClose={() => close.current()}
      onKeyDown={(e) => {
        // Escape closes here too (one close, not the browser's as well; jsdom sends no cancel event).
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        close.current();
      }}
      // The backdrop is the dialog element itself (its content fills it edge to edge).
      onMouseDown={(e) => e.target === e.currentTarget && close.current()}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions ?? (
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => close.current()}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}

export function ProblemList({ problems }: { problems: readonly { path: string; message: string; file?: string }[] }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={i}>
          {p.file && <span className="problem-file">{p.file}</span>}
          <code className="problem-path">{p.path}</code>
          <span className="problem-message">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
