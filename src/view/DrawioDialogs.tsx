/**
 * The draw.io dialogs: the page picker for a file with several pages, and the import report (what
 * the diagram became, counted apart as services, groups, notes and connections, and what was not
 * imported, by cell id).
 */
import { useReactFlow } from '@xyflow/react';
import { formatNumber } from '../domain/format.ts';
import { useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';
import type { EditorDialog } from './editor-ui.ts';
import { useEditorUi } from './editor-ui.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n, 0)} ${n === 1 ? one : many}`;

/** Which page of a multi-page draw.io file to import. */
export function DrawioPagePicker({ dialog, onClose }: { dialog: Extract<EditorDialog, { kind: 'drawio-pages' }>; onClose(): void }) {
  const store = useAppStore();
  const { fitView } = useReactFlow();
  const first = Math.max(
    0,
    dialog.pages.findIndex((p) => p.services > 0),
  );
  return (
    <Dialog
      title={`Import a page of ${dialog.fileName}`}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <p>The file has {dialog.pages.length} pages. Archboard imports one page as the design; pick it:</p>
      <ul className="problem-list drawio-pages" aria-label="Pages">
        {dialog.pages.map((p) => (
          <li key={p.index}>
            <button
              type="button"
              className="btn"
              {...(p.index === first ? { 'data-autofocus': true } : {})}
              disabled={p.services === 0}
              onClick={async () => {
                useEditorUi.getState().showDialog(undefined);
                if (await (await import('./drawio-import.ts')).importDrawio(store, dialog.text, dialog.fileName, p.index)) requestAnimationFrame(() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 }));
              }}
            >
              {p.name}
            </button>
            <span className="problem-message">{p.services === 0 ? 'no AWS service Archboard knows' : `${plural(p.services, 'service')}, ${plural(p.groups, 'group')}, ${plural(p.connections, 'connection')}`}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** What a draw.io import made and what it could not map. */
export function DrawioReport({ dialog, onClose }: { dialog: Extract<EditorDialog, { kind: 'drawio' }>; onClose(): void }) {
  const c = dialog.counts;
  return (
    <Dialog
      title={`Imported ${dialog.fileName}`}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p data-testid="drawio-counts">
        {plural(c.services, 'service')}, {plural(c.groups, 'group')}, {plural(c.notes, 'note')} and {plural(c.connections, 'connection')}
        {dialog.pageCount > 1 ? ` from page "${dialog.page}" (of ${dialog.pageCount})` : ''}. Undo ({'Ctrl+Z'}) brings your previous design back.
      </p>
      {dialog.warnings.length > 0 && (
        <ul className="problem-list" aria-label="Warnings">
          {dialog.warnings.slice(0, 20).map((w, i) => (
            <li key={i}>
              <span className="problem-message">{w}</span>
            </li>
          ))}
        </ul>
      )}
      {dialog.unmapped.length === 0 ? (
        <p>Everything in the diagram was mapped.</p>
      ) : (
        <>
          <p>Not imported ({dialog.unmapped.length}) — add these by hand if you need them:</p>
          <ul className="problem-list unmapped-list" aria-label="Not imported">
            {dialog.unmapped.slice(0, 100).map((u) => (
              <li key={u.cellId}>
                <code className="problem-path">{u.shape}</code>
                <span className="problem-message">
                  cell <code>{u.cellId}</code>: {u.reason}
                </span>
              </li>
            ))}
          </ul>
          {dialog.unmapped.length > 100 && <p className="muted small">…and {dialog.unmapped.length - 100} more.</p>}
        </>
      )}
    </Dialog>
  );
}
