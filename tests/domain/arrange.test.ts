/** Align and distribute: the geometry behind the Arrange buttons for a multi-selection. */
import { describe, expect, it } from 'vitest';
import { align, distribute, nudge, type Box } from '../../src/domain/arrange.ts';

const box = (id: string, x: number, y: number, width = 100, height = 50): Box => ({ id, x, y, width, height });
const a = box('a', 0, 0);
const b = box('b', 300, 40, 200, 80);
const c = box('c', 120, 200, 60, 20);

describe('align', () => {
  it.each([
    ['left', { b: { x: 0, y: 40 }, c: { x: 0, y: 200 } }],
    ['right', { a: { x: 400, y: 0 }, c: { x: 440, y: 200 } }],
    ['centre', { a: { x: 200, y: 0 }, b: { x: 150, y: 40 }, c: { x: 220, y: 200 } }],
    ['top', { b: { x: 300, y: 0 }, c: { x: 120, y: 0 } }],
    ['bottom', { a: { x: 0, y: 170 }, b: { x: 300, y: 140 } }],
    ['middle', { a: { x: 0, y: 85 }, b: { x: 300, y: 70 }, c: { x: 120, y: 100 } }],
  ] as const)('%s moves only the boxes not yet aligned', (alignment, expected) => {
    expect(Object.fromEntries(align([a, b, c], alignment))).toEqual(expected);
  });

  it('needs two boxes', () => {
    expect(Object.fromEntries(align([b], 'left'))).toEqual({});
  });

  it('left-aligned boxes share one left edge afterwards', () => {
    const moved = align([a, b, c], 'left');
    const xs = [a, b, c].map((x) => moved.get(x.id)?.x ?? x.x);
    expect(new Set(xs).size).toBe(1);
  });
});

describe('distribute', () => {
  it('makes equal horizontal gaps, keeping the outermost boxes in place', () => {
    // a: 0..100, c: 120..180, b: 300..500. Span 500, sizes 360, two gaps of 70.
    expect(Object.fromEntries(distribute([a, b, c], 'horizontal'))).toEqual({ c: { x: 170, y: 200 } });
  });

  it('makes equal vertical gaps', () => {
    // a: 0..50, b: 40..120, c: 200..220. Span 220, sizes 150, gaps 35.
    expect(Object.fromEntries(distribute([a, b, c], 'vertical'))).toEqual({ b: { x: 300, y: 85 } });
  });

  it('spaces four boxes evenly by their order along the axis', () => {
    const row = [box('w', 0, 0), box('x', 110, 0), box('y', 190, 0), box('z', 600, 0)];
    const moved = distribute(row, 'horizontal');
    const xs = row.map((r) => moved.get(r.id)?.x ?? r.x);
    expect(xs).toEqual([0, 200, 400, 600]);
  });

  it('needs three boxes', () => {
    expect(Object.fromEntries(distribute([a, b], 'horizontal'))).toEqual({});
  });
});

describe('nudge', () => {
  it('moves every box by the same vector', () => {
    expect(Object.fromEntries(nudge([a, b], 10, -1))).toEqual({ a: { x: 10, y: -1 }, b: { x: 310, y: 39 } });
  });
});
