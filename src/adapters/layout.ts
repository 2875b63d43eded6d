/**
 * Automatic layout with elkjs (layered, left to right), arranged to be read at a glance:
 *  - the data flow goes left to right in stages (ELK layered; groups are ELK compound nodes, so each
 *    group's members are laid out inside it and the group is sized to fit them);
 *  - control and governance services at top level (those whose catalog entry has `"dataFlow": false`:
 *    AWS KMS, Amazon CloudWatch, AWS Lake Formation, AWS Glue Data Catalog, IAM) and notes leave the
 *    flow and sit in a band above it, each over the services it acts on, so their edges stay short
 *    and drop straight onto the flow (see view/edge-routes.ts);
 *  - a long pipeline wraps into rows of stages, like lines of text; the number of stages per row is the
 *    one that lets the whole design be shown largest in the given view size.
 * In the browser ELK runs in a Web Worker that is only loaded when layout is first asked for; where
 * there is no Worker (tests under jsdom/Node) the bundled build runs in-thread.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Catalog } from '../domain/catalog.ts';
import type { Design, DesignNode } from '../domain/design.ts';

let elk: Promise<ELK> | undefined;

function getElk(): Promise<ELK> {
  elk ??= (async () => {
    if (typeof Worker === 'undefined') {
      const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
      return new ElkBundled();
    }
    const [{ default: ElkApi }, { default: ElkWorker }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?worker')]);
    return new ElkApi({ workerFactory: () => new ElkWorker() });
  })();
  elk.catch(() => (elk = undefined));
  return elk;
}

export const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.nodeNode': '32',
  'elk.spacing.componentComponent': '64',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.edgeRouting': 'ORTHOGONAL',
};

/** Room inside a group box around its members, in canvas px (the top leaves space for the caption). */
export const GROUP_PADDING = '[top=56,left=32,bottom=32,right=32]';

/** Vertical space between wrapped rows, and between the control band and the flow (canvas px). */
export const ROW_GAP = 88;
/** Zoom at which a service's 13 px label reads comfortably (about 11 px on screen). */
const READABLE_ZOOM = 0.85;
/** How much of the zoom one more wrapped row must gain to be chosen (8 %). */
const ROW_PENALTY = 0.08;
/** Horizontal space between two services of the control band (canvas px). */
const BAND_GAP = 48;

/** What auto-layout changes: node positions (relative to the node's group, as in the design) and group sizes. */
export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  sizes: Map<string, { width: number; height: number }>;
}

export interface LayoutOptions {
  /** The size of the view the result should fit (canvas px at zoom 1); decides how rows wrap. Default 1200 x 800. */
  view?: { width: number; height: number };
  /** Largest zoom the view will use to show the result (as fitView's maxZoom). Default 1. */
  maxZoom?: number;
}

type Box = { id: string; x: number; y: number; width: number; height: number };

/** Whether a top-level node leaves the flow for the control band: a control/governance service or a note. */
function inBand(n: DesignNode, catalog: Catalog | undefined): boolean {
  const e = catalog?.byId.get(n.service);
  return !!e && !e.group && !e.dataFlow;
}

/**
 * Splits the top-level boxes into columns (boxes whose x ranges overlap) and the columns into rows of
 * `perRow` columns; returns each box's new top-left corner and the bounding size.
 */
function wrap(boxes: readonly Box[], perRow: number): { at: Map<string, { x: number; y: number }>; width: number; height: number } {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const columns: Box[][] = [];
  let right = -Infinity;
  for (const b of sorted) {
    if (!columns.length || b.x >= right) {
      columns.push([b]);
      right = b.x + b.width;
    } else {
      columns[columns.length - 1]!.push(b);
      right = Math.max(right, b.x + b.width);
    }
  }
  const at = new Map<string, { x: number; y: number }>();
  let top = 0;
  let width = 0;
  for (let i = 0; i < columns.length; i += perRow) {
    const row = columns.slice(i, i + perRow).flat();
    const left = Math.min(...row.map((b) => b.x));
    const minY = Math.min(...row.map((b) => b.y));
    const maxY = Math.max(...row.map((b) => b.y + b.height));
    for (const b of row) at.set(b.id, { x: b.x - left, y: b.y - minY + top });
    width = Math.max(width, Math.max(...row.map((b) => b.x + b.width)) - left);
    top += maxY - minY + ROW_GAP;
  }
  return { at, width, height: Math.max(0, top - ROW_GAP) };
}

