/**
 * Edits as data: every change to a design is a command record applied by `applyCommand`, a pure
 * function that returns the next design (the input is never mutated). The store records history per
 * command; a drag is committed as one `moveNodes` at drag end.
 */
import type { Settings, SettingValue } from './catalog.ts';
import type { Design, DesignEdge, DesignNode, EdgeSettings } from './design.ts';
import { clampCoordinate, clampSize, edgeKey, heights, MAX_EDGE_LABEL_LENGTH, MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_NESTING_DEPTH, nesting, validId, withMembers } from './invariants.ts';

/** A string cut to `max` characters, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** A new node with its position (and size) brought into the stated range. */
function withinRange(node: DesignNode): DesignNode {
  const position = { x: clampCoordinate(node.position.x), y: clampCoordinate(node.position.y) };
  const size = node.size && { width: clampSize(node.size.width), height: clampSize(node.size.height) };
  return { ...node, position, ...(size ? { size } : {}) };
}

/** New positions by node id (canvas px, relative to the node's group). A `Map`: ids are data, never object members. */
export type Positions = ReadonlyMap<string, { x: number; y: number }>;

export type Command =
  | { type: 'addNode'; node: DesignNode }
  | { type: 'addNodes'; nodes: DesignNode[]; edges?: DesignEdge[] }
  | { type: 'moveNodes'; positions: Positions }
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
 * Applies a command. Commands naming ids that do not exist change nothing. The design invariants of
 * invariants.ts hold after every command, as `loadDesign` checks them: `connect` (and the edges of
 * `addNodes`) refuse a duplicate id, a self-loop or a second edge between the same two nodes in the
 * same direction; `moveNodes` and `resizeNode` bring positions and sizes into range (a non-finite one
 * is ignored); `setParent` refuses a loop and nesting deeper than `MAX_NESTING_DEPTH`. Catalog checks
 * (is this connection allowed?) are the caller's, so the refusal can be explained to the user.
 * Linear in nodes + edges for every command.
 * @returns the next design; the same object when nothing changed
 */
