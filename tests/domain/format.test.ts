/**
 * The one formatting module: durations never carry over ("60 s", "59 min 60 s", "60 min"), round to
 * the unit they show, and keep order; the panels' `formatMs` and the rules' `formatDuration` are the
 * same words; numbers print through one cached Intl.NumberFormat per precision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDataMB, formatDuration, formatFixed, formatMBps, formatMs, formatNumber, formatUsd } from '../../src/domain/format.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, days: 86_400_000 };

/** The duration a text says, in ms, and the rounding step of its last part. */
function readBack(text: string): { ms: number; step: number } {
  const parts = [...text.matchAll(/([\d,.]+) (ms|s|min|h|days)/g)];
  expect(parts.map((p) => p[0]).join(' ')).toBe(text);
  const ms = parts.reduce((sum, p) => sum + Number(p[1]!.replace(/,/g, '')) * UNIT_MS[p[2]!]!, 0);
  const last = parts.at(-1)!;
  const decimals = last[1]!.split('.')[1]?.length ?? 0;
  const step = UNIT_MS[last[2]!]! * (decimals ? 0.1 : 1);
  return { ms, step };
}

const durations = fc.oneof(
  fc.double({ min: 0, max: 1e11, noNaN: true }),
  fc.integer({ min: 0, max: 400 }).map((k) => k * 59_999.5),
  fc.constantFrom(999.5, 9_950, 59_500, 59_999, 3_599_500, 86_399_999, 172_799_999),
);

describe('formatDuration', () => {
  it('never prints a carried-over form', () => {
    fc.assert(
      fc.property(durations, (ms) => {
        const text = formatDuration(ms);
        expect(text).not.toMatch(/(^|\D)60 s|(^|\D)60 min|^1,?000 ms|^24 h \d+ min|^48(\.0)? h|\.0 /);
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds to the unit it shows (within half a step) and keeps order', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const ra = readBack(formatDuration(a));
        expect(Math.abs(ra.ms - a)).toBeLessThanOrEqual(ra.step / 2 + 1e-6 * a + 1e-9);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(readBack(formatDuration(lo)).ms).toBeLessThanOrEqual(readBack(formatDuration(hi)).ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('says what the panel says', () => {
    fc.assert(
      fc.property(durations, (ms) => {
        expect(formatMs(ms)).toBe(formatDuration(ms));
      }),
    );
    expect(formatDuration(3_599_600)).toBe('1 h');
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(172_800_000)).toBe('2 days');
    expect(formatDuration(311_000)).toBe('5 min 11 s');
  });
});

describe('numbers', () => {
  it('format the same value the same way in every form that shows it', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
        const fixed = formatFixed(x, d);
        expect(Number(fixed.replace(/,/g, ''))).toBeCloseTo(Number(x.toFixed(d)), Math.max(0, d - 1));
        expect(fixed).not.toBe('-0');
        expect(formatNumber(Number(fixed.replace(/,/g, '')), d)).toBe(formatNumber(Number(formatNumber(x, d).replace(/,/g, '')), d));
      }),
    );
    expect(formatMBps(0.96)).toBe('0.96 MB/s');
    expect(formatUsd(152_083.4)).toBe('$152,083');
    expect(formatDataMB(1_234_567)).toBe('1.2 TB');
    expect(formatFixed(-0.01, 1)).toBe('0.0');
  });
});
