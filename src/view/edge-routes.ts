/**
 * Edge routes that go around nodes (pure, no React): for each connection, an orthogonal path from the
 * source's port to the target's port that keeps clear of every other service box, with as few bends
 * and as little length as it can. Connections leave a service on its right and enter on the left (the
 * node's two handles), so a route may run back or around through the channels between rows.
 *
 * Tried, cheapest first: a straight line, one vertical (or horizontal) jog at any free channel, and a
 * five-segment detour through a free channel between rows or columns. An edge with no free route keeps
 * React Flow's smooth-step path. Designs above `MAX_ROUTED_NODES` are not routed (the cost grows with
 * nodes x edges).
 */

export type Pos = { x: number; y: number };
export interface RouteBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface EdgeRoute {
  /** Corner points from the source port to the target port (canvas px), axis-aligned segments. */
  points: Pos[];
}

export interface RouteEdge {
  id: string;
  source: string;
  target: string;
}

/** Above this many service boxes, edges keep React Flow's own paths. */
export const MAX_ROUTED_NODES = 150;
/** Clear space kept between a route and any box it passes (canvas px). */
const CLEARANCE = 12;
/** The straight bit out of a port before the first bend (canvas px). */
const STUB = 20;
const BEND_COST = 40;

type Seg = [Pos, Pos];

function hits(seg: Seg, b: RouteBox, m: number): boolean {
  const [a, c] = seg;
  const x1 = Math.min(a.x, c.x);
  const x2 = Math.max(a.x, c.x);
  const y1 = Math.min(a.y, c.y);
  const y2 = Math.max(a.y, c.y);
  return x1 < b.x + b.width + m && x2 > b.x - m && y1 < b.y + b.height + m && y2 > b.y - m;
}

function cost(points: Pos[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) len += Math.abs(points[i]!.x - points[i - 1]!.x) + Math.abs(points[i]!.y - points[i - 1]!.y);
  return len + BEND_COST * (points.length - 2);
}

/** Drops repeated points and joins collinear segments. */
function simplify(points: Pos[]): Pos[] {
  const out: Pos[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) || (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * Routes connections around the boxes.
 * @param boxes absolute boxes of the services and notes by node id (groups are not obstacles)
 * @returns a route per edge id, for the edges that found one
 */
export function routeEdges(boxes: ReadonlyMap<string, RouteBox>, edges: readonly RouteEdge[]): Map<string, EdgeRoute> {
  const out = new Map<string, EdgeRoute>();
  if (boxes.size > MAX_ROUTED_NODES) return out;
  const all = [...boxes.entries()];
  // Candidate channels: just outside every box's sides.
  const xs = [...new Set(all.flatMap(([, b]) => [b.x - CLEARANCE - 4, b.x + b.width + CLEARANCE + 4]))];
  const ys = [...new Set(all.flatMap(([, b]) => [b.y - CLEARANCE - 4, b.y + b.height + CLEARANCE + 4]))];

  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t || e.source === e.target) continue;
    const others = all.filter(([id]) => id !== e.source && id !== e.target).map(([, b]) => b);
    const free = (points: Pos[]) => {
      for (let i = 1; i < points.length; i++) {
        const seg: Seg = [points[i - 1]!, points[i]!];
        if (others.some((b) => hits(seg, b, CLEARANCE - 2))) return false;
        // Only the stubs may touch the two ends' own boxes.
        if (i > 1 && hits(seg, s, 2)) return false;
        if (i < points.length - 1 && hits(seg, t, 2)) return false;
      }
      return true;
    };
    const sp = { x: s.x + s.width, y: s.y + s.height / 2 };
    const tp = { x: t.x, y: t.y + t.height / 2 };
    const s1 = { x: sp.x + STUB, y: sp.y };
    const t1 = { x: tp.x - STUB, y: tp.y };
    const candidates: Pos[][] = [];
    {
      // One vertical jog at x = cx (straight when the ports line up), or a detour through a row channel.
      const mid = (s1.x + t1.x) / 2;
      const cxs = [mid, ...xs].filter((x) => x >= s1.x - 0.5 && x <= t1.x + 0.5);
      for (const cx of cxs) candidates.push([sp, { x: cx, y: sp.y }, { x: cx, y: tp.y }, tp]);
      const x1s = [s1.x, ...xs.filter((x) => x > s1.x)].sort((a, b) => a - b).slice(0, 5);
      const x2s = [t1.x, ...xs.filter((x) => x < t1.x)].sort((a, b) => b - a).slice(0, 5);
      const cys = [...ys].sort((a, b) => Math.abs(a - (sp.y + tp.y) / 2) - Math.abs(b - (sp.y + tp.y) / 2)).slice(0, 14);
      for (const x1 of x1s) for (const x2 of x2s) for (const cy of cys) candidates.push([sp, { x: x1, y: sp.y }, { x: x1, y: cy }, { x: x2, y: cy }, { x: x2, y: tp.y }, tp]);
    }
    let best: Pos[] | undefined;
    let bestCost = Infinity;
    for (const c of candidates) {
      const pts = simplify(c);
      const k = cost(pts);
      if (k < bestCost && free(pts)) {
        best = pts;
        bestCost = k;
      }
    }
    if (best) out.set(e.id, { points: best });
  }
  return out;
}

/**
 * An SVG path through the route's points with rounded corners (radius up to 8 px), from `from` to `to`
 * (React Flow's exact port positions, within a few px of the route's ends: the end segments are moved
 * onto them, keeping them axis-aligned).
 * @returns the path and the middle of its longest segment (for a label)
 */
export function routePath(route: readonly Pos[], from: Pos, to: Pos): { d: string; label: Pos } {
  const pts = route.map((p) => ({ ...p }));
  const first = pts[0]!;
  const second = pts[1]!;
  if (Math.abs(first.y - second.y) < 0.5) second.y = from.y;
  else second.x = from.x;
  pts[0] = { ...from };
  const last = pts[pts.length - 1]!;
  const before = pts[pts.length - 2]!;
  if (pts.length > 2) {
    if (Math.abs(last.y - before.y) < 0.5) before.y = to.y;
    else before.x = to.x;
  }
  pts[pts.length - 1] = { ...to };
  let d = `M ${pts[0]!.x} ${pts[0]!.y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i - 1]!;
    const c = pts[i]!;
    const n = pts[i + 1]!;
    const r = Math.min(8, Math.hypot(c.x - p.x, c.y - p.y) / 2, Math.hypot(n.x - c.x, n.y - c.y) / 2);
    const ux = Math.sign(c.x - p.x);
    const uy = Math.sign(c.y - p.y);
    const vx = Math.sign(n.x - c.x);
    const vy = Math.sign(n.y - c.y);
    d += ` L ${c.x - ux * r} ${c.y - uy * r} Q ${c.x} ${c.y} ${c.x + vx * r} ${c.y + vy * r}`;
  }
  d += ` L ${pts[pts.length - 1]!.x} ${pts[pts.length - 1]!.y}`;
  let label = { x: (pts[0]!.x + pts[pts.length - 1]!.x) / 2, y: (pts[0]!.y + pts[pts.length - 1]!.y) / 2 };
  let longest = -1;
  for (let i = 1; i < pts.length; i++) {
    const len = Math.abs(pts[i]!.x - pts[i - 1]!.x) + Math.abs(pts[i]!.y - pts[i - 1]!.y);
    if (len > longest) {
      longest = len;
      label = { x: (pts[i]!.x + pts[i - 1]!.x) / 2, y: (pts[i]!.y + pts[i - 1]!.y) / 2 };
    }
  }
  return { d, label };
}
