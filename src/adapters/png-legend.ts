/**
 * Adds a findings legend under an exported diagram PNG: the PNG (from `diagramToPng`) is drawn on a
 * canvas and the legend (from `findingsLegend`) is drawn below it in text, so the image carries the
 * review with it. Browser only (canvas, Image).
 */
import type { LegendLine } from '../domain/graded-export.ts';

/** Colours of the legend, e.g. read from the theme's CSS variables. */
export interface LegendColours {
  background: string;
  text: string;
  muted: string;
  error: string;
  warning: string;
  info: string;
  accepted: string;
  rule: string;
}

const STATUS_WORD: Record<LegendLine['status'], string> = { fail: 'FAIL', accepted: 'ACCEPTED', error: 'RULE ERROR' };

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the diagram image could not be decoded'));
    img.src = url;
  });
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Draws the legend under the PNG.
 * @param pngUrl the diagram as a PNG data URL
 * @param legend header line and lines, from `findingsLegend`
 * @param pixelRatio the PNG's pixel ratio (legend text is scaled to match)
 * @returns a PNG data URL at least 640 css px wide
 */
export async function withFindingsLegend(pngUrl: string, legend: { header: string; lines: LegendLine[] }, colours: LegendColours, pixelRatio = 2): Promise<string> {
  const img = await loadImage(pngUrl);
  const r = pixelRatio;
  const pad = 24 * r;
  const width = Math.max(img.width, 640 * r);
  const textWidth = width - pad * 2;
  const font = (size: number, weight = 400) => `${weight} ${size * r}px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif`;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('this browser cannot draw on a canvas');
  // Lay out first to know the height.
  type Block = { y: number; text: string; font: string; colour: string; x: number };
  const blocks: Block[] = [];
  let y = pad;
  const push = (text: string, f: string, colour: string, lineH: number, x = pad, w = textWidth) => {
    measure.font = f;
    for (const t of wrap(measure, text, w)) {
      blocks.push({ y, text: t, font: f, colour, x });
      y += lineH * r;
    }
  };
  push('Findings', font(15, 650), colours.text, 22);
  push(legend.header, font(12), colours.muted, 18);
  y += 6 * r;
  if (!legend.lines.length) push('Every requirement passes or does not apply.', font(13), colours.text, 20);
  const tagOf = (line: LegendLine) => `${STATUS_WORD[line.status]} · ${line.severity}`;
  measure.font = font(11, 700);
  // One column for the tags, as wide as the widest, so the texts line up.
  const tagW = Math.max(0, ...legend.lines.map((l) => measure.measureText(tagOf(l)).width)) + 12 * r;
  for (const line of legend.lines) {
    const colour = line.status === 'accepted' ? colours.accepted : line.status === 'error' ? colours.error : colours[line.severity];
    const tag = tagOf(line);
    blocks.push({ y, text: tag, font: font(11, 700), colour, x: pad });
    const before = y;
    push(line.text, font(13, 550), colours.text, 19, pad + tagW, textWidth - tagW);
    if (y === before) y += 19 * r;
    if (line.nodes.length) push(`On: ${line.nodes.join(', ')}`, font(12), colours.muted, 17, pad + tagW, textWidth - tagW);
    if (line.reason) push(`Reason: ${line.reason}`, font(12), colours.accepted, 17, pad + tagW, textWidth - tagW);
    y += 8 * r;
  }
  const legendHeight = y + pad - 8 * r;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = img.height + legendHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, Math.round((width - img.width) / 2), 0);
  ctx.fillStyle = colours.rule;
  ctx.fillRect(pad, img.height, width - pad * 2, Math.max(1, r));
  ctx.textBaseline = 'top';
  for (const b of blocks) {
    ctx.font = b.font;
    ctx.fillStyle = b.colour;
    ctx.fillText(b.text, b.x, img.height + b.y);
  }
  return canvas.toDataURL('image/png');
}