/** The number of columns of boxes (see `wrap`). */
function columnCount(boxes: readonly Box[]): number {
  let n = 0;
  let right = -Infinity;
  for (const b of [...boxes].sort((a, c) => a.x - c.x)) {
    if (b.x >= right) n++;
    right = Math.max(right, b.x + b.width);
  }
  return n;
}

/**
 * Places the band's nodes in a row, each as close as it can be to `want` (its preferred left x),
 * without overlaps, keeping the order of `want`.
 */
function spread(items: { id: string; width: number; want: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...items].sort((a, b) => a.want - b.want);
  let next = -Infinity;
  for (const it of sorted) {
    const x = Math.max(it.want, next);
    out.set(it.id, x);
    next = x + it.width + BAND_GAP;
  }
  // Pull the row back left by half of how far the sweep pushed it, so it stays centred on its wants.
  const pushed = sorted.reduce((s, it) => s + (out.get(it.id)! - it.want), 0) / Math.max(1, sorted.length);
  for (const [id, x] of out) out.set(id, x - pushed / 2);
  // The shift may not bring two back into overlap (they moved together), so the order and gaps hold.
  return out;
}

/**
 * Computes positions for every node of the design (see the module comment for how it reads).
 * @param sizes measured node sizes (canvas px); missing ones use `fallback` (groups: their `size`)
 * @param catalog the catalog, to tell control services (band) from data services; without it every
 *   node stays in the flow
 * @returns node id -> top-left position relative to its group (or the canvas), rounded to the 8 px grid,
 *   and the new size of every group that has members
 */
