/**
 * Geometry of groups on the canvas (domain: no React, no DOM): absolute positions of nested nodes, the group a
 * point falls in (the innermost, i.e. smallest, wins), and the commands that move a dragged node into,
 * out of, or between groups. Positions are canvas px; a member's `position` is relative to its group's
 * top-left corner, as React Flow places sub-flow nodes.
 */
import type { Catalog } from './catalog.ts';
import { freshId, type Command, type Positions } from './commands.ts';
import type { Design, DesignNode } from './design.ts';
import { absolutePositions, DEFAULT_GROUP_SIZE, GROUP_MIN_SIZE, isGroupNode, NODE_HEIGHT, NODE_WIDTH, nodeSize, type Pos, type Size } from './diagram.ts';
import { withMembers } from './invariants.ts';

export { absolutePositions, DEFAULT_GROUP_SIZE, GROUP_MIN_SIZE, isGroupNode, nodeSize, type Pos, type Size };

/** Ids of a node and everything inside it, at any depth. */
export function withDescendants(design: Design, id: string): Set<string> {
  return withMembers(design.nodes, [id]);
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

/** Room kept inside a group around a new group in it: the caption band at the top, and the sides (canvas px). */
export const GROUP_INSET = { top: 48, side: 24 };

/**
 * Where a new node of `service` goes when dropped with its top-left at `topLeft` (canvas px): inside the
 * innermost group under its centre (position relative to that group), or at top level. A new group
 * nests like a service: in the innermost group under its centre, made small enough to fit inside it
 * (at most the default size, leaving the parent's caption and its resize handles clear) and moved
 * inside its edges.
 * @returns the position (relative to `parentId`'s top-left when set) and, for a group, its size
 */
export function placement(design: Design, catalog: Catalog, service: string, topLeft: Pos): { position: Pos; parentId: string | undefined; size?: Size } {
  const entry = catalog.byId.get(service);
  const size = entry?.group ? DEFAULT_GROUP_SIZE : { width: NODE_WIDTH, height: NODE_HEIGHT };
  const abs = absolutePositions(design);
  const centre = { x: topLeft.x + size.width / 2, y: topLeft.y + size.height / 2 };
  const group = groupAt(design, catalog, centre, abs);
  if (!group) return { position: topLeft, parentId: undefined, ...(entry?.group ? { size } : {}) };
  const g = abs.get(group.id)!;
  const relative = { x: topLeft.x - g.x, y: topLeft.y - g.y };
  if (!entry?.group) return { position: relative, parentId: group.id };
  const outer = nodeSize(group, catalog);
  const fit = {
    width: Math.max(GROUP_MIN_SIZE.width, Math.min(size.width, outer.width - 2 * GROUP_INSET.side)),
    height: Math.max(GROUP_MIN_SIZE.height, Math.min(size.height, outer.height - GROUP_INSET.top - GROUP_INSET.side)),
  };
  // Keep the drop point's centre where possible, but inside the parent's inner area.
  const want = { x: centre.x - g.x - fit.width / 2, y: centre.y - g.y - fit.height / 2 };
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.max(lo, Math.min(v, Math.max(lo, hi))));
  const position = { x: clamp(want.x, GROUP_INSET.side, outer.width - fit.width - GROUP_INSET.side), y: clamp(want.y, GROUP_INSET.top, outer.height - fit.height - GROUP_INSET.side) };
  return { position, parentId: group.id, size: fit };
}

/**
 * The commands that end a drag: a `moveNodes` for nodes that stay in their group, and a `setParent` for
 * each node whose centre now falls in another group (or on the empty canvas, outside every group).
 * @param moved the dragged nodes' new positions, relative to their current parents (as React Flow reports them)
 * @param measured measured sizes of service nodes
 */
export function dragEndCommands(design: Design, catalog: Catalog, moved: Positions, measured?: ReadonlyMap<string, Size>): Command[] {
  const abs = absolutePositions(design, moved);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const stays = new Map<string, Pos>();
  const reparent: Command[] = [];
  for (const [id, pos] of moved) {
    const node = byId.get(id);
    if (!node) continue;
    const p = abs.get(id)!;
    const size = nodeSize(node, catalog, measured);
    const centre = { x: p.x + size.width / 2, y: p.y + size.height / 2 };
    const minArea = isGroupNode(node, catalog) ? size.width * size.height : 0;
    const target = groupAt(design, catalog, centre, abs, withDescendants(design, id), minArea);
    if (target?.id === node.parentId) {
      stays.set(id, pos);
      continue;
    }
    const base = target ? abs.get(target.id)! : { x: 0, y: 0 };
    reparent.push({ type: 'setParent', nodeId: id, parentId: target?.id, position: { x: Math.round(p.x - base.x), y: Math.round(p.y - base.y) } });
  }
  return [...(stays.size ? [{ type: 'moveNodes', positions: stays } as Command] : []), ...reparent];
}

