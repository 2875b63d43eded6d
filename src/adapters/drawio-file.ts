/**
 * Reading a draw.io / diagrams.net file (`.drawio`, `.xml`) in the browser and in Node alike: plain
 * XML, or compressed pages (the `<diagram>` text is base64 of raw deflate of the URI-encoded
 * `<mxGraphModel>` XML, as draw.io writes it). Parsed with fast-xml-parser and inflated with fflate
 * (both pure JavaScript), so the app and the CLI read a file the same way. Returns every page's cells
 * for the pure mapping in src/domain/drawio.ts.
 *
 * Safe: a file with a `<!DOCTYPE` or `<!ENTITY` declaration is refused before parsing (no entity is
 * ever expanded), a compressed page may not inflate to more than `MAX_PAGE_BYTES`, and every failure
 * is a message, never an exception.
 */
import { Inflate, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DrawioCell } from '../domain/drawio.ts';

/** One page (`<diagram>`) of a draw.io file. */
export interface DrawioPage {
  /** The page's name, or `Page N` when it has none. */
  name: string;
  cells: DrawioCell[];
}

export type DrawioRead = { ok: true; pages: DrawioPage[] } | { ok: false; message: string };

/** Largest size a compressed page may inflate to (bytes). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

type XmlNode = { [tag: string]: XmlNode[] } & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: true, processEntities: false });

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references of an attribute value. */
export function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[e] ?? m;
  });
}

const tagOf = (n: XmlNode): string | undefined => Object.keys(n).find((k) => k !== ':@');
const attr = (n: XmlNode, name: string): string | undefined => {
  const v = n[':@']?.[name];
  return v === undefined ? undefined : decodeXmlEntities(v);
};

