/**
 * Graph queries over a design: nodes resolved against the catalog (full settings, roles), data edges,
 * latency of a node, write capacity, and the fastest path from one kind of node to another. Rules and
 * the simulation read designs only through this module.
 */
import { settingApplies, withDefaults, type Catalog, type CatalogEntry, type SettingSpec, type Settings } from './catalog.ts';
import type { Design } from './design.ts';

/** A node with its catalog entry, its settings with defaults applied, and its roles. */
export interface ResolvedNode {
  readonly id: string;
  readonly service: string;
  /** The label shown on the canvas: the node's own label or the entry's short name. */
  readonly label: string;
  readonly entry: CatalogEntry;
  readonly settings: Settings;
  /** The entry's roles plus those of the enum options chosen in its settings. */
  readonly roles: ReadonlySet<string>;
  /** The group node this node sits in, if any. */
  readonly parentId?: string;
}

/** An edge between two resolved nodes. `data` is false when either end does not carry data (KMS, CloudWatch...). */
export interface ResolvedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly tls: boolean;
  readonly data: boolean;
  /** Positions of the source and of the target in `DesignGraph.nodes`. */
  readonly sourceIndex: number;
  readonly targetIndex: number;
}

/**
 * A kind of node as rules name it: a catalog id (`amazon-s3`) or a role (`object-store`); or `#` and
 * a node id (`#kds`) for that one node, as the simulation asks for the path from one source to one sink.
 */
export type Kind = string;

/** A path through the design: node ids in order, the edges between them, and the total delay in ms. */
export interface Path {
  nodeIds: string[];
  edgeIds: string[];
  latencyMs: number;
}

/** A design resolved against the catalog, with adjacency lists. Build once per grading run. */
export class DesignGraph {
  readonly nodes: readonly ResolvedNode[];
  readonly edges: readonly ResolvedEdge[];
  /** Node id -> position in `nodes`. */
  private readonly positions = new Map<string, number>();
  /** Edges leaving / entering each node, by position in `nodes` (undefined: none). */
  private readonly outgoing: (ResolvedEdge[] | undefined)[];
  private readonly incoming: (ResolvedEdge[] | undefined)[];

  /**
   * @param design the design; nodes whose service is not in the catalog, and edges touching them or
   *   missing nodes, are left out (loading reports those), so building never throws
   */
  constructor(
    design: Design,
    readonly catalog: Catalog,
  ) {
    const nodes: ResolvedNode[] = [];
    for (const node of design.nodes) {
      const entry = catalog.byId.get(node.service);
      if (!entry || this.positions.has(node.id)) continue;
      const settings = withDefaults(entry, node.settings);
      const resolved: { -readonly [K in keyof ResolvedNode]: ResolvedNode[K] } = { id: node.id, service: node.service, label: node.label || entry.shortName, entry, settings, roles: rolesOf(entry, settings) };
      if (node.parentId !== undefined) resolved.parentId = node.parentId;
      this.positions.set(node.id, nodes.length);
      nodes.push(resolved);
    }
    const edges: ResolvedEdge[] = [];
    const outDegree = new Int32Array(nodes.length);
    const inDegree = new Int32Array(nodes.length);
    for (const edge of design.edges) {
      const s = this.positions.get(edge.source);
      const t = this.positions.get(edge.target);
      if (s === undefined || t === undefined) continue;
      const resolved: ResolvedEdge = { id: edge.id, source: edge.source, target: edge.target, tls: edge.settings?.tls ?? true, data: nodes[s]!.entry.dataFlow && nodes[t]!.entry.dataFlow, sourceIndex: s, targetIndex: t };
      edges.push(resolved);
      outDegree[s]!++;
      inDegree[t]!++;
    }
    // Each node's lists are made at their final length (a list grown by `push` keeps room for 17
    // edges, most of a large design's graph), then filled in design order.
    const outgoing = edgeLists(outDegree);
    const incoming = edgeLists(inDegree);
    outDegree.fill(0);
    inDegree.fill(0);
    for (const e of edges) {
      outgoing[e.sourceIndex]![outDegree[e.sourceIndex]!++] = e;
      incoming[e.targetIndex]![inDegree[e.targetIndex]!++] = e;
    }
    this.nodes = nodes;
    this.edges = edges;
    this.outgoing = outgoing;
    this.incoming = incoming;
  }

