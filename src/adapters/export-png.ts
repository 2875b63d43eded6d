/**
 * PNG export of the diagram, as React Flow's "download image" example does: html-to-image renders the
 * `.react-flow__viewport` element (nodes and edges) with a transform that crops it to the nodes' bounds
 * plus padding. html-to-image is pinned to 1.11.11: later versions drop the edges.
 */
import { getNodesBounds, getViewportForBounds, type Node, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export interface PngOptions {
  /** Padding around the diagram, in canvas px. */
  padding?: number;
  backgroundColor: string;
  pixelRatio?: number;
  /**
   * The diagram's bounds in canvas px; pass `useReactFlow().getNodesBounds(nodes)` when nodes sit in
   * groups (their positions are relative). Defaults to the bounds of `nodes` taken as top-level nodes.
   */
  bounds?: Rect;
}

/**
 * Renders the diagram to a PNG data URL.
 * @param viewport the `.react-flow__viewport` element
 * @param nodes React Flow nodes (with measured sizes), e.g. from `getNodes()`
 */
export async function diagramToPng(viewport: HTMLElement, nodes: Node[], { padding = 32, backgroundColor, pixelRatio = 2, bounds: given }: PngOptions): Promise<string> {
  if (!nodes.length) throw new Error('The design is empty: add a service before exporting an image.');
  const bounds = given ?? getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2);
  // Zoom fixed at 1: the viewport that centres the bounds in an image exactly `padding` larger.
  const vp = getViewportForBounds(bounds, width, height, 1, 1, 0);
  return toPng(viewport, {
    backgroundColor,
    width,
    height,
    pixelRatio,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    // Handles are editing affordances, not part of the diagram. Simulated volumes are left out too:
    // lifted volume labels sit outside the nodes' bounds the image is cropped to.
    filter: (el) => !(el instanceof HTMLElement && (el.classList.contains('react-flow__handle') || el.classList.contains('edge-volume') || el.classList.contains('volume-only'))),
  });
}

/**
 * Renders the diagram to an SVG data URL (`data:image/svg+xml;...`), cropped like the PNG: nodes,
 * edges and labels inside a `foreignObject`, at zoom 1, whatever the zoom on screen. Every node is in
 * the DOM (the canvas does not set `onlyRenderVisibleElements`), so designs larger than the viewport
 * export whole.
 * @param viewport the `.react-flow__viewport` element
 * @param nodes React Flow nodes (with measured sizes)
 */
export async function diagramToSvg(viewport: HTMLElement, nodes: Node[], { padding = 32, backgroundColor, bounds: given }: Omit<PngOptions, 'pixelRatio'>): Promise<string> {
  if (!nodes.length) throw new Error('The design is empty: add a service before exporting an image.');
  const bounds = given ?? getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2);
  const vp = getViewportForBounds(bounds, width, height, 1, 1, 0);
  return toSvg(viewport, {
    backgroundColor,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    filter: (el) => !(el instanceof HTMLElement && (el.classList.contains('react-flow__handle') || el.classList.contains('edge-volume') || el.classList.contains('volume-only'))),
  });
}
