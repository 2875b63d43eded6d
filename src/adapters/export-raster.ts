/**
 * PNG from the renderer's SVG in the browser: the SVG is decoded as an image and drawn on a canvas at
 * `pixelRatio`. The SVG is self-contained (no external references, no foreignObject), so the canvas
 * is never tainted and the picture is the SVG's, pixel for pixel.
 */

/** Largest canvas side browsers draw reliably (px); larger pictures are scaled down to fit. */
export const MAX_CANVAS_SIDE = 16_384;

/**
 * Rasterises an SVG.
 * @param svg SVG text with `width`/`height` in CSS px
 * @param width the SVG's width in CSS px
 * @param height the SVG's height in CSS px
 * @param pixelRatio output pixels per CSS px (2 for sharp text on high-density screens)
 * @throws Error when the browser cannot decode the SVG or draw on a canvas
 */
export async function svgToPng(svg: string, width: number, height: number, pixelRatio = 2): Promise<Blob> {
  const ratio = Math.min(pixelRatio, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode().catch(() => {
      throw new Error('the diagram picture could not be decoded');
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
