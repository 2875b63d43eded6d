/**
 * The one renderer of a design to a picture: design document (+ catalog, icons, theme) -> SVG text.
 * Pure (no DOM): the browser's PNG/SVG/PDF exports and `npm run render` in Node call it with the same
 * arguments and get the same picture; PNG and PDF are made from its SVG. Only the design is drawn:
 * the view's zoom, pan and selection are not inputs, so they cannot leak into a file.
 *
 * The SVG is plain and editable: rectangles, paths and text, one `<symbol>` per service icon reused
 * with `<use>`, an arrowhead `<marker>`, no `foreignObject`, no scripts, no external references.
 * Text widths are estimated from character classes (there is no font to measure without a DOM), so
 * labels are shortened with an ellipsis a little before they would overflow.
 */
import { CATEGORY_META, withDefaults, type Catalog, type CatalogEntry } from './catalog.ts';
import type { Design, DesignNode } from './design.ts';
import { absolutePositions, groupCaption, groupColor, groupDashed, groupFill, NODE_WIDTH, nodeSize, type Box, type Pos } from './diagram.ts';
import type { LegendLine } from './graded-export.ts';
import type { Severity } from './scenario.ts';
import { iconForTheme, serviceIconSvg, type IconSource as IconFileSource } from './icons.ts';

/**
 * Where icons come from: a catalog id -> the icon as SVG markup (a whole `<svg>` element with a
 * `viewBox`), or undefined for no icon (a rounded square with the service's glyph is drawn instead).
 */
export type IconSource = (serviceId: string) => string | undefined;

export type Theme = 'light' | 'dark';

/**
 * The icon markup a picture of `design` needs, for the renderer's `icons` option: one read per
 * distinct icon (services and groups alike), in the theme's variant ({@link iconForTheme}).
 * @param source where the SVG text comes from (`readIconSvgAsync` in Node, `loadIconSvg` in the browser)
 * @returns SVG markup by catalog id; ids whose icon is missing or failed to load are left out (the
 *   renderer draws its glyph square for them), so an unreachable icon never fails an export
 */
export async function iconsForDesign(design: { nodes: readonly { service: string }[] }, catalog: Catalog, source: IconFileSource, theme: 'light' | 'dark' = 'light'): Promise<Map<string, string>> {
  const ids = [...new Set(design.nodes.map((n) => n.service))];
  const out = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const svg = await serviceIconSvg(catalog, id, source).catch(() => undefined);
      if (svg) out.set(id, iconForTheme(svg, theme));
    }),
  );
  return out;
}

/** What to draw besides the design. */
export interface RenderOptions {
  /** Default `light`. */
  theme?: Theme;
  icons?: IconSource;
  /** Volume labels by edge id (e.g. "57.9 MB/s · 5.0 TB/day", from the simulation); drawn under the edge's own label. */
  volumes?: ReadonlyMap<string, string>;
  /** Findings: the worst severity per node id (a coloured border and mark), and a legend drawn under the diagram. */
  findings?: { marks: ReadonlyMap<string, Severity>; legend?: { header: string; lines: readonly LegendLine[] } };
  /** Space around the diagram in px (default 32). */
  padding?: number;
  /** The SVG's `<title>` (default "Archboard design"). */
  title?: string;
}

/** An SVG picture and its size in px (CSS px: the PNG at pixel ratio 1). */
export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  /** Where the design's point (0, 0) lands in the picture (px): picture = design + offset. */
  offset: Pos;
}

