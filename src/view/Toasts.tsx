/** The toast stack, bottom-right. Announced politely; errors stay until dismissed. */
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
              <button type="button" className="btn btn-small toast-action" onClick={() => t.action!.run()}>
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
