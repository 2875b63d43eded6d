/**
 * How well a draw.io page imports, measured against the file itself (not against the importer's own
 * choices):
 * - services: vertices drawing an AWS shape whose table entry is a catalog service, and how many
 *   became a node of exactly that service;
 * - connectors: connectors whose two ends are attached to such services (directly, through a label
 *   cell of one, or to a mapped group holding one) or lie loose within 20 px of one, and how many
 *   became at least one connection;
 * - groups: mapped group shapes kept, and the services drawn inside each (centre in its box) that
 *   ended up inside it (the group is among their parents).
 */
import type { Catalog } from '../../src/domain/catalog.ts';
import { mapDrawioCells, serviceOfShape, shapeName, textOf, type DrawioCell } from '../../src/domain/drawio.ts';

export interface Rates {
  services: { covered: number; right: number };
  connectors: { between: number; kept: number; total: number };
  groups: { shapes: number; kept: number; members: number; membersKept: number; kinds: string[] };
}

export function measure(cells: readonly DrawioCell[], catalog: Catalog): Rates {
  const { design, cellOf, unmapped } = mapDrawioCells(cells, catalog);
  const byId = new Map(cells.map((c) => [c.id, c]));
  const nodeByCell = new Map([...cellOf].map(([node, cell]) => [cell, design.nodes.find((n) => n.id === node)!]));
  const expected = new Map<string, string>();
  const groupCells: DrawioCell[] = [];
  for (const c of cells) {
    if (!c.vertex) continue;
    const shape = shapeName(c.style);
    const id = shape && serviceOfShape(shape);
    const entry = id === undefined ? undefined : catalog.byId.get(id);
    if (!entry) continue;
    if (entry.group) groupCells.push(c);
    else expected.set(c.id, entry.id);
  }
  const right = [...expected].filter(([cell, svc]) => nodeByCell.get(cell)?.service === svc).length;

  // Absolute boxes (iterative; a cycle stops the walk).
  const abs = (c: DrawioCell) => {
    let x = 0;
    let y = 0;
    const seen = new Set<string>();
    for (let p: DrawioCell | undefined = c; p && !seen.has(p.id); p = p.parent ? byId.get(p.parent) : undefined) {
      seen.add(p.id);
      if (!p.vertex) break;
      x += p.geometry?.x ?? 0;
      y += p.geometry?.y ?? 0;
    }
    return { x, y, w: c.geometry?.width ?? 0, h: c.geometry?.height ?? 0 };
  };
  const inside = (g: DrawioCell, c: DrawioCell) => {
    const a = abs(g);
    const b = abs(c);
    const cx = b.x + b.w / 2;
    const cy = b.y + b.h / 2;
    return cx >= a.x && cx <= a.x + a.w && cy >= a.y && cy <= a.y + a.h;
  };
  // A loose end counts when it lies within 20 px of a service's box (the importer allows 40).
  const near = (edge: DrawioCell, point: { x: number; y: number } | undefined) => {
    if (!point) return false;
    const parent = edge.parent ? byId.get(edge.parent) : undefined;
    const o = parent?.vertex ? abs(parent) : { x: 0, y: 0 };
    const p = { x: o.x + point.x, y: o.y + point.y };
    return [...expected.keys()].some((s) => {
      const b = abs(byId.get(s)!);
      return Math.hypot(Math.max(b.x - p.x, 0, p.x - b.x - b.w), Math.max(b.y - p.y, 0, p.y - b.y - b.h)) <= 20;
    });
  };
  const serviceEnd = (id: string | undefined, edge?: DrawioCell, point?: { x: number; y: number }): boolean => {
    const c = id === undefined ? undefined : byId.get(id);
    if (!c) return edge ? near(edge, point) : false;
    if (expected.has(c.id)) return true;
    if (c.parent && expected.has(c.parent) && textOf(c.value) && !shapeName(c.style)) return true;
    if (groupCells.includes(c)) return [...expected.keys()].some((s) => inside(c, byId.get(s)!));
    return false;
  };
  const connectors = cells.filter((c) => c.edge);
  const between = connectors.filter((c) => serviceEnd(c.source, c, c.sourcePoint) && serviceEnd(c.target, c, c.targetPoint));
  // Every connector the importer does not turn into a connection is listed as unmapped, with its id.
  const dropped = new Set(unmapped.filter((u) => u.shape === 'connector').map((u) => u.cellId));
  const keptBetween = between.filter((c) => !dropped.has(c.id)).length;

  let members = 0;
  let membersKept = 0;
  const kinds = new Set<string>();
  for (const g of groupCells) {
    const node = nodeByCell.get(g.id);
    if (node) kinds.add(node.service);
    for (const [s] of expected) {
      if (!inside(g, byId.get(s)!)) continue;
      members++;
      const n = nodeByCell.get(s);
      let ok = false;
      const seen = new Set<string>();
      for (let p = n?.parentId; p && !seen.has(p); p = design.nodes.find((x) => x.id === p)?.parentId) {
        seen.add(p);
        if (p === node?.id) ok = true;
      }
      if (ok) membersKept++;
    }
  }
  return {
    services: { covered: expected.size, right },
    connectors: { between: between.length, kept: keptBetween, total: connectors.length },
    groups: { shapes: groupCells.length, kept: groupCells.filter((g) => nodeByCell.has(g.id)).length, members, membersKept, kinds: [...kinds].sort() },
  };
}
