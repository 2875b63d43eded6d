/**
 * The invariants every design holds, shared by the loader (`loadDesign`) and the editor's commands
 * (`applyCommand`), so a file can never hold what the editor would refuse, and the other way round:
 * - positions within ±`MAX_COORDINATE` canvas px on each axis;
 * - group sizes from `MIN_SIZE` to `MAX_SIZE` px on each side;
 * - groups nested at most `MAX_NESTING_DEPTH` deep (a node sits in at most that many groups);
 * - no edge from a node to itself, and at most one edge per (source, target) pair.
 * The limits are product decisions, not AWS figures: far beyond any real diagram (a canvas of two
 * million px a side; AWS's own reference diagrams nest account > Region > VPC > subnet, 4 levels),
 * and small enough that the canvas's arithmetic stays exact and the ancestry of every node is short.
 *
 * Every walk up the parent chain here is a loop (no recursion), and each node's ancestry is computed
 * once, so the work is linear in nodes for any input, including a 10,000-level chain or a loop.
 */
import type { DesignEdge, DesignNode } from './design.ts';

/** Largest |x| or |y| of a node's position, canvas px. */
export const MAX_COORDINATE = 1_000_000;
/** Smallest width or height of a group box, canvas px. */
export const MIN_SIZE = 1;
/** Largest width or height of a group box, canvas px. */
export const MAX_SIZE = 100_000;
/** Deepest nesting: a node may sit in at most this many groups (a group inside a group inside ...). */
export const MAX_NESTING_DEPTH = 16;

/** Longest node label, characters. */
export const MAX_LABEL_LENGTH = 200;
/** Longest connection label, characters. */
export const MAX_EDGE_LABEL_LENGTH = 80;
/** Longest node or edge id, characters. */
export const MAX_ID_LENGTH = 200;

/** Whether a string can be a node or edge id: 1 to MAX_ID_LENGTH characters (any characters: ids are data). */
export function validId(id: unknown): id is string {
  return typeof id === 'string' && id.length >= 1 && id.length <= MAX_ID_LENGTH;
}

/** Whether a position is finite and within ±MAX_COORDINATE on both axes. */
export function positionInRange(p: { x: number; y: number }): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && Math.abs(p.x) <= MAX_COORDINATE && Math.abs(p.y) <= MAX_COORDINATE;
}

/** A coordinate brought into range (a non-finite one becomes 0). */
export function clampCoordinate(v: number): number {
  return Number.isFinite(v) ? Math.min(MAX_COORDINATE, Math.max(-MAX_COORDINATE, v)) : 0;
}

/** Whether a group size is finite and from MIN_SIZE to MAX_SIZE on both sides. */
export function sizeInRange(s: { width: number; height: number }): boolean {
  return Number.isFinite(s.width) && Number.isFinite(s.height) && s.width >= MIN_SIZE && s.height >= MIN_SIZE && s.width <= MAX_SIZE && s.height <= MAX_SIZE;
}

/** A side length brought into range (a non-finite one becomes MIN_SIZE). */
export function clampSize(v: number): number {
  return Number.isFinite(v) ? Math.min(MAX_SIZE, Math.max(MIN_SIZE, v)) : MIN_SIZE;
}

/** The key of an edge's direction: one edge per key is allowed. */
export function edgeKey(source: string, target: string): string {
  return JSON.stringify([source, target]);
}

/** Ancestry facts of every node, computed in one linear pass. */
export interface Nesting {
  /** Node id -> how many groups it sits in (0 at top level). Nodes on or under a parent loop are absent. */
  depth: Map<string, number>;
  /** Ids of nodes whose parent chain runs into a loop (or that are on one). */
  inLoop: Set<string>;
}

/**
 * Depth of every node (how many groups contain it), following `parentId` to the first node that has
 * none or whose parent is not in the list. Linear in nodes: every chain is walked once, with a loop.
 * When ids repeat, the first node with an id counts.
 */
export function nesting(nodes: readonly Pick<DesignNode, 'id' | 'parentId'>[]): Nesting {
  const parentOf = new Map<string, string | undefined>();
  for (const n of nodes) if (!parentOf.has(n.id)) parentOf.set(n.id, n.parentId);
  const depth = new Map<string, number>();
  const inLoop = new Set<string>();
  const onPath = new Set<string>();
  for (const n of nodes) {
    if (depth.has(n.id) || inLoop.has(n.id)) continue;
    // Walk up until a node whose depth is known, a root, a missing parent or a loop.
    const chain: string[] = [];
    let cur: string | undefined = n.id;
    let base = -1;
    let loop = false;
    while (cur !== undefined) {
      const known = depth.get(cur);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (inLoop.has(cur) || onPath.has(cur)) {
        loop = true;
        break;
      }
      onPath.add(cur);
      chain.push(cur);
      const p: string | undefined = parentOf.get(cur);
      cur = p !== undefined && parentOf.has(p) ? p : undefined;
    }
    for (const id of chain) onPath.delete(id);
    if (loop) {
      for (const id of chain) inLoop.add(id);
      continue;
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++base);
  }
  return { depth, inLoop };
}

/**
 * How many levels of nodes hang below each node (0 for a node with no members), ignoring loops.
 * Linear in nodes (given their depths from `nesting`).
 */
export function heights(nodes: readonly Pick<DesignNode, 'id' | 'parentId'>[], depth: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  const deepestFirst = nodes.filter((n) => depth.has(n.id)).sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
  for (const n of deepestFirst) {
    const h = out.get(n.id) ?? 0;
    if (!out.has(n.id)) out.set(n.id, 0);
    if (n.parentId !== undefined && depth.has(n.parentId)) out.set(n.parentId, Math.max(out.get(n.parentId) ?? 0, h + 1));
  }
  return out;
}

/** Children by parent id, in node order. */
export function childrenByParent(nodes: readonly Pick<DesignNode, 'id' | 'parentId'>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId === undefined) continue;
    const list = out.get(n.parentId);
    if (list) list.push(n.id);
    else out.set(n.parentId, [n.id]);
  }
  return out;
}

/**
 * The given ids plus every node inside them at any depth (members of a removed or copied group).
 * Linear in nodes; loops of parents end the walk.
 */
export function withMembers(nodes: readonly Pick<DesignNode, 'id' | 'parentId'>[], ids: Iterable<string>): Set<string> {
  const children = childrenByParent(nodes);
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) if (!out.has(c)) stack.push(c);
  }
  return out;
}

/** An edge that breaks an edge invariant: the reason, for messages. */
export function edgeProblem(edge: Pick<DesignEdge, 'source' | 'target'>, seen: ReadonlySet<string>): 'self-loop' | 'parallel' | undefined {
  if (edge.source === edge.target) return 'self-loop';
  if (seen.has(edgeKey(edge.source, edge.target))) return 'parallel';
  return undefined;
}