/** Colours of one theme (the canvas's CSS variables). */
interface Palette {
  background: string;
  surface: string;
  border: string;
  text: string;
  muted: string;
  edge: string;
  labelBg: string;
  noteBg: string;
  noteText: string;
  noteBorder: string;
  error: string;
  warning: string;
  info: string;
  accepted: string;
}
const PALETTES: Record<Theme, Palette> = {
  light: {
    background: '#fafbfc',
    surface: '#ffffff',
    border: '#c9ced6',
    text: '#1b2230',
    muted: '#5c6778',
    edge: '#7a8594',
    labelBg: '#ffffff',
    noteBg: '#fff4b8',
    noteText: '#3b3206',
    noteBorder: '#e3cf6a',
    error: '#d6293e',
    warning: '#d97706',
    info: '#3b5bdb',
    accepted: '#7048e8',
  },
  dark: {
    background: '#10141a',
    surface: '#151a21',
    border: '#3a4452',
    text: '#e4e8ee',
    muted: '#9aa4b2',
    edge: '#8d98a8',
    labelBg: '#1a2029',
    noteBg: '#3d3514',
    noteText: '#fbefb8',
    noteBorder: '#6b5d22',
    error: '#ff6b7a',
    warning: '#f5a524',
    info: '#7c93ff',
    accepted: '#b197fc',
  },
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const ICON = 40;
const NOTE_MAX_HEIGHT = 320;
const LEGEND_MIN_WIDTH = 640;

/** XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: drops the control characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Estimated width of `text` in px at `size` px in a sans-serif font (per-character classes). */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (/[iljI.,:;'|!\s]/.test(ch)) w += 0.32;
    else if (/[mwMW@%]/.test(ch)) w += 0.95;
    else if (/[A-Z0-9#&?]/.test(ch)) w += 0.72;
    else if (ch.codePointAt(0)! > 0x2e80) w += 1;
    else w += 0.62;
  }
  return w * size * (bold ? 1.1 : 1);
}

/** `text` shortened with an ellipsis to fit `max` px. */
export function fitText(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** Words of `text` broken into lines of at most `max` px (a word longer than a line is cut). */
export function wrapText(text: string, size: number, max: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (textWidth(next, size) <= max) line = next;
      else {
        if (line) out.push(line);
        line = textWidth(word, size) <= max ? word : fitText(word, size, max);
      }
    }
    out.push(line);
  }
  return out;
}

/** `a` mixed with `b`: `share` of `a` (0..1), as CSS `color-mix(in srgb, a share, b)`; both `#rrggbb`. */
function mix(a: string, b: string, share: number): string {
  const c = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(c(a, i) * share + c(b, i) * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * Icon markup made safe to embed and small: comments, `<title>`/`<desc>`/`<metadata>`, scripts,
 * `<style>`, `<foreignObject>`, `<image>` and processing instructions are removed, so are event-handler
 * attributes, `javascript:` values, every `href` that does not point inside the icon (`#id`) and every
 * `url(...)` that is not a local `url(#id)`; whitespace between tags is collapsed.
 * @returns the inner markup of the icon's `<svg>` (without the element itself)
 */
export function sanitizeIconMarkup(inner: string): string {
  return inner
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g, '')
    .replace(/<(script|style|foreignObject|title|desc|metadata|image|iframe|object|embed|audio|video|animate|set|animateTransform|animateMotion)\b[\s\S]*?(<\/\1\s*>|\/>)/gi, '')
    .replace(/<\/?(script|style|foreignObject|image|iframe|object|embed|a|animate|set)\b[^>]*>/gi, '')
    .replace(/\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s(xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*'|[^\s>"']+)/gi, '')
    .replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, 'none')
    .replace(/javascript:/gi, '')
    .replace(/>\s+</g, '><')
    .trim();
}

/** An icon's markup as a `<symbol>`: its viewBox and inner content (made safe), ids made unique by the symbol's id. */
function iconSymbol(id: string, markup: string): string | undefined {
  const open = /<svg\b([^>]*)>/i.exec(markup);
  const close = markup.lastIndexOf('</svg>');
  if (!open || close < open.index) return undefined;
  const attrs = open[1]!;
  const viewBox =
    /viewBox\s*=\s*"([^"]+)"/i.exec(attrs)?.[1] ??
    (() => {
      const w = /\bwidth\s*=\s*"(\d+(?:\.\d+)?)/i.exec(attrs)?.[1];
      const h = /\bheight\s*=\s*"(\d+(?:\.\d+)?)/i.exec(attrs)?.[1];
      return w && h ? `0 0 ${w} ${h}` : undefined;
    })();
  if (!viewBox || !/^[\d.\s,-]+$/.test(viewBox)) return undefined;
  const prefix = `${id}-`;
  const inner = sanitizeIconMarkup(markup.slice(open.index + open[0].length, close))
    .replace(/\bid\s*=\s*"([^"]+)"/g, (_m, v: string) => `id="${prefix}${v}"`)
    .replace(/\bid\s*=\s*'([^']+)'/g, (_m, v: string) => `id="${prefix}${v}"`)
    .replace(/url\(\s*['"]?#([^)'"]+)['"]?\s*\)/g, (_m, v: string) => `url(#${prefix}${v})`)
    .replace(/href\s*=\s*["']#([^"']+)["']/g, (_m, v: string) => `href="#${prefix}${v}"`);
  return `<symbol id="${id}" viewBox="${xmlEscape(viewBox)}">${inner}</symbol>`;
}

