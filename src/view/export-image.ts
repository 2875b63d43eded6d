/**
 * Image exports of the diagram, shared by the toolbar (PNG, SVG) and the practice panel (PNG with a
 * findings legend): one place finds the React Flow viewport, the theme's canvas colour and the
 * diagram's bounds (from React Flow, which knows where nodes inside groups are), and one place
 * downloads the result and reports success or the error in a toast.
 */
import { useReactFlow } from '@xyflow/react';
import { downloadUrl } from '../adapters/download.ts';
import type { AppStore } from '../store/app-store.ts';

/** A captured diagram: the image as a data URL, and the canvas's computed style for theme colours. */
export interface Capture {
  url: string;
  css: CSSStyleDeclaration;
}

/**
 * A function that renders the whole diagram (not just what is in view), cropped to its nodes plus
 * 32 px, as PNG (2x pixel ratio) or SVG, on the theme's canvas colour.
 * @throws Error when the canvas is not on the page or the design is empty
 */
export function useDiagramCapture(): (kind: 'png' | 'svg') => Promise<Capture> {
  const { getNodes, getNodesBounds } = useReactFlow();
  return async (kind) => {
    const viewport = document.querySelector<HTMLElement>('.canvas .react-flow__viewport');
    if (!viewport) throw new Error('The canvas is not on the page.');
    const css = getComputedStyle(document.querySelector<HTMLElement>('.canvas') ?? document.body);
    const backgroundColor = css.getPropertyValue('--ab-canvas-bg').trim() || '#ffffff';
    const { diagramToPng, diagramToSvg } = await import('../adapters/export-png.ts');
    const nodes = getNodes();
    const options = { backgroundColor, padding: 32, bounds: getNodesBounds(nodes) };
    const url = kind === 'png' ? await diagramToPng(viewport, nodes, { ...options, pixelRatio: 2 }) : await diagramToSvg(viewport, nodes, options);
    return { url, css };
  };
}

/**
 * Makes an image and downloads it as `fileName`, with a success toast, or an error toast saying why.
 * @param make produces the data URL to download
 */
export async function downloadImage(store: AppStore, fileName: string, make: () => Promise<string>): Promise<void> {
  try {
    downloadUrl(await make(), fileName);
    store.getState().toast('success', `Exported ${fileName}.`);
  } catch (e) {
    store.getState().toast('error', 'Could not export the image.', e instanceof Error ? e.message : String(e));
  }
}
