/**
 * The toast stack, at the bottom centre of the canvas (never over the panes). Announced politely;
 * info and success toasts fade after 5 s, warnings after 8 s, errors stay until dismissed; at most three.
 */
import { useApp, useAppStore } from '../store/context.tsx';
import { IconAlert, IconCheck, IconInfo, IconX } from './icons.tsx';

export function Toasts() {
  const store = useAppStore();
  const toasts = useApp((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions text">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-icon" aria-hidden="true">
            {t.kind === 'success' ? <IconCheck size={16} /> : t.kind === 'info' ? <IconInfo size={16} /> : <IconAlert size={16} />}
          </span>
          <div className="toast-body">
            <p className="toast-message">{t.message}</p>
            {t.detail && <p className="toast-detail">{t.detail}</p>}
            {t.action && (
              <button
                type="button"
                className="btn btn-small toast-action"
                onClick={() => {
                  t.action!.run();
                  // Done what it offered: an info or warning toast goes; an error stays until dismissed.
                  if (t.kind !== 'error') store.getState().dismissToast(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
          </div>
          <button type="button" className="icon-btn toast-close" aria-label="Dismiss notification" onClick={() => store.getState().dismissToast(t.id)}>
            <IconX size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