export async function layoutDesign(design: Design, sizes: ReadonlyMap<string, { width: number; height: number }>, catalog?: Catalog, options: LayoutOptions = {}, fallback = { width: 208, height: 64 }): Promise<LayoutResult> {
  const engine = await getElk();
  const view = options.view ?? { width: 1200, height: 800 };
  const maxZoom = options.maxZoom ?? 1;
  const ids = new Set(design.nodes.map((n) => n.id));
  const childrenOf = new Map<string | undefined, DesignNode[]>();
  for (const n of design.nodes) {
    const parent = n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : undefined;
    const list = childrenOf.get(parent);
    if (list) list.push(n);
    else childrenOf.set(parent, [n]);
  }
  const sizeOf = (n: DesignNode) => n.size ?? sizes.get(n.id) ?? fallback;
  const topLevel = childrenOf.get(undefined) ?? [];
  const band = topLevel.filter((n) => inBand(n, catalog));
  const bandIds = new Set(band.map((n) => n.id));
  const flowIds = new Set(design.nodes.filter((n) => !bandIds.has(n.id)).map((n) => n.id));

  const toElk = (n: DesignNode, depth: number): ElkNode => {
    const kids = depth < design.nodes.length ? (childrenOf.get(n.id) ?? []) : [];
    if (kids.length) return { id: n.id, layoutOptions: { ...LAYOUT_OPTIONS, 'elk.padding': GROUP_PADDING }, children: kids.map((k) => toElk(k, depth + 1)) };
    return { id: n.id, ...sizeOf(n) };
  };
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYOUT_OPTIONS, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: topLevel.filter((n) => !bandIds.has(n.id)).map((n) => toElk(n, 0)),
    edges: design.edges.filter((e) => flowIds.has(e.source) && flowIds.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await engine.layout(graph);
  const result: LayoutResult = { positions: new Map(), sizes: new Map() };
  const snap = (v: number | undefined) => Math.round((v ?? 0) / 8) * 8;
  const collect = (nodes: ElkNode[] | undefined) => {
    for (const c of nodes ?? []) {
      result.positions.set(c.id, { x: snap(c.x), y: snap(c.y) });
      if (c.children?.length) {
        result.sizes.set(c.id, { width: Math.ceil((c.width ?? 0) / 8) * 8, height: Math.ceil((c.height ?? 0) / 8) * 8 });
        collect(c.children);
      }
    }
  };
  collect(out.children);

  // Wrap the top-level flow into rows: the column count per row that shows the design largest.
  const boxes: Box[] = (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  const bandHeight = band.length ? Math.max(...band.map((n) => sizeOf(n).height)) + ROW_GAP : 0;
  const bandWidth = band.reduce((s, n) => s + sizeOf(n).width + BAND_GAP, 0);
  let best: ReturnType<typeof wrap> | undefined;
  let bestZoom = -1;
  const columns = columnCount(boxes);
  for (let perRow = columns; perRow >= 1; perRow--) {
    const w = wrap(boxes, perRow);
    const width = Math.max(w.width, bandWidth);
    const height = w.height + bandHeight;
    // fitView's padding (0.1: the bounds grow by 10 %) is allowed for.
    const zoom = Math.min(maxZoom, view.width / (1.1 * Math.max(1, width)), view.height / (1.1 * Math.max(1, height)));
    // Each extra row adds edges that run back across the design: it must buy a visibly larger view.
    // Above READABLE_ZOOM text reads well anyway, so fewer rows win there.
    const rows = Math.ceil(columns / perRow);
    const score = Math.min(zoom, READABLE_ZOOM) * (1 - ROW_PENALTY * (rows - 1));
    if (score > bestZoom + 1e-6) {
      best = w;
      bestZoom = score;
    }
  }
  const absCentre = new Map<string, { x: number; y: number }>();
  if (best) {
    for (const b of boxes) {
      const p = best.at.get(b.id)!;
      result.positions.set(b.id, { x: snap(p.x), y: snap(p.y + bandHeight) });
    }
    // Absolute centres of every flow node, for the band's placement.
    const visit = (nodes: ElkNode[] | undefined, ox: number, oy: number, top: boolean) => {
      for (const c of nodes ?? []) {
        const p = top ? result.positions.get(c.id)! : { x: c.x ?? 0, y: c.y ?? 0 };
        const x = ox + p.x;
        const y = oy + p.y;
        absCentre.set(c.id, { x: x + (c.width ?? 0) / 2, y: y + (c.height ?? 0) / 2 });
        visit(c.children, x, y, false);
      }
    };
    visit(out.children, 0, 0, true);
  }

  // The band above the flow: each control service over the services it acts on (their mean x).
  if (band.length) {
    const partners = new Map<string, number[]>();
    for (const e of design.edges) {
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        if (!bandIds.has(a) || bandIds.has(b)) continue;
        const c = absCentre.get(b);
        if (c) partners.set(a, [...(partners.get(a) ?? []), c.x]);
      }
    }
    const row: { id: string; width: number; want: number }[] = [];
    let loose = (best?.width ?? 0) + BAND_GAP;
    for (const n of band) {
      const xs = partners.get(n.id) ?? [];
      const w = sizeOf(n).width;
      if (xs.length) row.push({ id: n.id, width: w, want: xs.reduce((s, x) => s + x, 0) / xs.length - w / 2 });
      else {
        // Unconnected (a note, a service not wired yet): at the end of the band.
        row.push({ id: n.id, width: w, want: loose });
        loose += w + BAND_GAP;
      }
    }
    for (const [id, x] of spread(row)) result.positions.set(id, { x: snap(x), y: 0 });
  }
  return result;
}
