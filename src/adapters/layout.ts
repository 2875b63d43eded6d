/**
 * Automatic layout with elkjs (layered, left to right). In the browser ELK runs in a Web Worker that is
 * only loaded when layout is first asked for; where there is no Worker (tests under jsdom/Node) the
 * bundled build runs in-thread.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
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
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.componentComponent': '64',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeRouting': 'ORTHOGONAL',
};

/** Room inside a group box around its members, in canvas px (the top leaves space for the caption). */
export const GROUP_PADDING = '[top=48,left=24,bottom=24,right=24]';

/** What auto-layout changes: node positions (relative to the node's group, as in the design) and group sizes. */
export interface LayoutResult {
  positions: Record<string, { x: number; y: number }>;
  sizes: Record<string, { width: number; height: number }>;
}

/**
 * Computes positions for every node of the design. Groups are laid out as ELK compound nodes: each
 * group's members are arranged inside it, the group is sized to fit them (an empty group keeps its
 * size), and groups are arranged with the other nodes of their level; edges across groups are routed
 * over the whole hierarchy (`elk.hierarchyHandling: INCLUDE_CHILDREN`).
 * @param sizes measured node sizes (canvas px); missing ones use `fallback` (groups: their `size`)
 * @returns node id -> top-left position relative to its group (or the canvas), rounded to the 8 px grid,
 *   and the new size of every group that has members
 */
export async function layoutDesign(design: Design, sizes: ReadonlyMap<string, { width: number; height: number }>, fallback = { width: 208, height: 64 }): Promise<LayoutResult> {
  const engine = await getElk();
  const ids = new Set(design.nodes.map((n) => n.id));
  const childrenOf = new Map<string | undefined, DesignNode[]>();
  for (const n of design.nodes) {
    const parent = n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : undefined;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), n]);
  }
  const toElk = (n: DesignNode, depth: number): ElkNode => {
    const kids = depth < design.nodes.length ? (childrenOf.get(n.id) ?? []) : [];
    if (kids.length) return { id: n.id, layoutOptions: { ...LAYOUT_OPTIONS, 'elk.padding': GROUP_PADDING }, children: kids.map((k) => toElk(k, depth + 1)) };
    return { id: n.id, ...(n.size ?? sizes.get(n.id) ?? fallback) };
  };
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYOUT_OPTIONS, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: (childrenOf.get(undefined) ?? []).map((n) => toElk(n, 0)),
    edges: design.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await engine.layout(graph);
  const result: LayoutResult = { positions: {}, sizes: {} };
  const snap = (v: number | undefined) => Math.round((v ?? 0) / 8) * 8;
  const collect = (nodes: ElkNode[] | undefined) => {
    for (const c of nodes ?? []) {
      result.positions[c.id] = { x: snap(c.x), y: snap(c.y) };
      if (c.children?.length) {
        result.sizes[c.id] = { width: Math.ceil((c.width ?? 0) / 8) * 8, height: Math.ceil((c.height ?? 0) / 8) * 8 };
        collect(c.children);
      }
    }
  };
  collect(out.children);
  return result;
}
