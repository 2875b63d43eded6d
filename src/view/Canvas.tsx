/**
 * The React Flow canvas. Nodes and edges are derived from the design with per-element memoisation.
 * During a drag the moved nodes' positions go straight into React Flow's store once per animation
 * frame (no render of this component per pointer move: a bare React Flow page pays for none either);
 * when the drag ends one `moveNodes` command is committed (one history entry, one save, no re-grade).
 * The simulation adds a load mark to nodes with a capacity and a volume label to data edges; both are
 * compared by key, so a re-simulation that shows the same figures keeps every object (and the
 * memoised node and edge components) as it was. Edge labels hide when zoomed far out.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  getViewportForBounds,
  Position,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { withDefaults, type Catalog } from '../domain/catalog.ts';
import { parentsFirst } from '../domain/commands.ts';
import type { Design, DesignEdge, DesignNode } from '../domain/design.ts';
import type { GradeReport } from '../domain/grade.ts';
import { worstSeverityByElement } from '../domain/severity.ts';
import type { Severity } from '../domain/scenario.ts';
import { visibleReport } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { EdgeLabelLayer, FlowEdge, useEdgeLabelLayerOf, type ServiceFlowEdge } from './FlowEdge.tsx';
import { GroupNode, type GroupFlowNode } from './GroupNode.tsx';
import { absolutePositions, DEFAULT_GROUP_SIZE, dragEndCommands, isGroupNode, nodeSize, placement } from '../domain/groups.ts';
import { boundsOf } from '../domain/diagram.ts';
import { Minimap } from './Minimap.tsx';
import { MAX_ROUTED_NODES, routeEdges, type EdgeRoute, type RouteBox } from './edge-routes.ts';
import { NODE_HEIGHT, NODE_WIDTH, ServiceNode, type ServiceFlowNode } from './ServiceNode.tsx';
import { NoteNode } from './NoteNode.tsx';
import { useEditorUi, GRID, startNodeDrag } from './editor-ui.ts';
import { usePaneUi } from './pane-ui.ts';
import { draftIds } from './drafts.ts';
import { edgeVolumes, nodeLoads, type EdgeVolume, type NodeLoad } from './simulation-marks.ts';

// Other people's cursors: only in a mock-interview room, loaded there.
const Presence = lazy(() => import('./room/Presence.tsx').then((m) => ({ default: m.Presence })));

export const SERVICE_DND_TYPE = 'application/x-archboard-service';
/** Shift+click (as in draw.io) or Ctrl/Cmd+click adds to the selection; Shift+drag draws a selection box. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

const nodeTypes: NodeTypes = { service: ServiceNode, 'group-box': GroupNode, note: NoteNode };
/** A node on the canvas: a service, or a group box (drawn behind services: z-index -1). */
type FlowNode = ServiceFlowNode | GroupFlowNode;
let commitSeq = 0;
const edgeTypes: EdgeTypes = { flow: FlowEdge };
/** Below this zoom, edge labels are hidden (they would be unreadable and hide the edges). */
export const EDGE_LABEL_MIN_ZOOM = 0.6;
type Size = { width: number; height: number };
type Pos = { x: number; y: number };
const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
/** Largest design with a minimap. */
const MINIMAP_MAX_NODES = 2000;
/** Nodes handed to React Flow per task when many arrive at once. */
const REVEAL_CHUNK = 400;
/** From this many nodes the canvas draws only the nodes and edges in view. */
const LARGE_DESIGN_NODES = 1000;
/**
 * A service node's box and two ports before React Flow has measured it (the default box, 10 px
 * handles centred on its left and right sides, as app.css draws them). Given these, React Flow draws
 * the node and its edges in its first commit instead of mounting the node hidden, measuring it and
 * drawing it in a second pass (load to all 200 nodes visible 582 -> 511 ms; the bare page 379); and a
 * large design (drawn in view only) mounts only what is in view, where React Flow would otherwise
 * mount every node to measure it. Measuring a node replaces them (a taller node's ports move then).
 */
const UNMEASURED_SERVICE = {
  initialWidth: NODE_WIDTH,
  initialHeight: NODE_HEIGHT,
  handles: [
    { type: 'target', position: Position.Left, x: -5, y: NODE_HEIGHT / 2 - 5, width: 10, height: 10 },
    { type: 'source', position: Position.Right, x: NODE_WIDTH - 5, y: NODE_HEIGHT / 2 - 5, width: 10, height: 10 },
  ],
} as const satisfies Partial<FlowNode>;
/**
 * The z-index of a selected service or note (others have 0, groups -1). React Flow's own
 * `elevateNodesOnSelect` is off: it would lift a selected group box over the services inside it.
 */
