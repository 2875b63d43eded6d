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
 * What html-to-image needs to draw the whole diagram cropped to its nodes plus `padding`, at zoom 1,
 * whatever the zoom on screen: the image size, the viewport transform, and a filter that leaves out
 * editing affordances (handles) and simulated volume labels (lifted labels sit outside the nodes'
 * bounds the image is cropped to).
 * @throws Error when there is nothing to draw
 */
function captureOptions(nodes: Node[], padding: number, given: Rect | undefined) {
  if (!nodes.length) throw new Error('The design is empty: add a service before exporting an image.');
  const bounds = given ?? getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2);
  const vp = getViewportForBounds(bounds, width, height, 1, 1, 0);
  return {
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    filter: (el: HTMLElement) => !(el instanceof HTMLElement && (el.classList.contains('react-flow__handle') || el.classList.contains('edge-volume') || el.classList.contains('volume-only'))),
  };
}

/**
 * Renders the diagram to a PNG data URL.
 * @param viewport the `.react-flow__viewport` element
 * @param nodes React Flow nodes (with measured sizes), e.g. from `getNodes()`
 */
export async function diagramToPng(viewport: HTMLElement, nodes: Node[], { padding = 32, backgroundColor, pixelRatio = 2, bounds }: PngOptions): Promise<string> {
  return toPng(viewport, { backgroundColor, pixelRatio, ...captureOptions(nodes, padding, bounds) });
}

/**
 * Renders the diagram to an SVG data URL (`data:image/svg+xml;...`), cropped like the PNG: nodes,
 * edges and labels inside a `foreignObject`. Every node is in the DOM (the canvas does not set
 * `onlyRenderVisibleElements`), so designs larger than the viewport export whole.
 * @param viewport the `.react-flow__viewport` element
 * @param nodes React Flow nodes (with measured sizes)
 */
export async function diagramToSvg(viewport: HTMLElement, nodes: Node[], { padding = 32, backgroundColor, bounds }: Omit<PngOptions, 'pixelRatio'>): Promise<string> {
  return toSvg(viewport, { backgroundColor, ...captureOptions(nodes, padding, bounds) });
}
