/**
 * Automatic layout with elkjs (layered, left to right). In the browser ELK runs in a Web Worker that is
 * only loaded when layout is first asked for; where there is no Worker (tests under jsdom/Node) the
 * bundled build runs in-thread.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Design } from '../domain/design.ts';

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

/**
 * Computes positions for every node of the design.
 * @param sizes measured node sizes (canvas px); missing ones use `fallback`
 * @returns node id -> top-left position, rounded to the 8 px grid
 */
export async function layoutDesign(design: Design, sizes: ReadonlyMap<string, { width: number; height: number }>, fallback = { width: 208, height: 64 }): Promise<Record<string, { x: number; y: number }>> {
  const engine = await getElk();
  const ids = new Set(design.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: design.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? fallback) })),
    edges: design.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await engine.layout(graph);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const c of out.children ?? []) positions[c.id] = { x: Math.round((c.x ?? 0) / 8) * 8, y: Math.round((c.y ?? 0) / 8) * 8 };
  return positions;
}
