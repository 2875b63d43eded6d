/**
 * Canvas labels are clipped only when they would overflow: `textFits` wraps at spaces with the
 * measured widths of the words. Here a fake 2D context makes every character 10 px wide.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

let textFits: typeof import('../../src/view/text-fit.ts').textFits;

beforeAll(async () => {
  class FakeCanvas {
    getContext() {
      return { font: '', measureText: (s: string) => ({ width: s.length * 10 }) };
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  ({ textFits } = await import('../../src/view/text-fit.ts'));
});

describe('textFits', () => {
  it('fits a text on one line up to the width, not a character more', () => {
    expect(textFits('abcdefghij', 'f', 100, 1)).toBe(true);
    expect(textFits('abcdefghijk', 'f', 100, 1)).toBe(false);
  });
  it('wraps at spaces: words that need a third line do not fit two', () => {
    // "aaaa bbbb" is 90 px, then "cccc dddd" on line 2; "eeee" would need a third.
    expect(textFits('aaaa bbbb cccc dddd', 'f', 100, 2)).toBe(true);
    expect(textFits('aaaa bbbb cccc dddd eeee', 'f', 100, 2)).toBe(false);
    expect(textFits('aaaa bbbb cccc dddd eeee', 'f', 100, 3)).toBe(true);
  });
  it('a word wider than a line does not fit (it would break inside)', () => {
    expect(textFits('a abcdefghijkl', 'f', 100, 2)).toBe(false);
  });
});