  node(id: string): ResolvedNode | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** Position of a node in `nodes`, or undefined for an id not in the graph. */
  indexOf(id: string): number | undefined {
    return this.positions.get(id);
  }

  /**
   * Sets each node's delay as the simulation computes it from the flow (a Firehose stream that fills
   * its buffer before the interval, a job chained after another); path searches then use these.
   * Nodes absent from the map keep `nodeLatencyMs`.
   */
  useLatencies(latencies: ReadonlyMap<string, number>): void {
    const delays = new Float64Array(this.nodes.length);
    for (let i = 0; i < this.nodes.length; i++) delays[i] = latencies.get(this.nodes[i]!.id) ?? nodeLatencyMs(this.nodes[i]!);
    this.useLatenciesAt(delays);
  }
  /** `useLatencies` with every node's delay, ms, by position in `nodes` (the array is kept, not copied). */
  useLatenciesAt(delays: Float64Array): void {
    this.delays = delays;
  }
  /** Each node's delay by position in `nodes`: as given to `useLatencies`, else `nodeLatencyMs` (built on first use). */
  private delays: Float64Array | undefined;
  private delayByIndex(): Float64Array {
    if (!this.delays) {
      this.delays = new Float64Array(this.nodes.length);
      for (let i = 0; i < this.nodes.length; i++) this.delays[i] = nodeLatencyMs(this.nodes[i]!);
    }
    return this.delays;
  }
  private adjacency: (readonly ResolvedEdge[])[] | undefined;
  /** Outgoing data edges of each node by position in `nodes` (built on first use). */
  private dataOut(): (readonly ResolvedEdge[])[] {
    if (!this.adjacency) {
      const adjacency = new Array<readonly ResolvedEdge[]>(this.nodes.length);
      for (let i = 0; i < this.nodes.length; i++) {
        const all = this.outAt(i);
        // Most nodes send data on every edge: their list serves as it is.
        adjacency[i] = all.every((e) => e.data) ? all : all.filter((e) => e.data);
      }
      this.adjacency = adjacency;
    }
    return this.adjacency;
  }
  /** Data edges leaving the node at position `i` of `nodes`, in design order. */
  dataOutAt(i: number): readonly ResolvedEdge[] {
    return this.dataOut()[i]!;
  }
  /** Delay data spends in the node, ms: the simulation's figure when set (`useLatencies`), else `nodeLatencyMs`. */
  latencyOf(node: ResolvedNode): number {
    const i = this.positions.get(node.id);
    return i === undefined ? nodeLatencyMs(node) : this.delayByIndex()[i]!;
  }
  /** `latencyOf` the node at position `i` of `nodes`, ms. */
  latencyAt(i: number): number {
    return this.delayByIndex()[i]!;
  }
  /** Catalog ids of the nodes whose data edges enter this node. */
  inputServices(id: string): string[] {
    const services: string[] = [];
    for (const e of this.in(id)) if (e.data) services.push(this.nodes[e.sourceIndex]!.service);
    return services;
  }
  /**
   * The groups a node sits in, innermost first (a subnet's VPC, then its Region, then its account).
   * Parents that are missing end the chain; a loop of parents is cut where it repeats.
   */
  groupsOf(id: string): ResolvedNode[] {
    const out: ResolvedNode[] = [];
    const seen = new Set([id]);
    for (let p = this.node(id)?.parentId; p !== undefined && !seen.has(p); ) {
      const group = this.node(p);
      if (!group) break;
      out.push(group);
      seen.add(p);
      p = group.parentId;
    }
    return out;
  }
  /** The innermost group of any of the kinds that the node sits in. */
  groupOf(id: string, kinds: readonly Kind[]): ResolvedNode | undefined {
    return this.groupsOf(id).find((g) => isKind(g, kinds));
  }
  /**
   * Nodes inside a group, at any depth, in design order. Walks only the group's own members (a
   * children index is built once per graph), so asking for every group is linear in nodes times the
   * nesting depth (at most 16 for a loaded design); a loop of parents ends where it repeats.
   */
  membersOf(groupId: string): ResolvedNode[] {
    if (!this.children) {
      this.children = new Map();
      for (const n of this.nodes) if (n.parentId !== undefined) push(this.children, n.parentId, n);
    }
    const found = new Set<ResolvedNode>();
    const stack = [...(this.children.get(groupId) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (found.has(n) || n.id === groupId) continue;
      found.add(n);
      for (const c of this.children.get(n.id) ?? []) stack.push(c);
    }
    return this.nodes.length < found.size * 4 ? this.nodes.filter((n) => found.has(n)) : [...found].sort((x, y) => this.indexById().get(x.id)! - this.indexById().get(y.id)!);
  }
  private children: Map<string, ResolvedNode[]> | undefined;

  /** Edges leaving a node (data and control). */
  out(id: string): readonly ResolvedEdge[] {
    const i = this.positions.get(id);
    return (i !== undefined && this.outgoing[i]) || NO_EDGES;
  }
  /** Edges entering a node (data and control). */
  in(id: string): readonly ResolvedEdge[] {
    const i = this.positions.get(id);
    return (i !== undefined && this.incoming[i]) || NO_EDGES;
  }
  /** Edges leaving the node at position `i` of `nodes` (data and control). */
  outAt(i: number): readonly ResolvedEdge[] {
    return this.outgoing[i] ?? NO_EDGES;
  }
  /** Edges entering the node at position `i` of `nodes` (data and control). */
  inAt(i: number): readonly ResolvedEdge[] {
    return this.incoming[i] ?? NO_EDGES;
  }
  /** Nodes of any of the kinds (catalog id, role or `#id`). Only `#id` kinds: looked up directly, not a scan. */
  nodesOf(kinds: readonly Kind[]): ResolvedNode[] {
    if (kinds.length && kinds.every((k) => k.startsWith('#'))) {
      const found = new Set<ResolvedNode>();
      for (const k of kinds) {
        const n = this.node(k.slice(1));
        if (n) found.add(n);
      }
      return [...found];
    }
    const masks = kinds.map((k) => this.kindMask(k));
    const out: ResolvedNode[] = [];
    for (let i = 0; i < this.nodes.length; i++) {
      for (const m of masks)
        if (m[i]) {
          out.push(this.nodes[i]!);
          break;
        }
    }
    return out;
  }
  /** Nodes connected to `id` by an edge in either direction, of any of the kinds. */
  neighboursOf(id: string, kinds: readonly Kind[]): ResolvedNode[] {
    const found: ResolvedNode[] = [];
    for (const e of this.out(id)) {
      const n = this.nodes[e.targetIndex]!;
      if (isKind(n, kinds)) found.push(n);
    }
    for (const e of this.in(id)) {
      const n = this.nodes[e.sourceIndex]!;
      if (isKind(n, kinds)) found.push(n);
    }
    return found;
  }

  /** Whether `id` has an edge in either direction to a node of any of the kinds (`neighboursOf(id, kinds).length > 0`, without the list). */
  hasNeighbourOf(id: string, kinds: readonly Kind[]): boolean {
    for (const e of this.out(id)) if (isKind(this.nodes[e.targetIndex]!, kinds)) return true;
    for (const e of this.in(id)) if (isKind(this.nodes[e.sourceIndex]!, kinds)) return true;
    return false;
  }

  /**
   * Node ids reachable from the given nodes along data edges (the start nodes included).
   * Linear in nodes + edges; cycles are fine. Computed once per list of start ids and graph (several
   * rules ask from the sources), so the set is shared: read-only.
   */
  reachableFrom(startIds: readonly string[]): ReadonlySet<string> {
    const key = JSON.stringify(startIds);
    let reached = this.reached.get(key);
    if (!reached) this.reached.set(key, (reached = this.walkFrom(startIds)));
    return reached;
  }
  private readonly reached = new Map<string, ReadonlySet<string>>();
  private walkFrom(startIds: readonly string[]): Set<string> {
    const index = this.indexById();
    const adjacency = this.dataOut();
    const seen = new Set(startIds);
    // One array of marks per graph, cleared after each walk (only what it marked), so a walk from one
    // node costs what that node reaches, not the size of the design.
    const marked = (this.marks ??= new Uint8Array(this.nodes.length));
    const visited: number[] = [];
    const stack: number[] = [];
    for (const id of startIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      if (!marked[i]) {
        marked[i] = 1;
        visited.push(i);
      }
      stack.push(i);
    }
    markReachable(this.nodes, adjacency, marked, stack, visited, seen);
    for (let k = 0; k < visited.length; k++) marked[visited[k]!] = 0;
    return seen;
  }

  /**
   * The fastest path along data edges from a node of a `from` kind to a node of a `to` kind that passes,
   * in order, through a node of each `through` kind. A path has at least one edge and ends at another
   * node than it starts from. Delay is the sum of `nodeLatencyMs` of every node
   * on the path (`latencyOf`). Dijkstra over (node, stage) pairs: O((V x S + E x S) log V) for S stages.
   * @param blocked node ids the path may not use (stages that cannot carry the load)
   * @returns the path, or `undefined` when none exists
   */
  fastestPath(from: readonly Kind[], to: readonly Kind[], through: readonly Kind[] = [], blocked?: ReadonlySet<string>): Path | undefined {
    const stages = through.length;
    const states = stages + 1;
    // A state is (node, stage, moved) packed in one number, as in `fastestPathsFrom`. `moved` tells a
    // start state from the same node reached again, so a path can run from one node of a kind to another
    // of the same kind (event bus to event bus) and always has at least one edge.
    const index = this.indexById();
    const adjacency = this.dataOut();
    const delays = this.delayByIndex();
    const stageMasks = through.map((k) => this.kindMask(k));
    const toMask = this.kindsMask(to);
    const starts = this.nodesOf(from);
    const store = this.searchStore(this.nodes.length * states * 2, starts.length > 1);
    const queue = new MinHeap<number>();
    // The blocked nodes by position (1: blocked), so the search asks an array, not a set of ids, per edge.
    let blockedAt: Uint8Array | undefined;
    if (blocked?.size) {
      blockedAt = new Uint8Array(this.nodes.length);
      for (const id of blocked) {
        const b = index.get(id);
        if (b !== undefined) blockedAt[b] = 1;
      }
    }
    for (const n of starts) {
      if (blocked?.has(n.id)) continue;
      const i = index.get(n.id)!;
      const state = (i * states + (stages > 0 && stageMasks[0]![i] ? 1 : 0)) * 2;
      const d = delays[i]!;
      if (d < store.dist(state)) {
        store.setDist(state, d);
        queue.push(d, state);
      }
    }
    while (queue.size) {
      const d = queue.peekPriority();
      const state = queue.pop()!;
      if (d > store.dist(state)) continue;
      const i = Math.floor(state / 2 / states);
      const node = this.nodes[i]!;
      const stage = Math.floor(state / 2) % states;
      if (stage === stages && state % 2 === 1 && toMask[i]) {
        const path = this.unwindState(state, d, states, store);
        if (path.nodeIds[0] !== node.id) return path; // a loop back to its own start is not a path
      }
      const edges = adjacency[i]!;
      for (let k = 0; k < edges.length; k++) {
        const e = edges[k]!;
        const t = e.targetIndex;
        if (blockedAt?.[t]) continue;
        const next = (t * states + (stage < stages && stageMasks[stage]![t] ? stage + 1 : stage)) * 2 + 1;
        const nd = d + delays[t]!;
        if (nd < store.dist(next)) {
          store.setDist(next, nd);
          store.setPrev(next, state, k);
          queue.push(nd, next);
        }
      }
    }
    return undefined;
  }

  /**
   * The fastest paths along data edges from a set of start nodes to every node they reach, passing in
   * order through a node of each `through` kind, with one Dijkstra run over (node, stage) pairs
   * (O((V + E) x S log V) for S stages) instead of one `fastestPath` per target. With one start node,
   * the path to `target` is the one `fastestPath(['#' + start], ['#' + target], through)` finds (same
   * search order, so the same path among equally fast ones); with several, the same delay. A path has
   * at least one edge, and a loop back to its own start is not a path (as in `fastestPath`).
   * @param startIds ids of the start nodes (unknown ids are ignored)
   * @returns `pathTo(target)`: the path, or `undefined` when `target` is not reached through the stages
   */
  fastestPathsFrom(startIds: readonly string[], through: readonly Kind[] = []): { pathTo(target: string): Path | undefined } {
    const stages = through.length;
    // A state is (node, stage, moved) packed in one number; `moved` as in `fastestPath`: a start state
    // is apart from the same node reached again along an edge.
    const states = stages + 1;
    const index = this.indexById();
    const adjacency = this.dataOut();
    const delays = this.delayByIndex();
    const stageMasks = through.map((k) => this.kindMask(k));
    // Sparse for one start node: its search touches only what it reaches, so its cost does not grow with the design.
    const store = this.searchStore(this.nodes.length * states * 2, startIds.length > 1);
    const queue = new MinHeap<number>();
    for (const id of startIds) {
      const node = this.node(id);
      if (!node) continue;
      const i = index.get(id)!;
      const state = (i * states + (stages > 0 && stageMasks[0]![i] ? 1 : 0)) * 2;
      const d = delays[i]!;
      if (d < store.dist(state)) {
        store.setDist(state, d);
        queue.push(d, state);
      }
    }
    while (queue.size) {
      const d = queue.peekPriority();
      const state = queue.pop()!;
      if (d > store.dist(state)) continue;
      const stage = Math.floor(state / 2) % states;
      const edges = adjacency[Math.floor(state / 2 / states)]!;
      for (let k = 0; k < edges.length; k++) {
        const e = edges[k]!;
        const t = e.targetIndex;
        const next = (t * states + (stage < stages && stageMasks[stage]![t] ? stage + 1 : stage)) * 2 + 1;
        const nd = d + delays[t]!;
        if (nd < store.dist(next)) {
          store.setDist(next, nd);
          store.setPrev(next, state, k);
          queue.push(nd, next);
        }
      }
    }
    return {
      pathTo: (target) => {
        const i = index.get(target);
        if (i === undefined) return undefined;
        const end = (i * states + stages) * 2 + 1;
        if (store.prev(end) < 0) return undefined;
        const path = this.unwindState(end, store.dist(end), states, store);
        if (path.nodeIds[0] === target) return undefined; // a loop back to its own start is not a path
        return path;
      },
    };
  }

  private marks: Uint8Array | undefined;
  private readonly masks = new Map<Kind, Uint8Array>();
  /** Which nodes (by position in `nodes`) are of one kind: 1 or 0, computed once per kind and graph. */
  private kindMask(kind: Kind): Uint8Array {
    let mask = this.masks.get(kind);
    if (!mask) {
      mask = new Uint8Array(this.nodes.length);
      if (kind.charCodeAt(0) === 35 /* # */) {
        const i = this.indexById().get(kind.slice(1));
        if (i !== undefined) mask[i] = 1;
      } else for (let i = 0; i < this.nodes.length; i++) if (isOfKind(this.nodes[i]!, kind)) mask[i] = 1;
      this.masks.set(kind, mask);
    }
    return mask;
  }
  /** For each node (by position), whether it is of any of the kinds. */
  private kindsMask(kinds: readonly Kind[]): Uint8Array {
    if (kinds.length === 1) return this.kindMask(kinds[0]!);
    const mask = new Uint8Array(this.nodes.length);
    for (const k of kinds) {
      const m = this.kindMask(k);
      for (let i = 0; i < m.length; i++) mask[i]! |= m[i]!;
    }
    return mask;
  }
  /** A search's distances and back-pointers: dense arrays for a search from many nodes, maps for one that touches little. */
  private searchStore(size: number, dense: boolean): SearchStore {
    return dense ? new DenseStore(size) : new SparseStore();
  }

  /** Node id -> position in `nodes`. */
  private indexById(): ReadonlyMap<string, number> {
    return this.positions;
  }

  /**
   * `fastestPathsFrom([id])` for each start node in turn (no stages): `visit` gets the start, the
   * positions in `nodes` of the nodes its search reached along at least one edge, and the path to a
   * node by position (as `pathTo`); both are valid only during that call. One set of dense arrays
   * serves every search (reset after each), so the cost is that of what each start node reaches.
   */
  eachFastestPaths(startIds: readonly string[], visit: (startId: string, reached: readonly number[], pathTo: (target: number) => Path | undefined) => void): void {
    const index = this.indexById();
    const adjacency = this.dataOut();
    const delays = this.delayByIndex();
    const store = new ReusableStore(this.nodes.length * 2);
    const reached: number[] = [];
    const pathTo = (t: number): Path | undefined => {
      const end = t * 2 + 1;
      if (store.prev(end) < 0) return undefined;
      const path = this.unwindState(end, store.dist(end), 1, store);
      return path.nodeIds[0] === this.nodes[t]!.id ? undefined : path; // a loop back to its own start is not a path
    };
    // One heap serves every search: each runs until it is empty.
    const queue = new MinHeap<number>();
    for (const id of startIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      store.setDist(i * 2, delays[i]!);
      queue.push(delays[i]!, i * 2);
      while (queue.size) {
        const d = queue.peekPriority();
        const state = queue.pop()!;
        if (d > store.dist(state)) continue;
        const edges = adjacency[state >> 1]!;
        for (let k = 0; k < edges.length; k++) {
          const e = edges[k]!;
          const next = e.targetIndex * 2 + 1;
          const nd = d + delays[e.targetIndex]!;
          if (nd < store.dist(next)) {
            store.setDist(next, nd);
            store.setPrev(next, state, k);
            queue.push(nd, next);
          }
        }
      }
      reached.length = 0;
      for (const state of store.touched) if (state % 2 === 1) reached.push(state >> 1);
      visit(id, reached, pathTo);
      store.reset();
    }
  }

  /** The path ending in a packed search state, walked back through the store's back-pointers. */
  private unwindState(end: number, latencyMs: number, states: number, store: SearchStore): Path {
    const adjacency = this.dataOut();
    // Counted first, so the lists are made at their length (reports keep thousands of paths).
    let length = 0;
    for (let cur = end; cur >= 0; cur = store.prev(cur)) length++;
    const nodeIds = new Array<string>(length);
    const edgeIds = new Array<string>(length - 1);
    let at = length - 1;
    for (let cur = end; cur >= 0; cur = store.prev(cur), at--) {
      nodeIds[at] = this.nodes[Math.floor(cur / 2 / states)]!.id;
      const prev = store.prev(cur);
      if (prev >= 0) edgeIds[at - 1] = adjacency[Math.floor(prev / 2 / states)]![store.edge(cur)]!.id;
    }
    return { nodeIds, edgeIds, latencyMs };
  }
}
/**
 * The depth-first part of `walkFrom`: from the positions on `stack`, marks every node reached along
 * `adjacency` (data edges), listing its position in `visited` and its id in `seen`. A function of its
 * own: with this loop inside `walkFrom`, the engine's optimised walk gave up (deoptimised, "insufficient
 * type feedback") at the first statement after the loop on every call, 625 times in a 10,000-node
 * analysis (`node --trace-deopt`), so the walks ran mostly unoptimised.
 */
function markReachable(nodes: readonly ResolvedNode[], adjacency: readonly (readonly ResolvedEdge[])[], marked: Uint8Array, stack: number[], visited: number[], seen: Set<string>): void {
  while (stack.length) {
    const edges = adjacency[stack.pop()!]!;
    for (let k = 0; k < edges.length; k++) {
      const t = edges[k]!.targetIndex;
      if (marked[t]) continue;
      marked[t] = 1;
      visited.push(t);
      seen.add(nodes[t]!.id);
      stack.push(t);
    }
  }
}

/** Whether the node is of any of the kinds (its catalog id, one of its roles, or `#` + its id). */
export function isKind(node: ResolvedNode, kinds: readonly Kind[]): boolean {
  for (const k of kinds) if (isOfKind(node, k)) return true;
  return false;
}

/** Whether the node is of one kind (its catalog id, one of its roles, or `#` + its id). */
function isOfKind(node: ResolvedNode, k: Kind): boolean {
  return k === node.service || node.roles.has(k) || (k.charCodeAt(0) === 35 /* # */ && k.length === node.id.length + 1 && k.endsWith(node.id));
}

/** The entry's roles plus those of the chosen options; nodes whose options add no role share one set per entry (read-only). */
function rolesOf(entry: CatalogEntry, settings: Settings): ReadonlySet<string> {
  // The roles of the chosen options that add some: usually one option (an S3 bucket's zone), whose set is shared.
  let first: readonly string[] | undefined;
  let roles: Set<string> | undefined;
  for (const [key, spec] of settingsOf(entry).roleSetting) {
    if (!settingApplies(spec, settings)) continue;
    const added = spec.options.find((o) => o.value === settings[key])?.roles;
    if (!added?.length) continue;
    if (!first) {
      first = added;
      continue;
    }
    roles ??= new Set([...entry.roles, ...first]);
    for (const r of added) roles.add(r);
  }
  return roles ?? (first ? rolesWith(entry, first) : entryRolesOf(entry));
}
/** The entry's roles plus those one option adds, one set per option (catalog data, read-only). */
function rolesWith(entry: CatalogEntry, added: readonly string[]): ReadonlySet<string> {
  let roles = optionRoles.get(added);
  if (!roles) optionRoles.set(added, (roles = new Set([...entry.roles, ...added])));
  return roles;
}
const optionRoles = new WeakMap<readonly string[], ReadonlySet<string>>();
function entryRolesOf(entry: CatalogEntry): ReadonlySet<string> {
  let roles = entryRoles.get(entry);
  if (!roles) entryRoles.set(entry, (roles = new Set(entry.roles)));
  return roles;
}
const entryRoles = new WeakMap<CatalogEntry, ReadonlySet<string>>();

/**
 * Delay data spends in a node, in ms: the entry's `latencyMs` figure, plus what the settings in force
 * add (an enum option's `latencyMs`, an integer setting's value x its `latencyMsPerUnit`, e.g. a
 * Firehose buffer interval of 300 s adds 300,000 ms).
 */
export function nodeLatencyMs(node: ResolvedNode): number {
  // Path searches ask for the same node many times: a resolved node never changes, so cache by object.
  let ms = latencyCache.get(node);
  if (ms === undefined) latencyCache.set(node, (ms = computeNodeLatencyMs(node)));
  return ms;
}
const latencyCache = new WeakMap<ResolvedNode, number>();

type EnumSpec = Extract<SettingSpec, { type: 'enum' }>;
/** An entry's settings that give roles (enum options with roles) or add delay, in catalog order, listed once per entry (catalog entries do not change). */
interface EntrySettings {
  roleSetting: [string, EnumSpec][];
  latencySetting: [string, SettingSpec][];
}
const entrySettings = new WeakMap<CatalogEntry, EntrySettings>();
function settingsOf(entry: CatalogEntry): EntrySettings {
  let found = entrySettings.get(entry);
  if (!found) {
    found = { roleSetting: [], latencySetting: [] };
    for (const [key, spec] of Object.entries(entry.settings)) {
      if (spec.type === 'enum' && spec.options.some((o) => o.roles?.length)) found.roleSetting.push([key, spec]);
      if ((spec.type === 'enum' && spec.options.some((o) => o.latencyMs !== undefined)) || (spec.type === 'integer' && spec.latencyMsPerUnit)) found.latencySetting.push([key, spec]);
    }
    entrySettings.set(entry, found);
  }
  return found;
}

function computeNodeLatencyMs(node: ResolvedNode, inboundMBps?: number, settings: Settings = node.settings): number {
  let ms = node.entry.figures.latencyMs?.value ?? 0;
  for (const [key, spec] of settingsOf(node.entry).latencySetting) {
    if (!settingApplies(spec, settings)) continue;
    const value = settings[key];
    if (spec.type === 'enum') ms += spec.options.find((o) => o.value === value)?.latencyMs ?? 0;
    else if (spec.type === 'integer' && spec.latencyMsPerUnit && typeof value === 'number') {
      let add = value * spec.latencyMsPerUnit;
      const bufferMiB = spec.flushWhenFull ? settings[spec.flushWhenFull] : undefined;
      if (typeof bufferMiB === 'number' && inboundMBps !== undefined && inboundMBps > 0) add = Math.min(add, ((bufferMiB * 1.048576) / inboundMBps) * 1000);
      ms += add;
    }
  }
  return ms;
}

/**
 * Delay of a node given the flow through it, ms: as `nodeLatencyMs`, but a setting with
 * `flushWhenFull` (Firehose's buffer interval) ends when its buffer fills at `inboundMBps`
 * (buffer MiB x 1.048576 / MB/s), and a `chained` batch job (started by an orchestrator when the job
 * before it finishes) counts as triggered after its upstream job, so its schedule adds nothing.
 */
export function flowLatencyMs(node: ResolvedNode, inboundMBps: number, chained = false): number {
  const trigger = node.entry.settings.trigger;
  const afterUpstream = chained && trigger?.type === 'enum' && trigger.options.some((o) => o.value === 'after-upstream');
  return computeNodeLatencyMs(node, inboundMBps, afterUpstream ? { ...node.settings, trigger: 'after-upstream' } : node.settings);
}

/**
 * Distances (Infinity when not reached) and back-pointers of a search over packed states: the previous
 * state (-1 for none) and the edge taken from it, as its position among the data edges of the previous
 * state's node (`dataOutAt`), so that the store holds numbers only.
 */
interface SearchStore {
  dist(state: number): number;
  setDist(state: number, d: number): void;
  prev(state: number): number;
  edge(state: number): number;
  setPrev(state: number, prev: number, edge: number): void;
}

class DenseStore implements SearchStore {
  protected readonly d: Float64Array;
  protected readonly p: Int32Array;
  protected readonly e: Int32Array;
  constructor(size: number) {
    this.d = new Float64Array(size).fill(Infinity);
    this.p = new Int32Array(size).fill(-1);
    this.e = new Int32Array(size);
  }
  dist(state: number) {
    return this.d[state]!;
  }
  setDist(state: number, d: number) {
    this.d[state] = d;
  }
  prev(state: number) {
    return this.p[state]!;
  }
  edge(state: number) {
    return this.e[state]!;
  }
  setPrev(state: number, prev: number, edge: number) {
    this.p[state] = prev;
    this.e[state] = edge;
  }
}

/** A dense store that lists the states it sets, so that `reset` readies it for the next search in time proportional to the last one. */
class ReusableStore extends DenseStore {
  readonly touched: number[] = [];
  override setDist(state: number, d: number) {
    if (this.d[state] === Infinity) this.touched.push(state);
    this.d[state] = d;
  }
  reset() {
    for (const s of this.touched) {
      this.d[s] = Infinity;
      this.p[s] = -1;
    }
    this.touched.length = 0;
  }
}

class SparseStore implements SearchStore {
  private readonly d = new Map<number, number>();
  private readonly p = new Map<number, number>();
  private readonly e = new Map<number, number>();
  dist(state: number) {
    return this.d.get(state) ?? Infinity;
  }
  setDist(state: number, d: number) {
    this.d.set(state, d);
  }
  prev(state: number) {
    return this.p.get(state) ?? -1;
  }
  edge(state: number) {
    return this.e.get(state) ?? -1;
  }
  setPrev(state: number, prev: number, edge: number) {
    this.p.set(state, prev);
    this.e.set(state, edge);
  }
}

/** An empty list of `degree[i]` slots for each node with edges (undefined for the others). */
function edgeLists(degree: Int32Array): (ResolvedEdge[] | undefined)[] {
  const lists = new Array<ResolvedEdge[] | undefined>(degree.length);
  for (let i = 0; i < degree.length; i++) if (degree[i]) lists[i] = new Array<ResolvedEdge>(degree[i]!);
  return lists;
}

/** The edges of a node without any (shared, never changed). */
const NO_EDGES: readonly ResolvedEdge[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A binary min-heap keyed by number (priorities and values in parallel arrays: no allocation per entry). */
class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly values: T[] = [];
  get size() {
    return this.keys.length;
  }
  push(priority: number, value: T) {
    const k = this.keys;
    const v = this.values;
    k.push(priority);
    v.push(value);
    let i = k.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= k[i]!) break;
      swap(k, v, p, i);
      i = p;
    }
  }
  /** Priority of the entry `pop` returns next (call only when `size > 0`). */
  peekPriority(): number {
    return this.keys[0]!;
  }
  pop(): T | undefined {
    const k = this.keys;
    const v = this.values;
    if (!k.length) return undefined;
    const top = v[0]!;
    const lastKey = k.pop()!;
    const lastValue = v.pop()!;
    if (k.length) {
      k[0] = lastKey;
      v[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k.length && k[l]! < k[m]!) m = l;
        if (r < k.length && k[r]! < k[m]!) m = r;
        if (m === i) break;
        swap(k, v, m, i);
        i = m;
      }
    }
    return top;
  }
}

function swap<T>(k: number[], v: T[], a: number, b: number) {
  const key = k[a]!;
  k[a] = k[b]!;
  k[b] = key;
  const value = v[a]!;
  v[a] = v[b]!;
  v[b] = value;
}
