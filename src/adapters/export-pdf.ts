/**
 * PDF from a rendered diagram, with pdf-lib (pure JavaScript: the same code runs in the browser and in
 * Node). The page is the diagram's size (1 CSS px = 0.75 pt) and holds the PNG rasterised from the
 * renderer's SVG at `pixelRatio`, so the PDF shows exactly the picture the PNG and SVG exports show.
 */
import { PDFDocument } from 'pdf-lib';

/** Points per CSS pixel (72 pt per inch, 96 px per inch). */
export const PT_PER_PX = 0.75;

/**
 * Builds a one-page PDF holding a PNG.
 * @param png the PNG's bytes (rasterised at `width x pixelRatio` by `height x pixelRatio`)
 * @param width the picture's width in CSS px (the SVG's width)
 * @param height the picture's height in CSS px
 * @param title the document title (PDF metadata)
 * @returns the PDF's bytes
 */
export async function pngToPdf(png: Uint8Array, width: number, height: number, title = 'Archboard design'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Archboard');
  pdf.setProducer('Archboard (pdf-lib)');
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([width * PT_PER_PX, height * PT_PER_PX]);
  page.drawImage(image, { x: 0, y: 0, width: width * PT_PER_PX, height: height * PT_PER_PX });
  return pdf.save();
}
