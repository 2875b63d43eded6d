/**
 * Edge routes that go around nodes (pure, no React): for each connection, an orthogonal path from the
 * source's port to the target's port that keeps clear of every other service box, with as few bends
 * and as little length as it can. Data connections leave a service on its right and enter on the left;
 * a control connection (keys, metrics, permissions) between a service and a control service above or
 * below it uses the top and bottom ports, so the control band's edges drop straight onto the flow.
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
/** The port ids on a service node: the default left (in) and right (out) handles have none. */
export type PortId = 't-in' | 't-out' | 'b-in' | 'b-out' | undefined;

export interface EdgeRoute {
  sourceHandle: PortId;
  targetHandle: PortId;
  /** Corner points from the source port to the target port (canvas px), axis-aligned segments. */
  points: Pos[];
}

export interface RouteEdge {
  id: string;
  source: string;
  target: string;
  /** A control connection (one end carries no data). */
  control: boolean;
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
export function routeEdges(boxes: ReadonlyMap<string, RouteBox>, edges: readonly RouteEdge[], isControlNode: (id: string) => boolean): Map<string, EdgeRoute> {
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
    // Ports: control edges between a control service and a service above or below it go vertical.
    const vertical = e.control && (isControlNode(e.source) || isControlNode(e.target)) && (s.y + s.height + 2 * STUB <= t.y || t.y + t.height + 2 * STUB <= s.y);
    let sp: Pos, tp: Pos, sDir: Pos, tDir: Pos, sourceHandle: PortId, targetHandle: PortId;
    if (vertical) {
      const down = s.y < t.y;
      sp = { x: s.x + s.width / 2, y: down ? s.y + s.height : s.y };
      tp = { x: t.x + t.width / 2, y: down ? t.y : t.y + t.height };
      sDir = { x: 0, y: down ? 1 : -1 };
      tDir = sDir;
      sourceHandle = down ? 'b-out' : 't-out';
      targetHandle = down ? 't-in' : 'b-in';
    } else {
      sp = { x: s.x + s.width, y: s.y + s.height / 2 };
      tp = { x: t.x, y: t.y + t.height / 2 };
      sDir = { x: 1, y: 0 };
      tDir = { x: 1, y: 0 };
      sourceHandle = undefined;
      targetHandle = undefined;
    }
    const s1 = { x: sp.x + sDir.x * STUB, y: sp.y + sDir.y * STUB };
    const t1 = { x: tp.x - tDir.x * STUB, y: tp.y - tDir.y * STUB };
    const candidates: Pos[][] = [];
    if (!vertical) {
      // One vertical jog at x = cx (straight when the ports line up), or a detour through a row channel.
      const mid = (s1.x + t1.x) / 2;
      const cxs = [mid, ...xs].filter((x) => x >= s1.x - 0.5 && x <= t1.x + 0.5);
      for (const cx of cxs) candidates.push([sp, { x: cx, y: sp.y }, { x: cx, y: tp.y }, tp]);
      const x1s = [s1.x, ...xs.filter((x) => x > s1.x)].sort((a, b) => a - b).slice(0, 5);
      const x2s = [t1.x, ...xs.filter((x) => x < t1.x)].sort((a, b) => b - a).slice(0, 5);
      const cys = [...ys].sort((a, b) => Math.abs(a - (sp.y + tp.y) / 2) - Math.abs(b - (sp.y + tp.y) / 2)).slice(0, 14);
      for (const x1 of x1s) for (const x2 of x2s) for (const cy of cys) candidates.push([sp, { x: x1, y: sp.y }, { x: x1, y: cy }, { x: x2, y: cy }, { x: x2, y: tp.y }, tp]);
    } else {
      const lo = Math.min(s1.y, t1.y);
      const hi = Math.max(s1.y, t1.y);
      const mid = (s1.y + t1.y) / 2;
      for (const cy of [mid, ...ys].filter((y) => y >= lo - 0.5 && y <= hi + 0.5)) candidates.push([sp, { x: sp.x, y: cy }, { x: tp.x, y: cy }, tp]);
      // Down a free column channel: out of the source, across, down the channel, across, into the target.
      const y1s = [s1.y, ...ys.filter((y) => (sDir.y > 0 ? y > s1.y && y < t1.y : y < s1.y && y > t1.y))].slice(0, 6);
      const y2s = [t1.y, ...ys.filter((y) => (sDir.y > 0 ? y < t1.y && y > s1.y : y > t1.y && y < s1.y))].slice(0, 6);
      const cxs = [...xs].sort((a, b) => Math.abs(a - (sp.x + tp.x) / 2) - Math.abs(b - (sp.x + tp.x) / 2)).slice(0, 14);
      for (const y1 of y1s) for (const y2 of y2s) for (const cx of cxs) if (sDir.y > 0 ? y1 <= y2 : y1 >= y2) candidates.push([sp, { x: sp.x, y: y1 }, { x: cx, y: y1 }, { x: cx, y: y2 }, { x: tp.x, y: y2 }, tp]);
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
    if (best) out.set(e.id, { sourceHandle, targetHandle, points: best });
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
