/** A small modal dialog: focus moves in on open, Escape closes, focus returns on close. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, children, actions, onClose, tone = 'default' }: { title: string; children: ReactNode; actions: ReactNode; onClose(): void; tone?: 'default' | 'danger' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>('button');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={`dialog dialog-${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Tab') {
            const items = [...(ref.current?.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea') ?? [])];
            const i = items.indexOf(document.activeElement as HTMLElement);
            if (e.shiftKey && i <= 0) {
              e.preventDefault();
              items[items.length - 1]?.focus();
            } else if (!e.shiftKey && i === items.length - 1) {
              e.preventDefault();
              items[0]?.focus();
            }
          }
        }}
      >
        <h2 id="dialog-title" className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
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