const SELECTED_Z = { zIndex: 1 } as const;
/** Group boxes and notes have no ports. */
const UNMEASURED_PORTLESS = { handles: [] } as const satisfies Partial<FlowNode>;

/** Positions rounded to whole px; a non-finite one (which React Flow can report mid-gesture) is left out. */
function rounded(positions: ReadonlyMap<string, Pos>): Map<string, Pos> {
  const out = new Map<string, Pos>();
  for (const [id, p] of positions) if (Number.isFinite(p.x) && Number.isFinite(p.y)) out.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  return out;
}

interface Marks {
  severity: Map<string, Severity>;
  messages: Map<string, string[]>;
}
const NO_MESSAGES: string[] = [];

function marksOf(report: GradeReport | undefined): Marks {
  const messages = new Map<string, string[]>();
  if (!report) return { severity: new Map(), messages };
  for (const r of report.results)
    for (const f of r.findings)
      for (const id of [...f.nodeIds, ...f.edgeIds]) {
        const list = messages.get(id) ?? [];
        list.push(f.message);
        messages.set(id, list);
      }
  return { severity: worstSeverityByElement(report), messages };
}

interface NodeCacheItem {
  design: DesignNode;
  pos: Pos | undefined;
  size: Size | undefined;
  selected: boolean;
  severity: Severity | undefined;
  messages: string;
  load: NodeLoad | undefined;
  live: Size | undefined;
  node: FlowNode;
}

/** Derives React Flow nodes, reusing the previous object of every node whose inputs did not change. */
function useFlowNodes(
  nodes: DesignNode[],
  catalog: Catalog,
  dragging: ReadonlyMap<string, Pos>,
  sizes: ReadonlyMap<string, Size>,
  selected: ReadonlySet<string>,
  marks: Marks,
  loads: ReadonlyMap<string, NodeLoad>,
  resizing: ReadonlyMap<string, Size>,
  large: boolean,
): FlowNode[] {
  const cache = useRef(new Map<string, NodeCacheItem>());
  const last = useRef<FlowNode[] | undefined>(undefined);
  // React Flow needs every group before its members (commands keep that order; imports may not). Not redone per drag move.
  const ordered = useMemo(() => parentsFirst(nodes), [nodes]);
  return useMemo(() => {
    const next = new Map<string, NodeCacheItem>();
    const out: FlowNode[] = [];
    for (const n of ordered) {
      const entry = catalog.byId.get(n.service);
      if (!entry) continue;
      const pos = dragging.get(n.id);
      const size = sizes.get(n.id);
      const isSelected = selected.has(n.id);
      const severity = marks.severity.get(n.id);
      const msgList = marks.messages.get(n.id) ?? NO_MESSAGES;
      const messages = msgList.join('\n');
      const prev = cache.current.get(n.id);
      // Same figures shown: keep the previous load object, so the comparisons below see no change.
      const fresh = loads.get(n.id);
      const load = fresh && prev?.load?.key === fresh.key ? prev.load : fresh;
      const live = resizing.get(n.id);
      let item: NodeCacheItem;
      if (prev && prev.design === n && prev.pos === pos && prev.size === size && prev.selected === isSelected && prev.severity === severity && prev.messages === messages && prev.load === load && prev.live === live) item = prev;
      else {
        // What every flow node has; groups and services differ in type, box and data.
        const base = { pos, size, selected: isSelected, severity, messages, load, live, design: n };
        const common = {
          id: n.id,
          position: pos ?? n.position,
          selected: isSelected,
          ...(n.parentId !== undefined ? { parentId: n.parentId } : {}),
          ...(size ? { measured: size } : {}),
        };
        if (entry.group) {
          const box = live ?? n.size ?? DEFAULT_GROUP_SIZE;
          const reuseData = prev && prev.node.type === 'group-box' && prev.design.label === n.label && prev.design.settings === n.settings && prev.severity === severity && prev.messages === messages;
          const data = reuseData ? (prev.node as GroupFlowNode).data : { entry, label: n.label, settings: withDefaults(entry, n.settings), severity, messages: msgList };
          item = { ...base, node: { ...common, ...(large && !size ? UNMEASURED_PORTLESS : {}), type: 'group-box', zIndex: -1, width: box.width, height: box.height, data } };
        } else {
          const reuseData = prev && prev.node.type !== 'group-box' && prev.design.label === n.label && prev.design.service === n.service && prev.severity === severity && prev.messages === messages && prev.load === load;
          const data = reuseData ? (prev.node as ServiceFlowNode).data : { entry, label: n.label || entry.shortName, severity, messages: msgList, load };
          // A text note is drawn as a sticky note (NoteNode), with the same data.
          const note = n.service === 'text-note';
          const unmeasured = !size ? (note ? (large ? UNMEASURED_PORTLESS : {}) : UNMEASURED_SERVICE) : {};
          // A selected service (the one being dragged, too) is drawn above the others, and is the first
          // element the browser's hit test of each pointer move tries (not the last of hundreds).
          item = { ...base, node: { ...common, ...unmeasured, ...(isSelected ? SELECTED_Z : {}), type: (note ? 'note' : 'service') as 'service', data } };
        }
      }
      next.set(n.id, item);
      out.push(item.node);
    }
    cache.current = next;
    return (last.current = sameOr(last.current, out));
  }, [ordered, catalog, dragging, sizes, selected, marks, loads, resizing, large]);
}

