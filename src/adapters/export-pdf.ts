/**
 * PDF from a rendered diagram, with pdf-lib (pure JavaScript: the same code runs in the browser and in
 * Node). The page is the diagram's size (1 CSS px = 0.75 pt) and holds the picture rasterised from the
 * renderer's SVG, so the PDF shows exactly what the PNG and SVG exports show. The pixels go in as one
 * RGB image compressed by the caller's native deflate (Node's zlib, the browser's CompressionStream):
 * pdf-lib's own PNG embedding re-encodes in JavaScript and takes seconds on a large diagram.
 */
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';

/** Points per CSS pixel (72 pt per inch, 96 px per inch). */
export const PT_PER_PX = 0.75;

/** Largest area (px²) of the picture inside a PDF (a PDF page is usually printed or viewed whole). */
export const PDF_MAX_PIXELS = 24_000_000;

/** Pixels of a rasterised picture: RGBA, 4 bytes per pixel, row-major. */
export interface Raster {
  rgba: Uint8Array;
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * Builds a one-page PDF holding a raster picture.
 * @param raster the picture's pixels (alpha is dropped: the renderer paints an opaque background)
 * @param width the picture's width in CSS px (the SVG's width); the page is `width x 0.75` pt wide
 * @param height the picture's height in CSS px
 * @param deflate zlib-format deflate (RFC 1950), e.g. Node's `zlib.deflateSync`
 * @returns the PDF's bytes
 */
export async function rasterToPdf(raster: Raster, width: number, height: number, deflate: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>, title = 'Archboard design'): Promise<Uint8Array> {
  const { rgba, pixelWidth, pixelHeight } = raster;
  if (rgba.length !== pixelWidth * pixelHeight * 4) throw new Error(`the picture has ${rgba.length} bytes, not ${pixelWidth} x ${pixelHeight} RGBA pixels`);
  const rgb = new Uint8Array(pixelWidth * pixelHeight * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Archboard');
  pdf.setProducer('Archboard (pdf-lib)');
  const image = pdf.context.stream(await deflate(rgb), { Type: 'XObject', Subtype: 'Image', Width: pixelWidth, Height: pixelHeight, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode' });
  const ref = pdf.context.register(image);
  const w = width * PT_PER_PX;
  const h = height * PT_PER_PX;
  const page = pdf.addPage([w, h]);
  const name = page.node.newXObject('Image', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(name), popGraphicsState());
  return pdf.save({ useObjectStreams: false });
}
