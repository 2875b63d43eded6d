/**
 * Share links in the view: the Share action (link to the clipboard and shown in a dialog), opening a
 * link at start or when the address's fragment changes (read-only view with a banner: "Make a copy"
 * or back to your design), and the editor's dialogs (share link, draw.io import report).
 */
import { lazy, Suspense, useEffect } from 'react';
import { isShareFragment } from '../domain/share-fragment.ts';
import type { AppStore } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { closeShared, copyShared, openShared } from '../store/shared-view.ts';
import { askReplace, useEditorUi } from './editor-ui.ts';
import { IconAlert } from './icons.tsx';
import './editor.css';

// Asked only before a replacement: loaded then.
const ConfirmReplace = lazy(() => import('./ConfirmReplace.tsx').then((m) => ({ default: m.ConfirmReplace })));
// The share and draw.io dialogs likewise load when first shown.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const DrawioPagePicker = lazy(() => import('./DrawioDialogs.tsx').then((m) => ({ default: m.DrawioPagePicker })));
const DrawioReport = lazy(() => import('./DrawioDialogs.tsx').then((m) => ({ default: m.DrawioReport })));

/** Removes `#d=...` from the address without reloading or adding a history entry. */
function clearFragment() {
  if (isShareFragment(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
}

/** Puts the design in a link, copies it to the clipboard when the browser allows, and shows it. */
export async function shareDesign(store: AppStore): Promise<void> {
  const { encodeShareLink } = await import('../domain/share-link.ts'); // the compressor loads on first use
  const encoded = encodeShareLink(store.getState().design);
  if (!encoded.ok) return void store.getState().toast('error', 'Could not make a share link.', encoded.message);
  const url = `${location.origin}${location.pathname}${location.search}#${encoded.fragment}`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission: the dialog shows the link to copy by hand.
  }
  useEditorUi.getState().showDialog({ kind: 'share', url, copied });
}

/** Opens the shared design in the address's fragment, now and whenever the fragment changes. */
export function useShareLinkOpening(store: AppStore): void {
  useEffect(() => {
    const open = async () => {
      if (!isShareFragment(location.hash)) return;
      const { decodeShareLink } = await import('../domain/share-link.ts');
      const result = decodeShareLink(location.hash, store.getState().content.catalog);
      if (result.ok) openShared(store, result.design);
      else
        store.getState().showProblems({
          title: 'Could not open the shared link',
          intro: 'The shared design was not opened, and your own design is unchanged. What is wrong with the link:',
          problems: result.problems,
        });
    };
    const onChange = () => void open();
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [store]);
}

/** The banner over a shared design: read-only, with "Make a copy" and a way back to your design. */
export function SharedBanner() {
  const store = useAppStore();
  const shared = useApp((s) => !!s.readOnly);
  if (!shared) return null;
  return (
    <div className="banner banner-info shared-banner" role="region" aria-label="Shared design">
      <IconAlert size={18} />
      <div className="banner-body">
        <p className="banner-title">Shared design — read-only</p>
        <p className="small">You are looking at a design someone shared with a link. Your own design is kept as it was.</p>
        <div className="banner-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              askReplace(store.getState().readOnly?.ownDesign.nodes.length ?? 0, {
                title: 'Replace your design with the shared one?',
                body: 'Your design for this scenario is replaced by a copy of the shared design.',
                confirm: 'Make a copy',
                run: () => {
                  copyShared(store);
                  clearFragment();
                },
              })
            }
          >
            Make a copy
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              closeShared(store);
              clearFragment();
            }}
          >
            Back to my design
          </button>
        </div>
      </div>
    </div>
  );
}

/** The share-link dialog, the draw.io import report and the question before a design is replaced. */
export function EditorDialogs() {
  const dialog = useEditorUi((s) => s.dialog);
  const close = () => useEditorUi.getState().showDialog(undefined);
  if (!dialog) return null;
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'share' ? (
        <ShareDialog url={dialog.url} copied={dialog.copied} onClose={close} />
      ) : dialog.kind === 'drawio-pages' ? (
        <DrawioPagePicker dialog={dialog} onClose={close} />
      ) : dialog.kind === 'confirm-replace' ? (
        <ConfirmReplace dialog={dialog} onClose={close} />
      ) : (
        <DrawioReport dialog={dialog} onClose={close} />
      )}
    </Suspense>
  );
}
