/** Toolbar pieces of the editor: picture exports (PNG, SVG, PDF), Share, and the snap-to-grid toggle. */
import { useState } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import { useEditorUi } from './editor-ui.ts';
import { downloadText } from '../adapters/download.ts';
import { IconDownload, IconImage, IconLink } from './icons.tsx';
import { shareDesign } from './ShareLink.tsx';
import type { ImageKind } from './export-image.ts';

const PICTURE_TITLES: Record<ImageKind, string> = {
  png: 'Export the diagram as a PNG image (the whole design, whatever the zoom)',
  svg: 'Export the diagram as an SVG image (editable in design tools)',
  pdf: 'Export the diagram as a PDF document',
};

/**
 * Starts loading the export code (renderer, rasteriser, icon table) when a pointer or the focus
 * reaches an export button, so the click does not wait for those chunks; failures are left to the click.
 */
function preloadExport() {
  void import('./export-image.ts').then((m) => m.preloadEncoders()).catch(() => undefined);
}

/** Exports the whole diagram (not just what is in view) as PNG, SVG or PDF, drawn from the design. */
export function PictureExportButton({ kind }: { kind: ImageKind }) {
  const store = useAppStore();
  const empty = useApp((s) => s.design.nodes.length === 0);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    // The renderer and encoders load on first export, keeping them out of the initial bundle.
    const { exportPicture } = await import('./export-image.ts');
    await exportPicture(store, kind, `${store.getState().scenarioId ?? 'archboard'}-design.${kind}`);
    setBusy(false);
  };
  return (
    <button type="button" className="btn btn-quiet" title={PICTURE_TITLES[kind]} onClick={() => void run()} onPointerEnter={preloadExport} onFocus={preloadExport} disabled={empty || busy}>
      <IconImage /> <span className="btn-label">{kind.toUpperCase()}</span>
    </button>
  );
}

/** Exports the design as a draw.io diagram (AWS shapes, group boxes, bound connectors) that imports back unchanged. */
export function DrawioExportButton() {
  const store = useAppStore();
  const empty = useApp((s) => s.design.nodes.length === 0);
  const run = async () => {
    const s = store.getState();
    const name = `${s.scenarioId ?? 'archboard'}-design.drawio`;
    try {
      const { designToDrawio } = await import('../domain/drawio-export.ts');
      downloadText(designToDrawio(s.design, s.content.catalog, { pageName: s.scenarioId ?? 'Archboard design' }), name, 'application/vnd.jgraph.mxfile');
      s.toast('success', `Exported ${name}.`, 'Open it in draw.io (diagrams.net); importing it here gives this design back.');
    } catch (e) {
      s.toast('error', 'Could not export the draw.io file.', e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <button type="button" className="btn btn-quiet" title="Export as a draw.io diagram (AWS shapes, editable in draw.io / diagrams.net)" onClick={() => void run()} disabled={empty}>
      <IconDownload /> <span className="btn-label">draw.io</span>
    </button>
  );
}

/** Copies a link holding the design (in the address fragment) and shows it. */
export function ShareButton() {
  const store = useAppStore();
  const empty = useApp((s) => s.design.nodes.length === 0);
  return (
    <button type="button" className="btn btn-quiet" title="Share: copy a link that opens this design read-only (the design travels in the link, not through a server)" onClick={() => void shareDesign(store)} disabled={empty}>
      <IconLink /> <span className="btn-label">Share</span>
    </button>
  );
}

export function SnapToggle() {
  const snap = useEditorUi((s) => s.snap);
  return (
    <button
      type="button"
      className={`btn btn-quiet btn-icon btn-toggle${snap ? ' is-on' : ''}`}
      title={snap ? 'Snap to grid: on (nodes and arrow-key moves land on an 8-px grid)' : 'Snap to grid: off'}
      aria-label="Snap to grid"
      aria-pressed={snap}
      onClick={() => useEditorUi.getState().setSnap(!snap)}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
        {[3, 8, 13].flatMap((x) => [3, 8, 13].map((y) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.4" />))}
      </svg>
    </button>
  );
}