const NO_ROUTES: ReadonlyMap<string, EdgeRoute> = new Map();

/** `next`, or `prev` when it holds the same objects in the same order (React Flow then has nothing to re-index). */
function sameOr<T>(prev: T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}

interface EdgeCacheItem {
  design: DesignEdge;
  routeKey: string;
  selected: boolean;
  severity: Severity | undefined;
  messages: string | undefined;
  control: boolean;
  volume: EdgeVolume | undefined;
  showVolume: boolean;
  /** The two ends' labels, for the aria-label. */
  ends: string;
  edge: ServiceFlowEdge;
}

/** Whether two routing inputs have the same boxes and the same connection ends (routes depend on nothing else). */
function sameGeometry(a: { boxes: ReadonlyMap<string, RouteBox>; edges: readonly DesignEdge[] }, b: { boxes: ReadonlyMap<string, RouteBox>; edges: readonly DesignEdge[] }): boolean {
  if (a.boxes.size !== b.boxes.size || a.edges.length !== b.edges.length) return false;
  for (const [id, p] of a.boxes) {
    const q = b.boxes.get(id);
    if (!q || q.x !== p.x || q.y !== p.y || q.width !== p.width || q.height !== p.height) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const e = a.edges[i]!;
    const f = b.edges[i]!;
    if (e !== f && (e.id !== f.id || e.source !== f.source || e.target !== f.target)) return false;
  }
  return true;
}

/**
 * Routes around the nodes for every edge, from the design's positions and the measured sizes (see
 * edge-routes.ts). Recomputed only when a box or a connection's ends changed: a settings change, a
 * label or new feedback keeps the routes (and their identity).
 */
function useRoutes(nodes: readonly DesignNode[], edges: readonly DesignEdge[], catalog: Catalog, sizes: ReadonlyMap<string, Size>): ReadonlyMap<string, EdgeRoute> {
  const last = useRef<{ boxes: ReadonlyMap<string, RouteBox>; edges: readonly DesignEdge[]; routes: ReadonlyMap<string, EdgeRoute> }>(undefined);
  return useMemo(() => {
    // Beyond MAX_ROUTED_NODES boxes nothing is routed: the same empty map, so the edges stay as they are when sizes change.
    let boxCount = 0;
    for (const n of nodes) if (!isGroupNode(n, catalog)) boxCount++;
    if (boxCount > MAX_ROUTED_NODES) return NO_ROUTES;
    const design = { nodes, edges } as Pick<Design, 'nodes' | 'edges'> as Design;
    const abs = absolutePositions(design);
    const boxes = new Map<string, RouteBox>();
    for (const n of nodes) {
      if (isGroupNode(n, catalog)) continue;
      const p = abs.get(n.id)!;
      boxes.set(n.id, { ...p, ...nodeSize(n, catalog, sizes) });
    }
    const input = { boxes, edges };
    if (last.current && sameGeometry(last.current, input)) return last.current.routes;
    const routes = routeEdges(boxes, edges);
    last.current = { ...input, routes };
    return routes;
  }, [nodes, edges, catalog, sizes]);
}