export function applyCommand(design: Design, cmd: Command): Design {
  switch (cmd.type) {
    case 'addNode':
      return !validId(cmd.node.id) || hasId(design, cmd.node.id) || (cmd.node.parentId !== undefined && !design.nodes.some((n) => n.id === cmd.node.parentId)) ? design : { ...design, nodes: [...design.nodes, withinRange(cmd.node)] };
    case 'addNodes': {
      const taken = idsOf(design);
      const fresh: DesignNode[] = [];
      for (const n of cmd.nodes) if (validId(n.id) && !taken.has(n.id)) taken.add(n.id), fresh.push(withinRange(n));
      const nodeIds = new Set([...design.nodes.map((n) => n.id), ...fresh.map((n) => n.id)]);
      const directions = new Set(design.edges.map((e) => edgeKey(e.source, e.target)));
      const edges: DesignEdge[] = [];
      for (const e of cmd.edges ?? []) {
        const key = edgeKey(e.source, e.target);
        if (!validId(e.id) || !nodeIds.has(e.source) || !nodeIds.has(e.target) || e.source === e.target || taken.has(e.id) || directions.has(key)) continue;
        taken.add(e.id);
        directions.add(key);
        edges.push(e);
      }
      return fresh.length || edges.length ? { ...design, nodes: [...design.nodes, ...fresh], edges: [...design.edges, ...edges] } : design;
    }
    case 'moveNodes': {
      let changed = false;
      const nodes = design.nodes.map((n) => {
        const p = cmd.positions.get(n.id);
        if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
        const x = clampCoordinate(p.x);
        const y = clampCoordinate(p.y);
        if (x === n.position.x && y === n.position.y) return n;
        changed = true;
        return { ...n, position: { x, y } };
      });
      return changed ? { ...design, nodes } : design;
    }
    case 'removeElements': {
      // Removing a group removes what sits in it, as in React Flow and draw.io.
      const nodeIds = withMembers(
        design.nodes,
        cmd.nodeIds.filter((id) => design.nodes.some((n) => n.id === id)),
      );
      const edgeIds = new Set(cmd.edgeIds);
      const nodes = design.nodes.filter((n) => !nodeIds.has(n.id));
      const edges = design.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
      return nodes.length === design.nodes.length && edges.length === design.edges.length ? design : { ...design, nodes, edges };
    }
    case 'connect': {
      const { edge } = cmd;
      const ok =
        validId(edge.id) &&
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
        return cmd.label.trim() ? { ...rest, label: clip(cmd.label, MAX_LABEL_LENGTH) } : rest;
      });
    case 'setEdgeSettings': {
      const i = design.edges.findIndex((e) => e.id === cmd.edgeId);
      if (i < 0) return design;
      const edges = design.edges.slice();
      const next: EdgeSettings = { ...(edges[i]!.settings ?? {}) };
      if (typeof cmd.settings.tls === 'boolean') next.tls = cmd.settings.tls;
      if (typeof cmd.settings.label === 'string') next.label = clip(cmd.settings.label, MAX_EDGE_LABEL_LENGTH);
      edges[i] = { ...edges[i]!, settings: next };
      return { ...design, edges };
    }
    case 'setParent': {
      const { nodeId, parentId, position } = cmd;
      if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) return design;
      if (parentId !== undefined) {
        // Refuse a missing parent, a loop (a group into itself or into one of its members) and
        // nesting deeper than the limit (the parent's depth + 1 + the levels below the node).
        if (!design.nodes.some((n) => n.id === parentId)) return design;
        if (withMembers(design.nodes, [nodeId]).has(parentId)) return design;
        if (nestingDepthIfMoved(design, nodeId, parentId) > MAX_NESTING_DEPTH) return design;
      }
      const moved = updateNode(design, nodeId, (n) => {
        const { parentId: _old, ...rest } = n;
        return { ...rest, position: { x: clampCoordinate(position.x), y: clampCoordinate(position.y) }, ...(parentId !== undefined ? { parentId } : {}) };
      });
      return parentId === undefined ? moved : { ...moved, nodes: parentsFirst(moved.nodes) };
    }
    case 'resizeNode':
      if (!Number.isFinite(cmd.size.width) || !Number.isFinite(cmd.size.height)) return design;
      return updateNode(design, cmd.nodeId, (n) => ({ ...n, size: { width: clampSize(cmd.size.width), height: clampSize(cmd.size.height) } }));
    case 'replace':
      return cmd.design;
  }
}

/**
 * Nodes reordered so that every group comes before its members (React Flow draws and positions a
 * member only after its parent); otherwise the order is kept. Linear, without recursion; nodes on a
 * loop of parents keep their order.
 * @returns the same array when the order is already right
 */
export function parentsFirst(nodes: DesignNode[]): DesignNode[] {
  const byId = new Map<string, DesignNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const placed = new Set<DesignNode>();
  const out: DesignNode[] = [];
  const chain: DesignNode[] = [];
  for (const n of nodes) {
    // Collect the unplaced ancestors (a loop ends the walk), then place them outermost first.
    const onChain = new Set<DesignNode>();
    for (let cur: DesignNode | undefined = n; cur && !placed.has(cur) && !onChain.has(cur); cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId)) {
      onChain.add(cur);
      chain.push(cur);
    }
    while (chain.length) {
      const c = chain.pop()!;
      placed.add(c);
      out.push(c);
    }
  }
  return out.length === nodes.length && out.every((n, i) => n === nodes[i]) ? nodes : out;
}

/** The depth `nodeId`'s deepest member would have if the node were moved into `parentId`. */
function nestingDepthIfMoved(design: Design, nodeId: string, parentId: string): number {
  const { depth } = nesting(design.nodes);
  const below = heights(design.nodes, depth).get(nodeId) ?? 0;
  return (depth.get(parentId) ?? 0) + 1 + below;
}

function idsOf(design: Design): Set<string> {
  const out = new Set<string>();
  for (const n of design.nodes) out.add(n.id);
  for (const e of design.edges) out.add(e.id);
  return out;
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
  return freshIdIn(idsOf(design), prefix);
}

/**
 * As `freshId`, against a set of taken ids (which the caller keeps up to date when it takes many ids
 * in a row, e.g. a paste of 10,000 nodes).
 */
export function freshIdIn(taken: ReadonlySet<string>, longPrefix: string): string {
  const prefix = clip(longPrefix, MAX_ID_LENGTH - 12); // room for `-<n>` within the id length limit
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