/** The fallback icon: a rounded square in the category's colour with the service's glyph. */
function glyphSymbol(id: string, entry: CatalogEntry): string {
  const color = CATEGORY_META[entry.category].color;
  const size = entry.glyph.length > 3 ? 11 : entry.glyph.length > 2 ? 13 : 15;
  return `<symbol id="${id}" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="${color}"/><text x="20" y="20" dy="0.35em" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="700" fill="#ffffff">${xmlEscape(entry.glyph)}</text></symbol>`;
}

/** Orthogonal path from the right of `s` to the left of `t`, as the canvas's smooth-step edges run. */
function edgePath(s: Box, t: Box): { d: string; mid: Pos } {
  const sx = s.x + s.width;
  const sy = s.y + s.height / 2;
  const tx = t.x;
  const ty = t.y + t.height / 2;
  const gap = 20;
  if (tx - sx >= gap * 2 || (tx - sx >= 8 && Math.abs(ty - sy) < 1)) {
    const mx = (sx + tx) / 2;
    const d = Math.abs(ty - sy) < 1 ? `M${num(sx)} ${num(sy)}H${num(tx)}` : `M${num(sx)} ${num(sy)}H${num(mx)}V${num(ty)}H${num(tx)}`;
    return { d, mid: { x: mx, y: (sy + ty) / 2 } };
  }
  // Target behind the source: out to the right, round below (or between) the boxes, in from the left.
  const below = Math.max(s.y + s.height, t.y + t.height) + gap;
  const between = s.y + s.height + gap <= t.y ? (s.y + s.height + t.y) / 2 : t.y + t.height + gap <= s.y ? (t.y + t.height + s.y) / 2 : below;
  const ax = sx + gap;
  const bx = tx - gap;
  return { d: `M${num(sx)} ${num(sy)}H${num(ax)}V${num(between)}H${num(bx)}V${num(ty)}H${num(tx)}`, mid: { x: (ax + bx) / 2, y: between } };
}

function pill(x: number, y: number, lines: { text: string; size: number; color: string; weight?: number }[], p: Palette, border: string): string {
  const padX = 6;
  const lineH = (size: number) => size + 4;
  const width = Math.max(...lines.map((l) => textWidth(l.text, l.size, (l.weight ?? 400) >= 600))) + padX * 2;
  const height = lines.reduce((h, l) => h + lineH(l.size), 0) + 4;
  let cy = y - height / 2 + 2;
  let out = `<rect x="${num(x - width / 2)}" y="${num(y - height / 2)}" width="${num(width)}" height="${num(height)}" rx="4" fill="${p.labelBg}" stroke="${border}" stroke-width="1"/>`;
  for (const l of lines) {
    out += `<text x="${num(x)}" y="${num(cy + lineH(l.size) / 2)}" dy="0.35em" text-anchor="middle" font-size="${l.size}"${l.weight ? ` font-weight="${l.weight}"` : ''} fill="${l.color}">${xmlEscape(l.text)}</text>`;
    cy += lineH(l.size);
  }
  return out;
}

const STATUS_WORD: Record<LegendLine['status'], string> = { fail: 'FAIL', accepted: 'ACCEPTED', error: 'RULE ERROR' };

