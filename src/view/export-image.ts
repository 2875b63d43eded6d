/**
 * Image exports of the diagram (PNG, SVG, PDF, and PNG with the findings legend), shared by the
 * toolbar and the practice panel. Every picture comes from the design document through the one
 * renderer (src/domain/render-svg.ts), never from the canvas's DOM: the view's zoom, pan and selection
 * are not inputs, labels are always drawn, and volume labels are drawn when the volume toggle is on.
 * One place downloads the result and reports success or the error in a toast.
 */
import { downloadBlob } from '../adapters/download.ts';
import { volumeLabels } from '../domain/diagram.ts';
import type { LegendLine } from '../domain/graded-export.ts';
import { iconsForDesign, renderDesignSvg, type RenderedSvg } from '../domain/render-svg.ts';
import type { Severity } from '../domain/scenario.ts';
import type { AppState, AppStore } from '../store/app-store.ts';
import { whenGraded } from '../store/grading.ts';

export type ImageKind = 'png' | 'svg' | 'pdf';

/** Findings drawn on the picture: marks on the nodes they name and the legend under the diagram. */
export interface FindingsOverlay {
  marks: ReadonlyMap<string, Severity>;
  legend: { header: string; lines: readonly LegendLine[] };
}

/**
 * The design as the renderer draws it for export, in the app's theme.
 * @param findings marks and legend to add (the "PNG with findings" export)
 * @param icons AWS icon markup by catalog id (see `loadExportIcons`); without it, glyph squares
 */
export function renderForExport(state: Pick<AppState, 'design' | 'content' | 'theme' | 'edgeLabels' | 'simulation' | 'scenarioId'>, findings?: FindingsOverlay, icons?: ReadonlyMap<string, string>): RenderedSvg {
  const volumes = state.edgeLabels ? volumeLabels(state.simulation) : undefined;
  return renderDesignSvg(state.design, state.content.catalog, {
    theme: state.theme,
    ...(icons ? { icons: (id: string) => icons.get(id) } : {}),
    ...(volumes?.size ? { volumes } : {}),
    ...(findings ? { findings } : {}),
    title: state.scenarioId ? `Archboard design: ${state.scenarioId}` : 'Archboard design',
  });
}

/** Starts loading the rasteriser and the icon table (chunks the PNG and PDF exports need). */
export function preloadEncoders(): void {
  void import('../adapters/export-raster.ts').catch(() => undefined);
  void import('../adapters/icons-browser.ts').catch(() => undefined);
}

/**
 * The AWS icons the design's picture needs, from the lazily loaded icon chunks (the same files the
 * canvas shows); an icon that fails to load is left out and drawn as its glyph square.
 */
export async function loadExportIcons(state: Pick<AppState, 'design' | 'content' | 'theme'>): Promise<Map<string, string>> {
  const { loadIconSvg } = await import('../adapters/icons-browser.ts');
  return iconsForDesign(state.design, state.content.catalog, loadIconSvg, state.theme);
}

/**
 * Encodes a rendered picture as a file.
 * @returns the file as a Blob (PNG at 2x pixel ratio, less for very large pictures; PDF one page of the
 *   picture's size holding it)
 */
export async function encodePicture(picture: RenderedSvg, kind: ImageKind): Promise<Blob> {
  if (kind === 'svg') return new Blob([picture.svg], { type: 'image/svg+xml' });
  const raster = await import('../adapters/export-raster.ts');
  if (kind === 'png') return raster.svgToPng(picture.svg, picture.width, picture.height, 2);
  const { rasterToPdf, PDF_MAX_PIXELS } = await import('../adapters/export-pdf.ts');
  const pixels = await raster.svgToRaster(picture.svg, picture.width, picture.height, 2, PDF_MAX_PIXELS);
  const pdf = await rasterToPdf(pixels, picture.width, picture.height, raster.deflateInBrowser);
  return new Blob([pdf as BlobPart], { type: 'application/pdf' });
}

/**
 * Renders the design (after its pending analysis, when volume labels are on), encodes it and downloads
 * it as `fileName`, with a success toast, or an error toast saying why (an empty design is refused with
 * a message).
 */
export async function exportPicture(store: AppStore, kind: ImageKind, fileName: string, findings?: FindingsOverlay): Promise<void> {
  try {
    // Volume labels come from the simulation: a change (or the first load) still being analysed is
    // waited for, so the picture never lacks labels the canvas is about to show.
    if (store.getState().edgeLabels) await whenGraded(store);
    const state = store.getState();
    if (!state.design.nodes.length) throw new Error('The design is empty: add a service before exporting an image.');
    const t0 = performance.now();
    const rasterOnly = kind === 'svg' ? undefined : import('../adapters/export-raster.ts');
    const icons = await loadExportIcons(state);
    await rasterOnly;
    const t1 = mark('icons', t0);
    const picture = renderForExport(state, findings, icons);
    const t2 = mark('render', t1);
    const blob = await encodePicture(picture, kind);
    mark(`encode-${kind}`, t2);
    downloadBlob(blob, fileName);
    state.toast('success', `Exported ${fileName}.`);
  } catch (e) {
    store.getState().toast('error', 'Could not export the image.', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Records a phase of an export as a User Timing measure (`archboard:export:<phase>`, ms), which
 * `npm run bench` reads to say where an export's time goes; returns the phase's end.
 */
function mark(phase: string, start: number): number {
  const end = performance.now();
  try {
    performance.measure(`archboard:export:${phase}`, { start, end });
  } catch {
    /* User Timing missing: nothing to record */
  }
  return end;
}