function useFlowEdges(
  edges: readonly DesignEdge[],
  nodes: readonly DesignNode[],
  catalog: Catalog,
  selected: ReadonlySet<string>,
  marks: Marks,
  volumes: ReadonlyMap<string, EdgeVolume>,
  showVolume: boolean,
  sizes: ReadonlyMap<string, Size>,
): ServiceFlowEdge[] {
  const cache = useRef(new Map<string, EdgeCacheItem>());
  const last = useRef<ServiceFlowEdge[] | undefined>(undefined);
  const controlIds = useMemo(() => {
    const serviceOf = new Map(nodes.map((n) => [n.id, n.service]));
    const out = new Set<string>();
    for (const e of edges) {
      const s = catalog.byId.get(serviceOf.get(e.source) ?? '');
      const t = catalog.byId.get(serviceOf.get(e.target) ?? '');
      if (s && t && (!s.dataFlow || !t.dataFlow)) out.add(e.id);
    }
    return out;
  }, [edges, nodes, catalog]);
  const routes = useRoutes(nodes, edges, catalog, sizes);
  // Labels read the services' labels, not node ids.
  const labelOf = useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return (id: string) => {
      const n = byId.get(id);
      return n ? n.label?.trim() || catalog.byId.get(n.service)?.shortName || id : id;
    };
  }, [nodes, catalog]);
  return useMemo(() => {
    const next = new Map<string, EdgeCacheItem>();
    const out: ServiceFlowEdge[] = [];
    for (const e of edges) {
      const isSelected = selected.has(e.id);
      const severity = marks.severity.get(e.id);
      const messageList = marks.messages.get(e.id);
      const messages = messageList?.join('\n');
      const control = controlIds.has(e.id);
      const prev = cache.current.get(e.id);
      const fresh = volumes.get(e.id);
      const volume = fresh && prev?.volume?.key === fresh.key ? prev.volume : fresh;
      const route = routes.get(e.id);
      const routeKey = route ? route.points.map((p) => `${p.x},${p.y}`).join(' ') : '';
      const ends = `${labelOf(e.source)}\u0000${labelOf(e.target)}`;
      let item: EdgeCacheItem;
      if (
        prev &&
        prev.design === e &&
        prev.selected === isSelected &&
        prev.severity === severity &&
        prev.messages === messages &&
        prev.control === control &&
        prev.volume === volume &&
        prev.showVolume === showVolume &&
        prev.routeKey === routeKey &&
        prev.ends === ends
      )
        item = prev;
      else {
        const tls = e.settings?.tls ?? true;
        const classes = ['flow-edge', severity ? `is-${severity}` : '', tls ? '' : 'no-tls', control ? 'is-control' : ''].filter(Boolean).join(' ');
        const label = e.settings?.label?.trim();
        const edge: ServiceFlowEdge = {
          id: e.id,
          source: e.source,
          target: e.target,
          type: 'flow',
          selected: isSelected,
          className: classes,
          markerEnd: ARROW_ID[severity === 'error' || severity === 'warning' ? severity : 'plain'],
          data: { tls, control, showVolume, ...(label ? { label } : {}), ...(volume ? { volume } : {}), ...(route ? { route: route.points } : {}) },
        };
        // The accessible name is read only for edges in view: made on first read.
        let ariaLabel: string | undefined;
        Object.defineProperty(edge, 'ariaLabel', {
          enumerable: true,
          get: () =>
            (ariaLabel ??= `Connection ${labelOf(e.source)} to ${labelOf(e.target)}${label ? ` (${label})` : ''}${tls ? '' : ', not encrypted in transit'}${volume ? `, ${volume.title}` : ''}${messageList ? `. ${messageList.join(' ')}` : ''}`),
        });
        item = {
          design: e,
          routeKey,
          ends,
          selected: isSelected,
          severity,
          messages,
          control,
          volume,
          showVolume,
          edge,
        };
      }
      next.set(e.id, item);
      out.push(item.edge);
    }
    cache.current = next;
    return (last.current = sameOr(last.current, out));
  }, [edges, selected, marks, controlIds, volumes, showVolume, routes, labelOf]);
}

/**
 * The arrowheads, one per colour, defined once (`ArrowMarkers`) and named by every edge. An edge
 * naming a marker object instead makes React Flow derive a marker id for every edge on each edge
 * change (44 ms for 15,000 edges).
 */
const ARROW_ID = { plain: 'ab-arrow', warning: 'ab-arrow-warning', error: 'ab-arrow-error' } as const;
const ARROW_COLOUR = { plain: 'var(--ab-edge)', warning: 'var(--ab-warning)', error: 'var(--ab-danger)' } as const;

