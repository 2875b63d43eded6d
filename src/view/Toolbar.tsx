/** The toolbar above the canvas: file actions, layout, history, view and theme. */
import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { serializeDesign } from '../domain/design.ts';
import { downloadText } from '../adapters/download.ts';
import { activeScenario } from '../store/app-store.ts';
import { useApp, useAppStore, useHistoryAvailability } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';
import { IconBook, IconDownload, IconFit, IconLayout, IconMoon, IconNew, IconRedo, IconSun, IconUndo, IconUpload, IconVolume } from './icons.tsx';
import { SHORTCUTS } from './shortcuts.ts';
import { DrawioExportButton, PictureExportButton, ShareButton, SnapToggle } from './EditorToolbar.tsx';
import { PaneToggle } from './SidePane.tsx';
import { WORKER_MIN_TEXT } from '../adapters/analysis-limits.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function Toolbar() {
  const store = useAppStore();
  const { canUndo, canRedo } = useHistoryAvailability();
  const empty = useApp((s) => s.design.nodes.length === 0);
  // The candidate in a mock interview does not get the reference design.
  const hasReference = useApp((s) => !!activeScenario(s) && s.roomRole !== 'candidate');
  const theme = useApp((s) => s.theme);
  const edgeLabels = useApp((s) => s.edgeLabels);
  const { getNodes, fitView } = useReactFlow();
  const fileRef = useRef<HTMLInputElement>(null);
  const [confirmNew, setConfirmNew] = useState(false);
  const [busy, setBusy] = useState<'layout' | undefined>();

  const baseName = () => store.getState().scenarioId ?? 'archboard';

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      store.getState().showProblems({ title: `Could not import ${file.name}`, intro: 'The file was not read and your design is unchanged.', problems: [{ path: '$', message: `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; designs larger than 10 MB are refused (and designs of more than 50,000 services)` }] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      store.getState().toast('error', `Could not read ${file.name}.`, e instanceof Error ? e.message : undefined);
      return;
    }
    // The draw.io reader loads only when a file is imported (it stays out of the initial bundle).
    const { importDrawio, looksLikeDrawio } = await import('./drawio-import.ts');
    if (looksLikeDrawio(text, file.name)) {
      if (await importDrawio(store, text, file.name)) requestAnimationFrame(() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 }));
      return;
    }
    // A big file is parsed, validated and graded in the worker, with progress; a small one here.
    // (The worker client loads on first use.)
    const big = text.length >= WORKER_MIN_TEXT ? await (await import('./analysis.ts')).loadBig(store, text, file.name, true) : undefined;
    const ok = big ? store.getState().importLoaded(big.result, file.name, big.analyses) : store.getState().importText(text, file.name);
    if (ok) requestAnimationFrame(() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 }));
  };

  const exportJson = () => {
    downloadText(serializeDesign(store.getState().design), `${baseName()}-design.json`);
    store.getState().toast('success', `Exported ${baseName()}-design.json.`);
  };

  const autoLayout = async () => {
    const design = store.getState().design;
    if (!design.nodes.length) return;
    setBusy('layout');
    try {
      const { layoutDesign } = await import('../adapters/layout.ts');
      const sizes = new Map(getNodes().flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
      // Rows wrap to suit the canvas as it is now (its size at zoom 1).
      const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
      const view = pane && pane.width > 0 && pane.height > 0 ? { width: pane.width, height: pane.height } : undefined;
      const { positions, sizes: groupSizes } = await layoutDesign(design, sizes, store.getState().content.catalog, view ? { view } : {});
      if (store.getState().design !== design) return; // the design changed meanwhile: do not overwrite it
      // Positions and group sizes together: one undo step.
      const key = `layout-${Date.now()}`;
      store.getState().dispatch({ type: 'moveNodes', positions }, { coalesce: key });
      for (const [nodeId, size] of groupSizes) store.getState().dispatch({ type: 'resizeNode', nodeId, size }, { coalesce: key });
      requestAnimationFrame(() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 }));
    } catch (e) {
      store.getState().toast('error', 'Auto-layout failed.', e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Design actions">
      <PaneToggle side="left" title="Services" />
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group">
        <button type="button" className="btn btn-quiet btn-compact" aria-label="New" title="New design (start from an empty canvas; undoable)" onClick={() => (empty ? store.getState().newDesign() : setConfirmNew(true))}>
          <IconNew /> <span className="btn-label">New</span>
        </button>
        <button type="button" className="btn btn-quiet" title="Load the scenario's reference design (undoable)" onClick={() => {
            store.getState().loadReference();
            requestAnimationFrame(() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 }));
          }} disabled={!hasReference}>
          <IconBook /> <span className="btn-label">Reference</span>
        </button>
        <button type="button" className="btn btn-quiet" title="Import a design (JSON) or a draw.io diagram (.drawio, .xml)" onClick={() => fileRef.current?.click()}>
          <IconUpload /> <span className="btn-label">Import</span>
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json,.drawio,.xml"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Design file to import"
          data-testid="import-input"
          onChange={(e) => {
            void onImport(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" className="btn btn-quiet" title="Export the design as JSON" onClick={exportJson}>
          <IconDownload /> <span className="btn-label">JSON</span>
        </button>
        <PictureExportButton kind="png" />
        <PictureExportButton kind="svg" />
        <PictureExportButton kind="pdf" />
        <DrawioExportButton />
        <ShareButton />
      </div>
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group">
        <button type="button" className="btn btn-quiet btn-compact" aria-label={busy === 'layout' ? 'Arranging…' : 'Auto-layout'} title="Auto-layout: arrange services left to right along the data flow (undoable)" onClick={() => void autoLayout()} disabled={empty || busy === 'layout'}>
          <IconLayout /> <span className="btn-label">{busy === 'layout' ? 'Arranging…' : 'Auto-layout'}</span>
        </button>
        <button type="button" className="btn btn-quiet btn-compact" aria-label="Fit view" title="Fit the design in view (Shift+1)" onClick={() => void fitView({ padding: 0.1, duration: 300, maxZoom: 1 })}>
          <IconFit /> <span className="btn-label">Fit view</span>
        </button>
      </div>
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group">
        <button type="button" className="btn btn-quiet btn-icon" title={`Undo (${SHORTCUTS.undo})`} aria-label="Undo" onClick={() => store.getState().undo()} disabled={!canUndo}>
          <IconUndo />
        </button>
        <button type="button" className="btn btn-quiet btn-icon" title={`Redo (${SHORTCUTS.redo})`} aria-label="Redo" onClick={() => store.getState().redo()} disabled={!canRedo}>
          <IconRedo />
        </button>
      </div>
      <span className="toolbar-spacer" />
      <SnapToggle />
      <button
        type="button"
        className={`btn btn-quiet btn-icon btn-toggle${edgeLabels ? ' is-on' : ''}`}
        title={edgeLabels ? 'Volume labels on connections: on (zoom in to read them; hover one for its peak)' : 'Volume labels on connections: off'}
        aria-label="Volume labels"
        aria-pressed={edgeLabels}
        onClick={() => store.getState().setEdgeLabels(!edgeLabels)}
      >
        <IconVolume />
      </button>
      <button
        type="button"
        className="btn btn-quiet btn-icon"
        title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? <IconSun /> : <IconMoon />}
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <PaneToggle side="right" title="Panels" />
      {confirmNew && (
        <Dialog
          title="Start a new design?"
          onClose={() => setConfirmNew(false)}
          actions={
            <>
              <button type="button" className="btn btn-quiet" onClick={() => setConfirmNew(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-autofocus
                onClick={() => {
                  setConfirmNew(false);
                  store.getState().newDesign();
                }}
              >
                Start new design
              </button>
            </>
          }
        >
          <p>This clears the canvas. You can bring the current design back with Undo ({SHORTCUTS.undo}).</p>
        </Dialog>
      )}
    </div>
  );
}
