/**
 * Align and distribute: pure geometry over boxes (canvas px, top-left `x`/`y`, `width`/`height`), as in
 * draw.io's Arrange menu. Each function returns the new top-left position of every box it moves, keyed
 * by id, ready for one `moveNodes` command; boxes already in place are left out.
 */

/** A node's box on the canvas: top-left corner and size, in canvas px. */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Alignment = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';
/** New positions by box id: a `Map`, so ids named like Object members (`constructor`) are plain keys. */
export type Positions = Map<string, { x: number; y: number }>;

/**
 * Aligns boxes to the selection's bounding box: `left`/`right`/`top`/`bottom` to its edges,
 * `centre` (horizontal centres) and `middle` (vertical centres) to its centre lines.
 * @param boxes at least 2 boxes (fewer: nothing moves)
 * @returns new positions (rounded to whole px) of the boxes that move
 */
export function align(boxes: readonly Box[], alignment: Alignment): Positions {
  if (boxes.length < 2) return new Map();
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const out: Positions = new Map();
  for (const b of boxes) {
    let { x, y } = b;
    if (alignment === 'left') x = left;
    else if (alignment === 'right') x = right - b.width;
    else if (alignment === 'centre') x = (left + right) / 2 - b.width / 2;
    else if (alignment === 'top') y = top;
    else if (alignment === 'bottom') y = bottom - b.height;
    else y = (top + bottom) / 2 - b.height / 2;
    x = Math.round(x);
    y = Math.round(y);
    if (x !== b.x || y !== b.y) out.set(b.id, { x, y });
  }
  return out;
}

/**
 * Distributes boxes so the gaps between neighbours along the axis are equal; the first and last box
 * (by position along the axis) stay where they are. When the boxes overlap along the axis (the sum of
 * their sizes exceeds the span), the gaps are negative but still equal.
 * @param boxes at least 3 boxes (fewer: nothing moves)
 * @returns new positions (rounded to whole px) of the boxes that move
 */
export function distribute(boxes: readonly Box[], axis: Axis): Positions {
  if (boxes.length < 3) return new Map();
  const h = axis === 'horizontal';
  const start = (b: Box) => (h ? b.x : b.y);
  const size = (b: Box) => (h ? b.width : b.height);
  const sorted = [...boxes].sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const span = start(last) + size(last) - start(first);
  const gap = (span - sorted.reduce((s, b) => s + size(b), 0)) / (sorted.length - 1);
  const out: Positions = new Map();
  let at = start(first);
  for (const b of sorted) {
    const pos = Math.round(at);
    at += size(b) + gap;
    if (b === first || b === last || pos === start(b)) continue;
    out.set(b.id, h ? { x: pos, y: b.y } : { x: b.x, y: pos });
  }
  return out;
}

/**
 * Moves boxes by a vector (arrow-key nudge).
 * @returns the new positions of every box
 */
export function nudge(boxes: readonly Pick<Box, 'id' | 'x' | 'y'>[], dx: number, dy: number): Positions {
  const out: Positions = new Map();
  for (const b of boxes) out.set(b.id, { x: b.x + dx, y: b.y + dy });
  return out;
}
