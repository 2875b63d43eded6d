/**
 * Edits as data: every change to a design is a command record applied by `applyCommand`, a pure
 * function that returns the next design (the input is never mutated). The store records history per
 * command; a drag is committed as one `moveNodes` at drag end.
 */
import type { Settings, SettingValue } from './catalog.ts';
import type { Design, DesignEdge, DesignNode, EdgeSettings } from './design.ts';

export type Command =
  | { type: 'addNode'; node: DesignNode }
  | { type: 'addNodes'; nodes: DesignNode[]; edges?: DesignEdge[] }
  | { type: 'moveNodes'; positions: Record<string, { x: number; y: number }> }
  | { type: 'removeElements'; nodeIds: string[]; edgeIds: string[] }
  | { type: 'connect'; edge: DesignEdge }
  | { type: 'setNodeSetting'; nodeId: string; key: string; value: SettingValue }
  | { type: 'setNodeLabel'; nodeId: string; label: string }
  | { type: 'setEdgeSettings'; edgeId: string; settings: EdgeSettings }
  /** Puts a node into a group (or out of any, with `parentId` undefined) at `position`, relative to the new parent. */
  | { type: 'setParent'; nodeId: string; parentId: string | undefined; position: { x: number; y: number } }
  | { type: 'resizeNode'; nodeId: string; size: { width: number; height: number } }
  | { type: 'replace'; design: Design };

/**
 * Applies a command. Commands naming ids that do not exist change nothing; `connect` refuses a
 * duplicate id or a second edge between the same two nodes in the same direction (returns the design
 * unchanged). Catalog checks (is this connection allowed?) are the caller's, so the refusal can be
 * explained to the user.
 * @returns the next design; the same object when nothing changed
 */
export function applyCommand(design: Design, cmd: Command): Design {
  switch (cmd.type) {
    case 'addNode':
      return hasId(design, cmd.node.id) ? design : { ...design, nodes: [...design.nodes, cmd.node] };
    case 'addNodes': {
      const fresh = cmd.nodes.filter((n) => !hasId(design, n.id));
      const ids = new Set([...design.nodes.map((n) => n.id), ...fresh.map((n) => n.id)]);
      const edges = (cmd.edges ?? []).filter((e) => ids.has(e.source) && ids.has(e.target) && !hasId(design, e.id));
      return fresh.length || edges.length ? { ...design, nodes: [...design.nodes, ...fresh], edges: [...design.edges, ...edges] } : design;
    }
    case 'moveNodes': {
      let changed = false;
      const nodes = design.nodes.map((n) => {
        const p = cmd.positions[n.id];
        if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
        changed = true;
        return { ...n, position: { x: p.x, y: p.y } };
      });
      return changed ? { ...design, nodes } : design;
    }
    case 'removeElements': {
      // Removing a group removes what sits in it, as in React Flow and draw.io.
      const nodeIds = new Set(cmd.nodeIds);
      for (let grew = true; grew; ) {
        grew = false;
        for (const n of design.nodes) if (n.parentId !== undefined && nodeIds.has(n.parentId) && !nodeIds.has(n.id)) (nodeIds.add(n.id), (grew = true));
      }
      const edgeIds = new Set(cmd.edgeIds);
      const nodes = design.nodes.filter((n) => !nodeIds.has(n.id));
      const edges = design.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
      return nodes.length === design.nodes.length && edges.length === design.edges.length ? design : { ...design, nodes, edges };
    }
    case 'connect': {
      const { edge } = cmd;
      const ok =
        !hasId(design, edge.id) &&
        edge.source !== edge.target &&
        design.nodes.some((n) => n.id === edge.source) &&
        design.nodes.some((n) => n.id === edge.target) &&
        !design.edges.some((e) => e.source === edge.source && e.target === edge.target);
      return ok ? { ...design, edges: [...design.edges, edge] } : design;
    }
    case 'setNodeSetting':
      return updateNode(design, cmd.nodeId, (n) => ({ ...n, settings: { ...(n.settings ?? {}), [cmd.key]: cmd.value } as Settings }));
    case 'setNodeLabel':
      return updateNode(design, cmd.nodeId, (n) => {
        const { label: _old, ...rest } = n;
        return cmd.label.trim() ? { ...rest, label: cmd.label } : rest;
      });
    case 'setEdgeSettings': {
      const i = design.edges.findIndex((e) => e.id === cmd.edgeId);
      if (i < 0) return design;
      const edges = design.edges.slice();
      edges[i] = { ...edges[i]!, settings: { ...(edges[i]!.settings ?? {}), ...cmd.settings } };
      return { ...design, edges };
    }
    case 'setParent': {
      const { nodeId, parentId, position } = cmd;
      if (parentId !== undefined) {
        // Refuse a missing parent and a loop (a group into itself or into one of its members).
        const byId = new Map(design.nodes.map((n) => [n.id, n]));
        if (!byId.has(parentId)) return design;
        for (let p = byId.get(parentId); p; p = p.parentId === undefined ? undefined : byId.get(p.parentId)) if (p.id === nodeId) return design;
      }
      const moved = updateNode(design, nodeId, (n) => {
        const { parentId: _old, ...rest } = n;
        return { ...rest, position: { x: position.x, y: position.y }, ...(parentId !== undefined ? { parentId } : {}) };
      });
      return parentId === undefined ? moved : { ...moved, nodes: parentsFirst(moved.nodes) };
    }
    case 'resizeNode':
      return updateNode(design, cmd.nodeId, (n) => ({ ...n, size: { width: cmd.size.width, height: cmd.size.height } }));
    case 'replace':
      return cmd.design;
  }
}

/**
 * Nodes reordered so that every group comes before its members (React Flow draws and positions a
 * member only after its parent); otherwise the order is kept.
 */
export function parentsFirst(nodes: DesignNode[]): DesignNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const out: DesignNode[] = [];
  const place = (n: DesignNode, depth: number) => {
    if (placed.has(n.id) || depth > nodes.length) return;
    const parent = n.parentId === undefined ? undefined : byId.get(n.parentId);
    if (parent) place(parent, depth + 1);
    if (!placed.has(n.id)) (placed.add(n.id), out.push(n));
  };
  for (const n of nodes) place(n, 0);
  return out.every((n, i) => n === nodes[i]) ? nodes : out;
}

function hasId(design: Design, id: string): boolean {
  return design.nodes.some((n) => n.id === id) || design.edges.some((e) => e.id === id);
}

function updateNode(design: Design, id: string, update: (n: DesignNode) => DesignNode): Design {
  const i = design.nodes.findIndex((n) => n.id === id);
  if (i < 0) return design;
  const nodes = design.nodes.slice();
  nodes[i] = update(nodes[i]!);
  return { ...design, nodes };
}

/**
 * A fresh id for a new node or edge, unique in the design: `<prefix>-<n>` with the smallest free n.
 * @param prefix e.g. a short service name (`kinesis`) or `e`
 */
export function freshId(design: Design, prefix: string): string {
  const taken = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
