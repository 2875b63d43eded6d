/**
 * Geometry of groups on the canvas (pure, no React): absolute positions of nested nodes, the group a
 * point falls in (the innermost, i.e. smallest, wins), and the commands that move a dragged node into,
 * out of, or between groups. Positions are canvas px; a member's `position` is relative to its group's
 * top-left corner, as React Flow places sub-flow nodes.
 */
import type { Catalog } from '../domain/catalog.ts';
import type { Command } from '../domain/commands.ts';
import type { Design, DesignNode } from '../domain/design.ts';
import { absolutePositions, DEFAULT_GROUP_SIZE, isGroupNode, NODE_HEIGHT, NODE_WIDTH, nodeSize, type Pos, type Size } from '../domain/diagram.ts';

export { absolutePositions, DEFAULT_GROUP_SIZE, isGroupNode, nodeSize, type Pos, type Size };

/** Ids of a node and everything inside it, at any depth. */
export function withDescendants(design: Design, id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of design.nodes) if (n.parentId !== undefined && ids.has(n.parentId) && !ids.has(n.id)) (ids.add(n.id), (grew = true));
  }
  return ids;
}

/**
 * The group a point falls in: the smallest group box containing it.
 * @param exclude ids that cannot be the target (the moving node and its members)
 * @param minArea only groups larger than this (a group goes only into a bigger group)
 */
export function groupAt(design: Design, catalog: Catalog, point: Pos, abs: ReadonlyMap<string, Pos>, exclude: ReadonlySet<string> = new Set(), minArea = 0): DesignNode | undefined {
  let best: DesignNode | undefined;
  let bestArea = Infinity;
  for (const g of design.nodes) {
    if (exclude.has(g.id) || !isGroupNode(g, catalog)) continue;
    const p = abs.get(g.id);
    if (!p) continue;
    const s = nodeSize(g, catalog);
    const area = s.width * s.height;
    if (area <= minArea) continue;
    if (point.x >= p.x && point.x <= p.x + s.width && point.y >= p.y && point.y <= p.y + s.height && area <= bestArea) {
      best = g;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Where a new node of `service` goes when dropped with its top-left at `topLeft` (canvas px): inside the
 * innermost group under its centre (position relative to that group), or at top level.
 */
export function placement(design: Design, catalog: Catalog, service: string, topLeft: Pos): { position: Pos; parentId: string | undefined } {
  const entry = catalog.byId.get(service);
  const size = entry?.group ? DEFAULT_GROUP_SIZE : { width: NODE_WIDTH, height: NODE_HEIGHT };
  const abs = absolutePositions(design);
  const centre = { x: topLeft.x + size.width / 2, y: topLeft.y + size.height / 2 };
  const group = groupAt(design, catalog, centre, abs, new Set(), entry?.group ? size.width * size.height : 0);
  if (!group) return { position: topLeft, parentId: undefined };
  const g = abs.get(group.id)!;
  return { position: { x: topLeft.x - g.x, y: topLeft.y - g.y }, parentId: group.id };
}

/**
 * The commands that end a drag: a `moveNodes` for nodes that stay in their group, and a `setParent` for
 * each node whose centre now falls in another group (or on the empty canvas, outside every group).
 * @param moved the dragged nodes' new positions, relative to their current parents (as React Flow reports them)
 * @param measured measured sizes of service nodes
 */
export function dragEndCommands(design: Design, catalog: Catalog, moved: Readonly<Record<string, Pos>>, measured?: Readonly<Record<string, Size>>): Command[] {
  const abs = absolutePositions(design, moved);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const stays: Record<string, Pos> = {};
  const reparent: Command[] = [];
  for (const [id, pos] of Object.entries(moved)) {
    const node = byId.get(id);
    if (!node) continue;
    const p = abs.get(id)!;
    const size = nodeSize(node, catalog, measured);
    const centre = { x: p.x + size.width / 2, y: p.y + size.height / 2 };
    const minArea = isGroupNode(node, catalog) ? size.width * size.height : 0;
    const target = groupAt(design, catalog, centre, abs, withDescendants(design, id), minArea);
    if (target?.id === node.parentId) {
      stays[id] = pos;
      continue;
    }
    const base = target ? abs.get(target.id)! : { x: 0, y: 0 };
    reparent.push({ type: 'setParent', nodeId: id, parentId: target?.id, position: { x: Math.round(p.x - base.x), y: Math.round(p.y - base.y) } });
  }
  return [...(Object.keys(stays).length ? [{ type: 'moveNodes', positions: stays } as Command] : []), ...reparent];
}