/** The findings legend as SVG rows under the diagram, starting at `top`; returns the markup and its height. */
function legendBlock(legend: { header: string; lines: readonly LegendLine[] }, top: number, width: number, pad: number, p: Palette): { markup: string; height: number } {
  const textW = width - pad * 2;
  let y = top + pad;
  const rows: string[] = [`<line x1="${pad}" y1="${top}" x2="${width - pad}" y2="${top}" stroke="${p.border}"/>`];
  const text = (x: number, t: string, size: number, color: string, weight = 400) =>
    rows.push(`<text x="${num(x)}" y="${num(y)}" dy="0.8em" font-size="${size}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${color}">${xmlEscape(t)}</text>`);
  text(pad, 'Findings', 15, p.text, 650);
  y += 22;
  for (const l of wrapText(legend.header, 12, textW)) text(pad, l, 12, p.muted), (y += 18);
  y += 6;
  if (!legend.lines.length) text(pad, 'Every requirement passes or does not apply.', 13, p.text), (y += 20);
  const tagOf = (line: LegendLine) => `${STATUS_WORD[line.status]} · ${line.severity}`;
  const tagW = Math.max(0, ...legend.lines.map((l) => textWidth(tagOf(l), 11, true))) + 12;
  for (const line of legend.lines) {
    const colour = line.status === 'accepted' ? p.accepted : line.status === 'error' ? p.error : p[line.severity];
    text(pad, tagOf(line), 11, colour, 700);
    const x = pad + tagW;
    for (const l of wrapText(line.text, 13, textW - tagW)) text(x, l, 13, p.text, 550), (y += 19);
    if (line.nodes.length) for (const l of wrapText(`On: ${line.nodes.join(', ')}`, 12, textW - tagW)) text(x, l, 12, p.muted), (y += 17);
    if (line.reason) for (const l of wrapText(`Reason: ${line.reason}`, 12, textW - tagW)) text(x, l, 12, p.accepted), (y += 17);
    y += 8;
  }
  return { markup: rows.join(''), height: y - top + pad - 8 };
}

/**
 * Renders a design to SVG.
 * @param design a design `loadDesign` accepts (nodes whose service the catalog lacks are left out)
 * @param catalog for names, glyphs, categories and group kinds
 * @returns the SVG text and its size; an empty design gives a small blank picture
 */