function parse(text: string): XmlNode[] | { error: string } {
  // The validator costs as much as the parse: run it only to explain a file that is not a diagram.
  const explain = () => {
    const valid = XMLValidator.validate(text);
    return valid === true ? undefined : `the file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`;
  };
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(mxfile|mxGraphModel)\b/.test(text)) {
    const error = explain();
    if (error) return { error };
  }
  try {
    return parser.parse(text) as XmlNode[];
  } catch (e) {
    return { error: `the file is not XML: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Raw-inflates bytes, refusing output over `MAX_PAGE_BYTES`. */
function inflateRaw(bytes: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_PAGE_BYTES) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length && !tooBig; i += 65536) inflater.push(bytes.subarray(i, i + 65536), i + 65536 >= bytes.length);
  } catch {
    return undefined;
  }
  if (tooBig) throw new RangeError(`a compressed page inflates to more than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

function unpack(base64: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const inflated = inflateRaw(bytes);
  if (!inflated) return undefined;
  const text = strFromU8(inflated);
  try {
    return decodeURIComponent(text);
  } catch {
    return text.trimStart().startsWith('<') ? text : undefined;
  }
}

/** The cells of one `<mxGraphModel>`, in document order, with `<object>`/`<UserObject>` wrappers unwrapped. */
function cellsOf(model: XmlNode): DrawioCell[] {
  const root = (model.mxGraphModel ?? []).find((n) => tagOf(n) === 'root');
  const cells: DrawioCell[] = [];
  for (const item of root?.root ?? []) {
    const tag = tagOf(item);
    let cell: XmlNode | undefined;
    let wrapper: XmlNode | undefined;
    if (tag === 'mxCell') cell = item;
    else if (tag === 'object' || tag === 'UserObject') {
      wrapper = item;
      cell = (item[tag] ?? []).find((n) => tagOf(n) === 'mxCell');
    }
    if (!cell) continue;
    const id = (wrapper && attr(wrapper, 'id')) ?? attr(cell, 'id');
    if (!id) continue;
    const g = (cell.mxCell ?? []).find((n) => tagOf(n) === 'mxGeometry');
    const num = (name: string) => {
      const v = Number(g && attr(g, name));
      return Number.isFinite(v) ? v : 0;
    };
    const relative = g !== undefined && attr(g, 'relative') === '1';
    const points = g ? pointsOf(g) : {};
    const data = wrapper ? dataOf(wrapper) : undefined;
    cells.push({
      id,
      ...(data ? { data } : {}),
      parent: attr(cell, 'parent'),
      style: attr(cell, 'style'),
      value: wrapper ? attr(wrapper, 'label') : attr(cell, 'value'),
      vertex: attr(cell, 'vertex') === '1',
      edge: attr(cell, 'edge') === '1',
      source: attr(cell, 'source'),
      target: attr(cell, 'target'),
      geometry: g && !relative ? { x: num('x'), y: num('y'), width: num('width'), height: num('height') } : undefined,
      ...(relative && attr(cell, 'vertex') === '1' ? { relativeGeometry: { x: num('x'), y: num('y') } } : {}),
      ...points,
    });
  }
  return cells;
}

/** The custom properties of an `<object>`/`<UserObject>` wrapper (every attribute but id, label and placeholders). */
function dataOf(wrapper: XmlNode): Record<string, string> | undefined {
  // Null prototype: a property named like an Object member (`constructor`, `__proto__`) is data.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(wrapper[':@'] ?? {})) if (!['id', 'label', 'placeholders'].includes(key)) out[key] = attr(wrapper, key)!;
  return Object.keys(out).length ? out : undefined;
}

/** An edge's loose ends (`sourcePoint`/`targetPoint`), for connectors not attached to a shape. */
function pointsOf(g: XmlNode): Pick<DrawioCell, 'sourcePoint' | 'targetPoint'> {
  const out: Pick<DrawioCell, 'sourcePoint' | 'targetPoint'> = {};
  for (const p of g.mxGeometry ?? []) {
    if (tagOf(p) !== 'mxPoint') continue;
    const as = attr(p, 'as');
    const point = { x: Number(attr(p, 'x') ?? 0) || 0, y: Number(attr(p, 'y') ?? 0) || 0 };
    if (as === 'sourcePoint') out.sourcePoint = point;
    else if (as === 'targetPoint') out.targetPoint = point;
  }
  return out;
}

/**
 * Reads every page of a draw.io file. Never throws.
 * @param text the file's text
 * @returns the pages with their cells, or a message saying what is wrong with the file
 */
export function readDrawioFile(text: string): DrawioRead {
  try {
    return read(text);
  } catch (e) {
    return { ok: false, message: e instanceof RangeError ? e.message : `the file could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function read(text: string): DrawioRead {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return { ok: false, message: 'the file declares a DOCTYPE or ENTITY, which draw.io never writes; it is refused so that no entity is expanded' };
  const doc = parse(text);
  if (!Array.isArray(doc)) return { ok: false, message: doc.error };
  const root = doc.find((n) => tagOf(n) && tagOf(n) !== '?xml');
  const rootTag = root && tagOf(root);
  if (!root || !rootTag) return { ok: false, message: 'the file is empty (a draw.io file starts with <mxfile> or <mxGraphModel>)' };
  if (rootTag === 'mxGraphModel') return { ok: true, pages: [{ name: 'Page 1', cells: cellsOf(root) }] };
  if (rootTag !== 'mxfile') return { ok: false, message: `this is XML, but not a draw.io file (its root element is <${rootTag}>, expected <mxfile>)` };
  const diagrams = (root.mxfile ?? []).filter((n) => tagOf(n) === 'diagram');
  if (!diagrams.length) return { ok: false, message: 'the file has no page (<diagram> element)' };
  const pages: DrawioPage[] = [];
  for (const [i, d] of diagrams.entries()) {
    const name = attr(d, 'name')?.trim() || `Page ${i + 1}`;
    const children = d.diagram ?? [];
    let model = children.find((n) => tagOf(n) === 'mxGraphModel');
    if (!model) {
      const packed = children.find((n) => n['#text'] !== undefined)?.['#text']?.trim() ?? '';
      if (!packed) {
        pages.push({ name, cells: [] });
        continue;
      }
      const xml = unpack(packed);
      if (xml === undefined) return { ok: false, message: `page "${name}" is compressed in a way this reader does not know (expected base64 of deflated, URI-encoded XML)` };
      if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) return { ok: false, message: `page "${name}" declares a DOCTYPE or ENTITY; it is refused so that no entity is expanded` };
      const inner = parse(xml);
      if (!Array.isArray(inner)) return { ok: false, message: `page "${name}": ${inner.error}` };
      model = inner.find((n) => tagOf(n) === 'mxGraphModel');
      if (!model) return { ok: false, message: `page "${name}" does not hold a diagram (<mxGraphModel>)` };
    }
    pages.push({ name, cells: cellsOf(model) });
  }
  return { ok: true, pages };
}
