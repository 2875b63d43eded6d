/**
 * The pixel ratio of PNG and PDF exports (`rasterRatio`): 2x while the picture fits, then whole or half
 * pixels per CSS px (1.5x, 1x) so that lines stay crisp, and only a picture too large even at 1x is
 * shrunk below it; whatever the size, the picture stays within the side and area caps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PDF_MAX_PIXELS } from '../../src/adapters/export-pdf.ts';
import { MAX_RASTER_PIXELS, MAX_RASTER_SIDE, rasterRatio } from '../../src/adapters/raster-ratio.ts';
import { renderDesignSvg } from '../../src/domain/render-svg.ts';
import { loadContentFromDisk } from '../../src/cli/content.ts';
import type { Design } from '../../src/domain/design.ts';

const { content } = loadContentFromDisk();
const pixels = (w: number, h: number, r: number) => Math.floor(w * r) * Math.floor(h * r);

describe('rasterRatio', () => {
  it('keeps 2x for every shipped reference design', () => {
    for (const s of content.scenarios) {
      const { width, height } = renderDesignSvg(s.reference, content.catalog);
      expect(rasterRatio(width, height), s.scenario.id).toBe(2);
    }
  });

  it('draws a 200-service grid (20 x 10 Amazon S3 nodes, as in the benchmark) at 1x, not at an in-between ratio', () => {
    const grid: Design = { format: 'archboard.design', version: 2, nodes: Array.from({ length: 200 }, (_, i) => ({ id: `s3-${i}`, service: 'amazon-s3', position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 } })), edges: [] };
    const { width, height } = renderDesignSvg(grid, content.catalog);
    expect(pixels(width, height, 2)).toBeGreaterThan(MAX_RASTER_PIXELS);
    expect(rasterRatio(width, height)).toBe(1);
  });

  it('steps down to 1.5x when 2x is too large and 1.5x fits', () => {
    // 2,400 x 1,600 CSS px: 15.4 million pixels at 2x, 8.6 million at 1.5x.
    expect(rasterRatio(2400, 1600)).toBe(1.5);
  });

  it('shrinks a picture too large even at 1x to the caps', () => {
    const wide = rasterRatio(25_232, 713);
    expect(wide).toBeLessThan(1);
    expect(Math.floor(25_232 * wide)).toBeLessThanOrEqual(MAX_RASTER_SIDE);
    const big = rasterRatio(5_000, 4_000);
    expect(big).toBeLessThan(1);
    expect(pixels(5_000, 4_000, big)).toBeLessThanOrEqual(MAX_RASTER_PIXELS);
  });

  it('gives the wanted ratio, a step or less than 1x, within the caps, for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 60_000 }), fc.constantFrom(1, 2, 3), fc.boolean(), (w, h, wanted, pdf) => {
        const max = pdf ? PDF_MAX_PIXELS : MAX_RASTER_PIXELS;
        const r = rasterRatio(w, h, wanted, max);
        expect(r).toBeGreaterThan(0);
        expect(r).toBeLessThanOrEqual(wanted);
        if (r >= 1 && r !== wanted) expect([1.5, 1, 2]).toContain(r);
        if (r > 0.05) {
          expect(Math.floor(w * r)).toBeLessThanOrEqual(MAX_RASTER_SIDE);
          expect(Math.floor(h * r)).toBeLessThanOrEqual(MAX_RASTER_SIDE);
          expect(pixels(w, h, r)).toBeLessThanOrEqual(max);
        }
      }),
    );
  });
});
