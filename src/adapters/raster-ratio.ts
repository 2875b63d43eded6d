/**
 * The pixel size of raster exports (PNG in the browser and in `npm run render`, the picture inside a
 * PDF): the pixel ratio a picture of a given CSS size is drawn at. A module of its own, free of
 * pdf-lib, so that a PNG export does not load the PDF library (a 420 KB chunk) in the browser.
 */

/**
 * Largest side (px) and area (px²) of a raster export; larger pictures get a lower pixel ratio. The
 * area is what a PNG export's time goes on: the browser clears, rasterises and PNG-encodes every
 * pixel, about 7 ms of main-thread CPU per million pixels in headless Chromium, on top of 60-80 ms to
 * parse and lay out the SVG of 200 services (measured 2026-12-02). So it is capped at 12 million
 * pixels: every shipped reference design (2,024 x 1,364 CSS px at most) keeps 2x, and a 200-service
 * grid of 5,972 x 1,568 CSS px exports at 1x (9.4 million pixels).
 */
export const MAX_RASTER_SIDE = 16_384;
export const MAX_RASTER_PIXELS = 12_000_000;

/**
 * Pixel ratios a picture that cannot have the wanted ratio steps down to: whole and half pixels per
 * CSS px keep lines and text on the pixel grid. An in-between ratio smears every edge over two
 * pixels, and the PNG encoder pays for the smear: a 200-service grid is 377 KB at 1x and 1,256 KB at
 * 1.3x (1.7 times the pixels, 3.3 times the bytes).
 */
const RATIO_STEPS = [2, 1.5, 1];

/**
 * The pixel ratio to rasterise a `width` x `height` (CSS px) picture at: `wanted` when neither side
 * would exceed `MAX_RASTER_SIDE` and the area would stay under `maxPixels`; else the largest of 2,
 * 1.5 and 1 that fits; else (a picture too large even at 1x) the largest ratio that fits, at least 0.05.
 */
export function rasterRatio(width: number, height: number, wanted = 2, maxPixels = MAX_RASTER_PIXELS): number {
  const fits = Math.min(MAX_RASTER_SIDE / width, MAX_RASTER_SIDE / height, Math.sqrt(maxPixels / (width * height)));
  if (wanted <= fits) return wanted;
  return Math.max(0.05, RATIO_STEPS.find((step) => step <= fits) ?? fits);
}
