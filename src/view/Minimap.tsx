/**
 * The canvas's minimap, drawn from the design rather than from React Flow's live node store: it redraws
 * when the design, a measured size or the view changes, never on a pointer move of a node drag (React
 * Flow's own MiniMap re-renders on every move and runs a selector per node on every store update,
 * which at 200 nodes cost a third of the frames a drag could show). A drag shows in the minimap when
 * the node is dropped. Boxes are one SVG path per colour, so the cost stays small at thousands of nodes.
 *
 * Press or drag on it to move the view there; the wheel zooms around the view's centre.
 */
import { Panel, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { memo, useMemo, useRef, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { CATEGORY_META, type Catalog } from '../domain/catalog.ts';
import type { DesignNode } from '../domain/design.ts';
import { absolutePositions, boundsOf, isGroupNode, nodeSize, type Box, type Size } from '../domain/diagram.ts';

/** The minimap's size in CSS px. */
export const MINIMAP_SIZE = { width: 168, height: 112 } as const;
/** Fill of group boxes (under the services). */
const GROUP_FILL = 'rgba(125, 137, 152, 0.22)';
/** Space around the drawn bounds, as a share of their larger side. */
const PADDING = 0.08;

/** The design's boxes as one path per fill colour (groups first), with their bounds in canvas px. */
function drawBoxes(nodes: readonly DesignNode[], catalog: Catalog, sizes: ReadonlyMap<string, Size>): { paths: { fill: string; d: string }[]; bounds: Box | undefined } {
  const abs = absolutePositions({ nodes } as Parameters<typeof absolutePositions>[0]);
  const byFill = new Map<string, string[]>([[GROUP_FILL, []]]);
  for (const n of nodes) {
    const p = abs.get(n.id);
    const entry = catalog.byId.get(n.service);
    if (!p || !entry || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const s = nodeSize(n, catalog, sizes);
    const fill = isGroupNode(n, catalog) ? GROUP_FILL : CATEGORY_META[entry.category].color;
    let parts = byFill.get(fill);
    if (!parts) byFill.set(fill, (parts = []));
    parts.push(`M${Math.round(p.x)} ${Math.round(p.y)}h${Math.round(s.width)}v${Math.round(s.height)}h${-Math.round(s.width)}z`);
  }
  const paths = [...byFill].filter(([, parts]) => parts.length).map(([fill, parts]) => ({ fill, d: parts.join('') }));
  return { paths, bounds: boundsOf(nodes, catalog, abs, sizes) };
}

/** The smallest box of the minimap's aspect ratio around `a` and `b`, padded. */
function frame(a: Box | undefined, b: Box): Box {
  const x1 = Math.min(a?.x ?? b.x, b.x);
  const y1 = Math.min(a?.y ?? b.y, b.y);
  const x2 = Math.max(a ? a.x + a.width : b.x + b.width, b.x + b.width);
  const y2 = Math.max(a ? a.y + a.height : b.y + b.height, b.y + b.height);
  const pad = Math.max(x2 - x1, y2 - y1) * PADDING;
  let width = x2 - x1 + 2 * pad;
  let height = y2 - y1 + 2 * pad;
  const ratio = MINIMAP_SIZE.width / MINIMAP_SIZE.height;
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  return { x: (x1 + x2) / 2 - width / 2, y: (y1 + y2) / 2 - height / 2, width: Math.max(width, 1), height: Math.max(height, 1) };
}

interface Props {
  nodes: readonly DesignNode[];
  catalog: Catalog;
  /** Measured sizes of the services by node id (others are drawn at their default size). */
  sizes: ReadonlyMap<string, Size>;
}

/** The minimap panel (bottom right of the canvas); see the file's comment. */
export const Minimap = memo(function Minimap({ nodes, catalog, sizes }: Props) {
  const drawn = useMemo(() => drawBoxes(nodes, catalog, sizes), [nodes, catalog, sizes]);
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const { setViewport } = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const view: Box = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const box = frame(drawn.bounds, view);
  const shapes = useMemo(() => drawn.paths.map((p) => <path key={p.fill} d={p.d} fill={p.fill} />), [drawn]);

  /** Moves the view so that the canvas point under the pointer is its centre. */
  const centreAt = (e: { clientX: number; clientY: number }) => {
    const r = svg.current?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height === 0) return;
    const fx = box.x + ((e.clientX - r.left) / r.width) * box.width;
    const fy = box.y + ((e.clientY - r.top) / r.height) * box.height;
    void setViewport({ x: paneWidth / 2 - fx * zoom, y: paneHeight / 2 - fy * zoom, zoom });
  };
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
  };
  const onWheel = (e: ReactWheelEvent<SVGSVGElement>) => {
    const next = Math.min(2, Math.max(0.2, zoom * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
    const cx = view.x + view.width / 2;
    const cy = view.y + view.height / 2;
    void setViewport({ x: paneWidth / 2 - cx * next, y: paneHeight / 2 - cy * next, zoom: next });
  };

  const outer = `M${box.x} ${box.y}h${box.width}v${box.height}h${-box.width}z`;
  const inner = `M${view.x} ${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap ab-minimap" style={MINIMAP_SIZE}>
      <svg
        ref={svg}
        width={MINIMAP_SIZE.width}
        height={MINIMAP_SIZE.height}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Minimap"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      >
        {shapes}
        <path className="ab-minimap-mask" d={outer + inner} fillRule="evenodd" />
      </svg>
    </Panel>
  );
});
