/** The toolbar above the canvas: file actions, layout, history, view and theme. */
import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { MAX_DESIGN_BYTES } from '../domain/design.ts';
import { activeScenario } from '../store/app-store.ts';
import { useApp, useAppStore, useHistoryAvailability } from '../store/context.tsx';
import { autoLayout, exportDesignJson, fitDesign } from './actions.ts';
import { askReplace } from './editor-ui.ts';
import { IconBook, IconDownload, IconFit, IconLayout, IconMoon, IconNew, IconRedo, IconSun, IconUndo, IconUpload, IconVolume, IconX } from './icons.tsx';
import { SHORTCUTS } from './shortcuts.ts';
import { DrawioExportButton, PictureExportButton, ShareButton, SnapToggle } from './EditorToolbar.tsx';
import { PaneToggle } from './SidePane.tsx';
import { usePaneUi } from './pane-ui.ts';
import { WORKER_MIN_TEXT } from '../adapters/analysis-limits.ts';

/**
 * The toolbar's frame is drawn at once; its buttons with the panes' content, once the canvas has shown
 * its nodes at the page's start (see pane-ui.ts `panesShown`).
 */
export function Toolbar() {
  const shown = usePaneUi((s) => s.panesShown);
  return (
    <div className="toolbar" role="toolbar" aria-label="Design actions">
      {shown && <ToolbarButtons />}
    </div>
  );
}

function ToolbarButtons() {
  const store = useAppStore();
  const { canUndo, canRedo } = useHistoryAvailability();
  const empty = useApp((s) => s.design.nodes.length === 0);
  // The candidate in a mock interview does not get the reference design.
  const hasReference = useApp((s) => !!activeScenario(s) && s.roomRole !== 'candidate');
  const theme = useApp((s) => s.theme);
  const edgeLabels = useApp((s) => s.edgeLabels);
  const flow = useReactFlow();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'layout' | undefined>();
  const services = () => store.getState().design.nodes.length;

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_DESIGN_BYTES) {
      store.getState().showProblems({
        title: `Could not import ${file.name}`,
        intro: 'The file was not read and your design is unchanged.',
        problems: [{ path: '$', message: `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; designs larger than ${MAX_DESIGN_BYTES / 1024 / 1024} MB are refused (and designs of more than 50,000 services)` }],
      });
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
      if (await importDrawio(store, text, file.name)) fitDesign(flow, true);
      return;
    }
    // A big file is parsed, validated and graded in the worker, with progress; a small one here.
    // (The worker client loads on first use.)
    const big = text.length >= WORKER_MIN_TEXT ? await (await import('./analysis.ts')).loadBig(store, text, file.name, true) : undefined;
    const ok = big ? store.getState().importLoaded(big.result, file.name, big.analyses) : store.getState().importText(text, file.name);
    if (ok) fitDesign(flow, true);
  };

  const layout = async () => {
    setBusy('layout');
    try {
      await autoLayout({ store, flow });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <PaneToggle side="left" title="Services" />
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group">
        <button
          type="button"
          className="btn btn-quiet btn-compact"
          aria-label="New"
          title="New design (start from an empty canvas; undoable)"
          onClick={() => askReplace(services(), { title: 'Start a new design?', body: 'This clears the canvas.', confirm: 'Start new design', run: () => store.getState().newDesign() })}
        >
          <IconNew /> <span className="btn-label">New</span>
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          title="Load the scenario's reference design (asks first; undoable)"
          onClick={() =>
            askReplace(services(), {
              title: 'Replace your design with the reference?',
              body: "Your design is replaced by the scenario's reference design.",
              confirm: 'Load reference',
              run: () => {
                store.getState().loadReference();
                fitDesign(flow, true);
              },
            })
          }
          disabled={!hasReference}
        >
          <IconBook /> <span className="btn-label">Reference</span>
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          title="Import a design (JSON) or a draw.io diagram (.drawio, .xml)"
          onClick={() => askReplace(services(), { title: 'Import a design in place of yours?', body: 'An imported file replaces your design.', confirm: 'Choose a file…', run: () => fileRef.current?.click() })}
        >
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
        <button type="button" className="btn btn-quiet" title={`Export the design as JSON (${SHORTCUTS.exportJson})`} onClick={() => exportDesignJson(store)}>
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
        <button
          type="button"
          className="btn btn-quiet btn-compact"
          aria-label={busy === 'layout' ? 'Arranging…' : 'Auto-layout'}
          title={`Auto-layout: arrange services left to right along the data flow (${SHORTCUTS.layout}; undoable)`}
          onClick={() => void layout()}
          disabled={empty || busy === 'layout'}
        >
          <IconLayout /> <span className="btn-label">{busy === 'layout' ? 'Arranging…' : 'Auto-layout'}</span>
        </button>
        <button type="button" className="btn btn-quiet btn-compact" aria-label="Fit view" title="Fit the design in view (Shift+1)" onClick={() => fitDesign(flow)}>
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
    </>
  );
}

/**
 * "Restore previous design" over the canvas, while the scenario has a design that a New, Reference,
 * Import or "Make a copy" replaced (kept in storage: it is there after a reload too). Hidden with ×
 * until the next replacement.
 */
export function PreviousDesignAction() {
  const store = useAppStore();
  const previous = useApp((s) => (s.readOnly ? undefined : s.previousDesign));
  const flow = useReactFlow();
  const [hidden, setHidden] = useState<typeof previous>();
  if (!previous || hidden === previous) return null;
  const n = previous.nodes.length;
  return (
    <div className="previous-design" role="region" aria-label="Previous design">
      <button
        type="button"
        className="btn btn-quiet btn-small"
        title={`Bring back the design the last replacement replaced (${n === 1 ? '1 service' : `${n} services`}); the current one becomes the previous design`}
        onClick={() => {
          store.getState().restorePrevious();
          fitDesign(flow, true);
        }}
      >
        <IconUndo /> Restore previous design
      </button>
      <button type="button" className="btn btn-quiet btn-icon btn-small" aria-label="Hide the previous-design action" title="Hide (the previous design stays kept)" onClick={() => setHidden(previous)}>
        <IconX size={14} />
      </button>
    </div>
  );
}