export function renderDesignSvg(design: Design, catalog: Catalog, options: RenderOptions = {}): RenderedSvg {
  const p = PALETTES[options.theme ?? 'light'];
  const pad = options.padding ?? 32;
  const marks = options.findings?.marks;
  const abs = absolutePositions(design);
  const boxes = new Map<string, Box>();
  const drawn: { node: DesignNode; entry: CatalogEntry; box: Box }[] = [];
  for (const node of design.nodes) {
    const entry = catalog.byId.get(node.service);
    const at = abs.get(node.id);
    if (!entry || !at) continue;
    let size = nodeSize(node, catalog);
    if (node.service === 'text-note') size = { width: NODE_WIDTH, height: noteLines(node).length * 18 + 20 };
    const box = { ...at, ...size };
    boxes.set(node.id, box);
    drawn.push({ node, entry, box });
  }
  // Bounds: boxes, plus room for edge label pills and loop-back routes below.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x1: number, y1: number, x2: number, y2: number) => {
    minX = Math.min(minX, x1);
    minY = Math.min(minY, y1);
    maxX = Math.max(maxX, x2);
    maxY = Math.max(maxY, y2);
  };
  for (const { box } of drawn) grow(box.x, box.y, box.x + box.width, box.y + box.height);

  const entryOf = new Map(drawn.map((d) => [d.node.id, d.entry]));
  const edges: string[] = [];
  const labels: string[] = [];
  for (const edge of design.edges) {
    const s = boxes.get(edge.source);
    const t = boxes.get(edge.target);
    if (!s || !t) continue;
    const se = entryOf.get(edge.source);
    const te = entryOf.get(edge.target);
    const control = se?.dataFlow === false || te?.dataFlow === false;
    const tls = edge.settings?.tls !== false;
    const { d, mid } = edgePath(s, t);
    const dash = control ? ' stroke-dasharray="2 4"' : !tls ? ' stroke-dasharray="6 4"' : '';
    edges.push(`<path d="${d}" fill="none" stroke="${p.edge}" stroke-width="1.5"${dash} marker-end="url(#ab-arrow)"><title>${xmlEscape(`${edge.source} → ${edge.target}`)}</title></path>`);
    const lines: { text: string; size: number; color: string; weight?: number }[] = [];
    const label = edge.settings?.label?.trim();
    if (label) lines.push({ text: fitText(label, 11, 220), size: 11, color: p.text, weight: 600 });
    const volume = options.volumes?.get(edge.id);
    if (volume) lines.push({ text: volume, size: 10, color: p.muted });
    if (lines.length) {
      const w = Math.max(...lines.map((l) => textWidth(l.text, l.size, true))) / 2 + 8;
      // A hop too short to hold the pill between the two boxes: the pill goes above them, as on the canvas.
      const gap = t.x - (s.x + s.width);
      const at = gap >= 0 && gap < w * 2 + 8 ? { x: (s.x + s.width + t.x) / 2, y: Math.min(s.y, t.y) - 10 * lines.length - 6 } : mid;
      labels.push(pill(at.x, at.y, lines, p, p.border));
      grow(at.x - w, at.y - 20, at.x + w, at.y + 20);
    }
    const pts = [...d.matchAll(/[HV](-?[\d.]+)/g)];
    for (const m of pts) {
      const v = Number(m[1]);
      if (m[0][0] === 'V') grow(minX, v - 8, maxX, v + 8);
    }
  }
  if (!drawn.length) grow(0, 0, 200, 100);

  // Icons: one symbol per service, reused.
  const symbols = new Map<string, string>();
  const symbolOf = (entry: CatalogEntry): string => {
    const id = `icon-${entry.id}`;
    if (!symbols.has(id)) {
      const markup = options.icons?.(entry.id);
      symbols.set(id, (markup && iconSymbol(id, markup)) || glyphSymbol(id, entry));
    }
    return id;
  };

  const groups: string[] = [];
  const nodes: string[] = [];
  for (const { node, entry, box } of drawn) {
    const sev = marks?.get(node.id);
    const sevColor = sev ? p[sev] : undefined;
    if (entry.group) {
      const settings = withDefaults(entry, node.settings);
      const color = groupColor(entry, settings);
      const { kind, detail } = groupCaption(entry, settings);
      const title = node.label || kind;
      const sub = detail ? (node.label && node.label !== kind ? `${kind} · ${detail}` : detail) : undefined;
      const icon = entry.icon ? symbolOf(entry) : undefined;
      // As the canvas draws AWS's groups: square corners, a 2 px border (dashed for Region and
      // Availability Zone), the 32 px corner icon flush in the top-left corner, the caption beside it.
      const stroke = options.theme === 'dark' && color.toUpperCase() === '#232F3E' ? '#AAB7B8' : color;
      const fill = groupFill(entry);
      const fillAttrs = fill && options.theme !== 'dark' ? `fill="${fill}"` : `fill="${stroke}" fill-opacity="${fill ? 0.12 : 0.04}"`;
      const titleX = box.x + (icon ? 40 : 10);
      const room = box.width - (titleX - box.x) - 8;
      const titleText = fitText(title, 13, room, true);
      const subText = sub ? fitText(sub, 12, Math.max(0, room - textWidth(titleText, 13, true) - 8)) : '';
      const captionColor = options.theme === 'dark' ? mix(stroke, '#ffffff', 0.45) : mix(stroke, '#000000', 0.7);
      groups.push(
        `<g class="group" data-node-id="${xmlEscape(node.id)}" data-service="${entry.id}"><title>${xmlEscape(sub ? `${title} (${sub})` : title)}</title>` +
          `<rect x="${num(box.x + 1)}" y="${num(box.y + 1)}" width="${num(Math.max(0, box.width - 2))}" height="${num(Math.max(0, box.height - 2))}" ${fillAttrs} stroke="${sevColor ?? stroke}" stroke-width="${sev ? 2.5 : 2}"${groupDashed(entry) ? ' stroke-dasharray="6 4"' : ''}/>` +
          (icon ? `<use href="#${icon}" x="${num(box.x)}" y="${num(box.y)}" width="32" height="32"/>` : '') +
          `<text x="${num(titleX)}" y="${num(box.y + 16)}" dy="0.35em" font-size="13" font-weight="650" fill="${captionColor}">${xmlEscape(titleText)}</text>` +
          (subText && subText !== '…' ? `<text x="${num(titleX + textWidth(titleText, 13, true) + 8)}" y="${num(box.y + 16)}" dy="0.35em" font-size="12" fill="${captionColor}" fill-opacity="0.85">${xmlEscape(subText)}</text>` : '') +
          `</g>`,
      );
      continue;
    }
    if (node.service === 'text-note') {
      const lines = noteLines(node);
      nodes.push(
        `<g class="note" data-node-id="${xmlEscape(node.id)}" data-service="text-note">` +
          `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="4" fill="${p.noteBg}" stroke="${p.noteBorder}"/>` +
          lines.map((l, i) => `<text x="${num(box.x + 12)}" y="${num(box.y + 10 + i * 18)}" dy="0.9em" font-size="13" fill="${p.noteText}">${xmlEscape(l)}</text>`).join('') +
          `</g>`,
      );
      continue;
    }
    const color = CATEGORY_META[entry.category].color;
    const label = node.label || entry.shortName;
    const sub = node.label && node.label !== entry.shortName ? entry.shortName : CATEGORY_META[entry.category].label;
    const icon = symbolOf(entry);
    const tx = box.x + 16 + ICON;
    const room = box.width - (tx - box.x) - (sev ? 26 : 10);
    nodes.push(
      `<g class="service" data-node-id="${xmlEscape(node.id)}" data-service="${entry.id}"><title>${xmlEscape(`${label} (${entry.name})`)}</title>` +
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8" fill="${p.surface}" stroke="${sevColor ?? p.border}" stroke-width="${sev ? 2.5 : 1}"/>` +
        `<rect x="${num(box.x)}" y="${num(box.y + 8)}" width="4" height="${num(box.height - 16)}" rx="2" fill="${color}"/>` +
        `<use href="#${icon}" x="${num(box.x + 10)}" y="${num(box.y + (box.height - ICON) / 2)}" width="${ICON}" height="${ICON}"/>` +
        `<text x="${num(tx)}" y="${num(box.y + box.height / 2 - 8)}" dy="0.35em" font-size="13" font-weight="600" fill="${p.text}">${xmlEscape(fitText(label, 13, room, true))}</text>` +
        `<text x="${num(tx)}" y="${num(box.y + box.height / 2 + 10)}" dy="0.35em" font-size="11" fill="${p.muted}">${xmlEscape(fitText(sub, 11, room))}</text>` +
        (sev
          ? `<circle cx="${num(box.x + box.width - 14)}" cy="${num(box.y + 14)}" r="8" fill="${sevColor}"/><text x="${num(box.x + box.width - 14)}" y="${num(box.y + 14)}" dy="0.35em" text-anchor="middle" font-size="11" font-weight="700" fill="#ffffff">${sev === 'info' ? 'i' : '!'}</text>`
          : '') +
        `</g>`,
    );
  }

  const ox = pad - minX;
  const oy = pad - minY;
  let width = Math.ceil(maxX - minX + pad * 2);
  let height = Math.ceil(maxY - minY + pad * 2);
  let legend = '';
  if (options.findings?.legend) {
    width = Math.max(width, LEGEND_MIN_WIDTH);
    const block = legendBlock(options.findings.legend, height, width, 24, p);
    legend = block.markup;
    height = Math.ceil(height + block.height);
  }
  const dx = (width - Math.ceil(maxX - minX + pad * 2)) / 2;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(FONT)}">` +
    `<title>${xmlEscape(options.title ?? 'Archboard design')}</title>` +
    `<defs><marker id="ab-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${p.edge}"/></marker>${[...symbols.values()].join('')}</defs>` +
    `<rect width="100%" height="100%" fill="${p.background}"/>` +
    `<g transform="translate(${num(ox + dx)} ${num(oy)})"><g class="groups">${groups.join('')}</g><g class="edges">${edges.join('')}</g><g class="nodes">${nodes.join('')}</g><g class="labels">${labels.join('')}</g></g>` +
    (legend ? `<g class="legend">${legend}</g>` : '') +
    `</svg>`;
  return { svg, width, height, offset: { x: ox + dx, y: oy } };
}

/** A note's text as wrapped lines, cut to the note's largest height. */
function noteLines(node: DesignNode): string[] {
  const text = typeof node.settings?.text === 'string' ? node.settings.text : '';
  const lines = wrapText(text || ' ', 13, NODE_WIDTH - 24);
  const max = Math.floor((NOTE_MAX_HEIGHT - 20) / 18);
  return lines.length > max ? [...lines.slice(0, max - 1), fitText(lines[max - 1]! + '…', 13, NODE_WIDTH - 24)] : lines;
}