/** Whether two boxes (top-left + size) overlap once each is grown by `gap` px on every side. */
function overlaps(a: Pos, as: Size, b: Pos, bs: Size, gap: number): boolean {
  return a.x < b.x + bs.width + gap && b.x < a.x + as.width + gap && a.y < b.y + bs.height + gap && b.y < a.y + as.height + gap;
}

/**
 * A free spot for a new service box, near an anchor: to the right of the anchor box first (where the
 * next stage of a left-to-right flow goes), then below, above and left of it, then further out on a
 * grid, never overlapping another service or note (groups may be overlapped: a node may sit in one).
 * @param anchor the absolute box to place beside (the selection or the last added node), or a point
 *   (zero-size box) such as the centre of the view
 * @param size the new box's size
 * @param gap the clear space kept around every box, in canvas px
 * @returns the new box's absolute top-left corner (canvas px, on the 8 px grid)
 */
export function freePosition(design: Design, catalog: Catalog, anchor: { position: Pos; size: Size }, size: Size, measured?: ReadonlyMap<string, Size>, gap = 32): Pos {
  const abs = absolutePositions(design);
  const boxes = design.nodes.filter((n) => !isGroupNode(n, catalog)).map((n) => ({ p: abs.get(n.id)!, s: nodeSize(n, catalog, measured) }));
  const free = (p: Pos) => boxes.every((b) => !overlaps(p, size, b.p, b.s, gap));
  const snap = (v: number) => Math.round(v / 8) * 8;
  const a = anchor.position;
  const w = anchor.size;
  const stepX = size.width + 2 * gap + 32;
  const stepY = size.height + gap;
  const beside: Pos[] =
    w.width || w.height
      ? [
          { x: a.x + w.width + 2 * gap + 32, y: a.y + (w.height - size.height) / 2 },
          { x: a.x + (w.width - size.width) / 2, y: a.y + w.height + gap },
          { x: a.x + (w.width - size.width) / 2, y: a.y - size.height - gap },
          { x: a.x - size.width - 2 * gap - 32, y: a.y + (w.height - size.height) / 2 },
        ]
      : [{ x: a.x - size.width / 2, y: a.y - size.height / 2 }];
  for (const p of beside) if (free(p)) return { x: snap(p.x), y: snap(p.y) };
  // Rings around the first choice, nearest first: right, down, up, left of it on a grid.
  const origin = beside[0]!;
  for (let ring = 1; ring < 40; ring++) {
    const cells: { dx: number; dy: number; cost: number }[] = [];
    for (let dy = -ring; dy <= ring; dy++) for (let dx = -ring; dx <= ring; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push({ dx, dy, cost: Math.hypot(dx * stepX, dy * stepY) + (dx < 0 ? stepX : 0) });
    cells.sort((m, n) => m.cost - n.cost);
    for (const { dx, dy } of cells) {
      const p = { x: origin.x + dx * stepX, y: origin.y + dy * stepY };
      if (free(p)) return { x: snap(p.x), y: snap(p.y) };
    }
  }
  return { x: snap(origin.x), y: snap(origin.y) };
}

/**
 * A new node of a catalog service for a design: a fresh id from the service's short name
 * (`Kinesis Data Streams` → `kinesis-data-streams-1`), its position rounded to whole canvas px and
 * nudged by 24 px while another node of the same parent sits within 8 px of it (so both stay visible),
 * the parent kept only if it exists, and for a group its size (by default `DEFAULT_GROUP_SIZE`).
 */
export function newServiceNode(design: Design, entry: { id: string; shortName: string; group?: unknown }, position: Pos, parentId?: string, size?: Size): DesignNode {
  const prefix =
    entry.shortName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'node';
  let { x, y } = position;
  while (design.nodes.some((n) => n.parentId === parentId && Math.abs(n.position.x - x) < 8 && Math.abs(n.position.y - y) < 8)) {
    x += 24;
    y += 24;
  }
  const inside = parentId !== undefined && design.nodes.some((n) => n.id === parentId) ? { parentId } : {};
  const box = size ?? DEFAULT_GROUP_SIZE;
  return { id: freshId(design, prefix), service: entry.id, position: { x: Math.round(x), y: Math.round(y) }, ...inside, ...(entry.group ? { size: { width: Math.round(box.width), height: Math.round(box.height) } } : {}) };
}
