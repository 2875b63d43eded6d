/**
 * Pictures from the renderer's SVG in the browser: the SVG is decoded as an image and drawn on a
 * canvas; the canvas gives the PNG, or the pixels for the PDF. The SVG is self-contained (no external
 * references, no foreignObject), so the canvas is never tainted and the picture is the SVG's.
 */
import type { Raster } from './export-pdf.ts';
import { rasterRatio } from './raster-ratio.ts';

/**
 * Decodes the SVG, draws it on a canvas of `ratio` pixels per CSS px and hands the canvas to `read`;
 * then frees the canvas's pixels and the decoded SVG at once (tens of MB on a large design) rather
 * than when the garbage collector gets to them.
 */
async function withCanvas<T>(svg: string, width: number, height: number, ratio: number, read: (canvas: HTMLCanvasElement) => T | Promise<T>): Promise<T> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const img = new Image();
  const canvas = document.createElement('canvas');
  try {
    img.decoding = 'async';
    img.src = url;
    await img.decode().catch(() => {
      throw new Error('the diagram picture could not be decoded');
    });
    canvas.width = Math.max(1, Math.floor(width * ratio)); // floor: never over the pixel cap
    canvas.height = Math.max(1, Math.floor(height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await read(canvas);
  } finally {
    URL.revokeObjectURL(url);
    img.removeAttribute('src');
    canvas.width = 0;
    canvas.height = 0;
  }
}

/**
 * Rasterises an SVG to PNG.
 * @param width the SVG's width in CSS px
 * @param height the SVG's height in CSS px
 * @param pixelRatio output pixels per CSS px (2 for sharp text), lowered for very large pictures (see `rasterRatio`)
 * @throws Error when the browser cannot decode the SVG or draw on a canvas
 */
export function svgToPng(svg: string, width: number, height: number, pixelRatio = 2): Promise<Blob> {
  return withCanvas(
    svg,
    width,
    height,
    rasterRatio(width, height, pixelRatio),
    (canvas) => new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png')),
  );
}

/** Rasterises an SVG to RGBA pixels (for the PDF), at `pixelRatio` lowered as for the PNG. */
export function svgToRaster(svg: string, width: number, height: number, pixelRatio = 2, maxPixels?: number): Promise<Raster> {
  return withCanvas(svg, width, height, rasterRatio(width, height, pixelRatio, maxPixels), (canvas) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return { rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), pixelWidth: canvas.width, pixelHeight: canvas.height };
  });
}

/** zlib-format deflate with the browser's CompressionStream. */
export async function deflateInBrowser(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