/** React Flow's closed arrowhead (18 x 18, stroke-width units), in the three edge colours. */
function ArrowMarkers() {
  return (
    <svg className="arrow-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {(Object.keys(ARROW_ID) as (keyof typeof ARROW_ID)[]).map((k) => (
          <marker key={k} id={ARROW_ID[k]} className="react-flow__arrowhead" markerWidth="18" markerHeight="18" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
            <polyline style={{ stroke: ARROW_COLOUR[k], fill: ARROW_COLOUR[k], strokeWidth: 1 }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

/** fitView's options everywhere the app fits the design in view. */
export const FIT_OPTIONS = { padding: 0.1, duration: 300, maxZoom: 1 } as const;
/*
 * React Flow copies these props into its store whenever their identity changes (StoreUpdater), and
 * every store update re-runs every node's and edge's selectors: inline objects, arrays or arrows here
 * would cost one full store update per render, i.e. per pointer move of a drag. Keep them constant.
 */
const FIT_AT_START_OPTIONS = { padding: 0.2, maxZoom: 1 } as const;
const SNAP_GRID: [number, number] = [GRID, GRID];
const DEFAULT_EDGE_OPTIONS = { type: 'flow' } as const;

/**
 * Fits the view when the design is replaced as a whole (New, Reference, a shared view, an import, a
 * scenario switch, undoing one of those): when the new nodes share no id with the old ones. An empty
 * design goes back to zoom 1 at the origin, so the next service added is drawn at full size.
 */
function useFitOnReplace(nodes: readonly DesignNode[], fitView: ReturnType<typeof useReactFlow>['fitView'], setViewport: ReturnType<typeof useReactFlow>['setViewport']) {
  const prev = useRef<ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    const ids = new Set(nodes.map((n) => n.id));
    const before = prev.current;
    prev.current = ids;
    if (!before) return; // the first render: React Flow's own fitView at start handles it
    if (ids.size === 0 && before.size > 0) {
      void setViewport({ x: 0, y: 0, zoom: 1 }, { duration: 200 });
      return;
    }
    const replaced = ids.size > 1 && ![...ids].some((id) => before.has(id));
    if (!replaced) return;
    // Two frames: React Flow measures the new nodes first.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => void fitView(FIT_OPTIONS))));
    return () => cancelAnimationFrame(frame);
  }, [nodes, fitView, setViewport]);
}

export function Canvas() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const catalog = useApp((s) => s.content.catalog);
  const selection = useApp((s) => s.selection);
  const report = useApp(visibleReport);
  const simulation = useApp((s) => s.simulation);
  const showVolume = useApp((s) => s.edgeLabels);
  const theme = useApp((s) => s.theme);
  const readOnly = useApp((s) => !!s.readOnly);
  const inRoom = useApp((s) => s.roomRole !== undefined);
  const snap = useEditorUi((s) => s.snap);
  const progress = useEditorUi((s) => s.progress);
  const far = useFlowStore((s) => s.transform[2] < EDGE_LABEL_MIN_ZOOM);
  // While a connection is drawn every node shows its ports (app.css): the target's must be seen.
  const connecting = useFlowStore((s) => s.connection.inProgress);
  const { screenToFlowPosition, fitView, setViewport } = useReactFlow();
  const labelLayer = useEdgeLabelLayerOf();
  useFitOnReplace(design.nodes, fitView, setViewport);

  // A canvas note or connection label being typed when the page went away: reopen its editor with the draft.
  useEffect(() => {
    const { design: d, scenarioId, readOnly: ro } = store.getState();
    if (ro || useEditorUi.getState().editing) return;
    const note = draftIds('note', scenarioId).find((id) => d.nodes.some((n) => n.id === id));
    const edge = draftIds('edge-label', scenarioId).find((id) => d.edges.some((e) => e.id === id));
    if (note !== undefined) useEditorUi.getState().edit({ kind: 'note', id: note });
    else if (edge !== undefined) useEditorUi.getState().edit({ kind: 'edge', id: edge });
  }, [store]);
  // Fit the view once at start when there is a design to show; later additions must not move the view.
  const [fitAtStart] = useState(() => store.getState().design.nodes.length > 0);
  // Keyed by node id in Maps: ids are data, so a node named `constructor` is a key like any other.
  // Drag positions live in `live.current.pos` and go straight into React Flow's store once per frame
  // (see onNodesChange): the canvas re-renders when a drag ends (`dragEnded`), not per move.
  const [, setDragEnded] = useState(0);
  const flowStore = useStoreApi<FlowNode, ServiceFlowEdge>();
  const placing = usePlacedAtStart(fitAtStart, flowStore, setViewport);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(EMPTY);
  // A group being resized: its live size (committed as one `resizeNode` when the resize ends).
  const [resizing, setResizing] = useState<ReadonlyMap<string, Size>>(EMPTY);
  const live = useRef<{ pos: Map<string, Pos>; size: Map<string, Size>; measured: Map<string, Size>; frame?: number | undefined }>({ pos: new Map(), size: new Map(), measured: new Map() });
  useEffect(() => () => cancelAnimationFrame(live.current.frame ?? 0), []);
  const marks = useMemo(() => marksOf(report), [report]);
  const selectedNodes = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdges = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);
  const loads = useMemo(() => nodeLoads(simulation), [simulation]);
  const volumes = useMemo(() => edgeVolumes(simulation), [simulation]);
  const large = design.nodes.length > LARGE_DESIGN_NODES;
  // (Read in render on purpose: a render during a drag, e.g. new feedback, keeps the dragged positions.)
  const nodes = useFlowNodes(design.nodes, catalog, live.current.pos, sizes, selectedNodes, marks, loads, resizing, large);
  // Thousands of nodes arriving at once (an import, a paste) are handed to React Flow in chunks, one
  // per task, so no single task mounts and measures them all; a few more (an edit) show at once. The
  // design the page starts with is handed over whole, in the first render: each chunk would re-render
  // and re-measure the nodes shown before it (a stored design of 1,000 nodes: all visible after
  // 1,170-1,380 ms in three passes, 740-870 ms in one; the bare React Flow page 790).
  const [shown, setShown] = useState(() => Math.max(nodes.length, REVEAL_CHUNK));
  const total = nodes.length;
  const display = total - shown <= REVEAL_CHUNK ? total : shown;
  useEffect(() => {
    if (display < total) {
      const h = setTimeout(() => setShown(display + REVEAL_CHUNK), 0);
      return () => clearTimeout(h);
    }
    if (shown !== total) setShown(total);
    return undefined;
  }, [display, total, shown]);
  const shownNodes = useMemo(() => (display < total ? nodes.slice(0, display) : nodes), [nodes, display, total]);
  // Edges come with their ends: until every node is shown, only those between shown nodes.
  const shownDesignEdges = useMemo(() => {
    if (display >= total) return design.edges;
    const shown = new Set(shownNodes.map((n) => n.id));
    return design.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
  }, [design.edges, shownNodes, display, total]);
  const edges = useFlowEdges(shownDesignEdges, design.nodes, catalog, selectedEdges, marks, volumes, showVolume, sizes);

  const applySelection = useCallback(
    (kind: 'nodeIds' | 'edgeIds', changes: { id: string; selected: boolean }[]) => {
      if (!changes.length) return;
      const sel = store.getState().selection;
      const set = new Set(sel[kind]);
      for (const c of changes) c.selected ? set.add(c.id) : set.delete(c.id);
      const next = { ...sel, [kind]: [...set] };
      store.getState().select(next);
      if (changes.some((c) => c.selected)) store.getState().setRightTab('inspector');
    },
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moving = new Map<string, Pos>();
      const settled = new Map<string, Pos>();
      const resized = new Map<string, Size>();
      const selects: { id: string; selected: boolean }[] = [];
      // NodeResizer reports a resize as dimension changes with `resizing`, plus position changes of the
      // group and its members when the top or left edge moves: all held locally until the resize ends.
      const resizeNow = changes.some((c) => c.type === 'dimensions' && c.resizing === true);
      const resizeEnds = changes.filter((c): c is Extract<NodeChange, { type: 'dimensions' }> => c.type === 'dimensions' && c.resizing === false);
      for (const c of changes) {
        if (c.type === 'position' && c.position) (c.dragging || resizeNow ? moving : settled).set(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions && c.resizing !== undefined) {
          if (c.resizing) live.current.size = new Map(live.current.size).set(c.id, c.dimensions);
        } else if (c.type === 'dimensions' && c.dimensions) resized.set(c.id, c.dimensions);
        else if (c.type === 'select') selects.push(c);
      }
      if (resizeNow) setResizing(live.current.size);
      if (moving.size) live.current.pos = new Map([...live.current.pos, ...moving]);
      // A drag move: only the moved nodes' objects change, handed to React Flow's store directly (what
      // it would get from the next render of this component, without that render), once per frame
      // however many moves the frame had. A resize re-renders anyway (setResizing), which hands them over.
      if (moving.size && !resizeNow && live.current.frame === undefined)
        live.current.frame = requestAnimationFrame(() => {
          live.current.frame = undefined;
          const pos = live.current.pos;
          if (!pos.size) return; // the drag ended first: the render of its result hands the positions over
          const flow = flowStore.getState();
          flow.setNodes(flow.nodes.map((n) => (pos.has(n.id) ? { ...n, position: pos.get(n.id)! } : n)));
        });
      if (resizeEnds.length) {
        const key = `resize-${++commitSeq}`;
        for (const c of resizeEnds) {
          const size = c.dimensions ?? live.current.size.get(c.id);
          if (size) store.getState().dispatch({ type: 'resizeNode', nodeId: c.id, size: { width: Math.round(size.width), height: Math.round(size.height) } }, { coalesce: key });
        }
        const positions = rounded(live.current.pos);
        if (positions.size) store.getState().dispatch({ type: 'moveNodes', positions }, { coalesce: key });
        live.current.pos = new Map();
        live.current.size = new Map();
        setResizing(EMPTY);
        setDragEnded((n) => n + 1);
      }
      if (resized.size) live.current.measured = new Map([...live.current.measured, ...resized]);
      if (resized.size)
        setSizes((prev) => {
          const out = new Map(prev);
          for (const [id, d] of resized) if (out.get(id)?.width !== d.width || out.get(id)?.height !== d.height) out.set(id, d);
          return out;
        });
      if (settled.size) {
        const positions = rounded(settled);
        // Into, out of or between groups by where the node's centre lands: one history entry in all.
        const key = `drag-${++commitSeq}`;
        for (const cmd of dragEndCommands(store.getState().design, catalog, positions, live.current.measured)) store.getState().dispatch(cmd, { coalesce: key });
        live.current.pos = new Map();
        setDragEnded((n) => n + 1);
      }
      applySelection('nodeIds', selects);
    },
    [store, applySelection, catalog, flowStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      applySelection(
        'edgeIds',
        changes.filter((c): c is Extract<EdgeChange, { type: 'select' }> => c.type === 'select'),
      ),
    [applySelection],
  );

  const onConnect = useCallback((c: Connection) => void store.getState().connect(c.source, c.target), [store]);
  // A connection dropped anywhere on a service (not only on its handle) connects to it. The node is
  // found where the pointer is at the drop, so an auto-pan during the drag cannot make it miss.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const onto = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((el) => el.closest<HTMLElement>('.react-flow__node'))
        .find((el) => el && !el.classList.contains('react-flow__node-group-box') && !el.classList.contains('react-flow__node-note'));
      const toId = onto?.dataset.id;
      if (!toId) return;
      const fromId = state.fromNode.id;
      if (state.fromHandle.type === 'target') void store.getState().connect(toId, fromId);
      else void store.getState().connect(fromId, toId);
    },
    [store],
  );
  // Clicking an element that is already selected (e.g. from a finding) emits no select change: still show it.
  const showInspector = useCallback(() => store.getState().setRightTab('inspector'), [store]);
  const onEdgeDoubleClick = useCallback((_: unknown, edge: ServiceFlowEdge) => !store.getState().readOnly && useEditorUi.getState().edit({ kind: 'edge', id: edge.id }), [store]);
  // A drag that ends without a settled position (an interrupted gesture) drops its live positions too.
  const onNodeDragStop = useCallback(() => {
    if (!live.current.pos.size) return;
    live.current.pos = new Map();
    setDragEnded((n) => n + 1);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(SERVICE_DND_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const serviceId = e.dataTransfer.getData(SERVICE_DND_TYPE);
      if (!serviceId) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
      const half = catalog.byId.get(serviceId)?.group ? { x: DEFAULT_GROUP_SIZE.width / 2, y: DEFAULT_GROUP_SIZE.height / 2 } : { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2 };
      // Dropped over a group: the new node goes inside it (position relative to the group).
      const place = placement(store.getState().design, catalog, serviceId, { x: p.x - half.x, y: p.y - half.y });
      store.getState().addService(serviceId, place.position, place.parentId, place.size);
    },
    [screenToFlowPosition, store, catalog],
  );

  return (
    <div ref={placing.ref} data-placing={placing.done() ? undefined : ''} className={`canvas${far ? ' is-far' : ''}${connecting ? ' is-connecting' : ''}`} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ArrowMarkers />
      {/* Zoomed far out, edge labels are not drawn at all (not merely hidden: each would still be restyled per drag move). */}
      <EdgeLabelLayer.Provider value={far ? null : labelLayer}>
        <ReactFlow<FlowNode, ServiceFlowEdge>
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          connectionRadius={28}
          onNodeDragStart={startNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={showInspector}
          elevateNodesOnSelect={false}
          onEdgeClick={showInspector}
          onEdgeDoubleClick={onEdgeDoubleClick}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          colorMode={theme}
          deleteKeyCode={null}
          fitView={fitAtStart}
          fitViewOptions={FIT_AT_START_OPTIONS}
          minZoom={0.2}
          maxZoom={2}
          snapToGrid={snap}
          snapGrid={SNAP_GRID}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          aria-label="Design canvas"
          // Thousands of nodes: draw only those in view, so every change renders in bounded time.
          onlyRenderVisibleElements={large}
        >
          <ShowPanesOnceDrawn />
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
          <Controls showInteractive={false} showFitView={false} position="bottom-left" />
          {inRoom && (
            <Suspense fallback={null}>
              <Presence />
            </Suspense>
          )}
          {/* Drawn from the design (not the drag's live positions): see Minimap.tsx. */}
          {design.nodes.length <= MINIMAP_MAX_NODES && <Minimap nodes={design.nodes} catalog={catalog} sizes={sizes} />}
        </ReactFlow>
      </EdgeLabelLayer.Provider>
      {progress !== undefined && (
        <div className="canvas-progress" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {progress}
        </div>
      )}
      {design.nodes.length === 0 && progress === undefined && (
        <div className="canvas-empty" role="note">
          <p className="canvas-empty-title">Start your design</p>
          <p>Drag services from the palette onto the canvas — or focus one and press Enter.</p>
          <p>Connect them by pointing at a node and dragging from its right port onto another node.</p>
        </div>
      )}
    </div>
  );
}

/**
 * The view at the page's start, fitted to the design before its nodes are seen. React Flow draws the
 * nodes in its first commit (their default boxes are known, see UNMEASURED_SERVICE) but fits the view
 * only once it has measured them, a pass later: the nodes would show at zoom 1 and then jump. So the
 * canvas keeps its viewport hidden (`data-placing`, app.css) until this fit, made from the design's
 * boxes (boundsOf) with React Flow's own `getViewportForBounds` and the start fit's
 * options, as soon as React Flow's pan-zoom exists (its effects run before the canvas's). React Flow's
 * fit at start still follows the measurement and corrects for any box that measured otherwise.
 * @returns the canvas element's ref and whether the placing is done (read while rendering)
 */
function usePlacedAtStart(fitAtStart: boolean, flowStore: ReturnType<typeof useStoreApi<FlowNode, ServiceFlowEdge>>, setViewport: ReturnType<typeof useReactFlow>['setViewport']) {
  const store = useAppStore();
  const ref = useRef<HTMLDivElement>(null);
  const placed = useRef(!fitAtStart);
  useEffect(() => {
    if (placed.current) return;
    placed.current = true;
    const { width, height, minZoom } = flowStore.getState();
    const { design, content } = store.getState();
    if (width > 0 && height > 0) {
      const bounds = boundsOf(design.nodes, content.catalog, absolutePositions(design));
      if (bounds) void setViewport(getViewportForBounds(bounds, width, height, minZoom, FIT_AT_START_OPTIONS.maxZoom, FIT_AT_START_OPTIONS.padding));
    }
    ref.current?.removeAttribute('data-placing');
  }, [flowStore, store, setViewport]);
  return { ref, done: () => placed.current };
}

const flowDrawn = (s: ReactFlowState) => s.nodesInitialized || s.nodes.length === 0;

/**
 * Lets the panes draw their content (usePaneUi `showPanes`) in the frame after React Flow has measured
 * and shown the canvas's nodes (or found none): at the page's start the canvas comes first. Its own
 * component, so the canvas does not re-render when the flag flips.
 */
function ShowPanesOnceDrawn() {
  const drawn = useFlowStore(flowDrawn);
  useEffect(() => {
    if (!drawn || usePaneUi.getState().panesShown) return undefined;
    const frame = requestAnimationFrame(() => usePaneUi.getState().showPanes());
    return () => cancelAnimationFrame(frame);
  }, [drawn]);
  return null;
}
