/**
 * PNG export of the diagram, as React Flow's "download image" example does: html-to-image renders the
 * `.react-flow__viewport` element (nodes and edges) with a transform that crops it to the nodes' bounds
 * plus padding. html-to-image is pinned to 1.11.11: later versions drop the edges.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng } from 'html-to-image';

export interface PngOptions {
  /** Padding around the diagram, in canvas px. */
  padding?: number;
  backgroundColor: string;
  pixelRatio?: number;
}

/**
 * Renders the diagram to a PNG data URL.
 * @param viewport the `.react-flow__viewport` element
 * @param nodes React Flow nodes (with measured sizes), e.g. from `getNodes()`
 */
export async function diagramToPng(viewport: HTMLElement, nodes: Node[], { padding = 32, backgroundColor, pixelRatio = 2 }: PngOptions): Promise<string> {
  if (!nodes.length) throw new Error('The design is empty: add a service before exporting an image.');
  const bounds = getNodesBounds(nodes);
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
