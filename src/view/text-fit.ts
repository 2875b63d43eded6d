/**
 * Whether a text fits a box without clipping, measured with the page's fonts (a 2D canvas context's
 * `measureText`), so the canvas clips only the labels that need it: every clipped element is a paint
 * chunk the compositor sorts on each frame of a drag. Without a canvas to measure with (tests under
 * jsdom, very old browsers) the answer is "no": the caller clips, as it always did.
 */

let context: OffscreenCanvasRenderingContext2D | null | undefined;
const answers = new Map<string, boolean>();

function measurer(): OffscreenCanvasRenderingContext2D | null {
  if (context === undefined) context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  return context;
}

/**
 * Whether `text`, wrapped greedily at spaces, takes at most `lines` lines of `width` px in `font`.
 * A word wider than a line (which would break inside) counts as not fitting. Answers are cached.
 * @param font a CSS font shorthand, e.g. `600 13px system-ui, sans-serif`
 * @param width the line width in CSS px (keep a px or two of margin for sub-pixel differences)
 */
export function textFits(text: string, font: string, width: number, lines: number): boolean {
  const key = `${font}\u0000${width}\u0000${lines}\u0000${text}`;
  let fits = answers.get(key);
  if (fits === undefined) {
    fits = measure(text, font, width, lines);
    answers.set(key, fits);
  }
  return fits;
}

function measure(text: string, font: string, width: number, lines: number): boolean {
  const ctx = measurer();
  if (!ctx) return false;
  ctx.font = font;
  const space = ctx.measureText(' ').width;
  let line = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const w = ctx.measureText(word).width;
    if (w > width) return false;
    if (used === 0) used = w;
    else if (used + space + w <= width) used += space + w;
    else {
      line++;
      used = w;
      if (line > lines) return false;
    }
  }
  return true;
}

let uiFont: string | undefined;
/** The page's UI font stack (app.css `--ab-font`), read once; `sans-serif` outside a browser. */
export function pageFont(): string {
  uiFont ??= (typeof document !== 'undefined' && getComputedStyle(document.documentElement).getPropertyValue('--ab-font').trim()) || 'sans-serif';
  return uiFont;
}
