/**
 * Reading a draw.io / diagrams.net file (`.drawio`, `.xml`): plain XML, or compressed pages (the
 * `<diagram>` text is base64 of raw-deflate of the URI-encoded `<mxGraphModel>` XML, as draw.io writes
 * it). Unpacks with the browser's `DecompressionStream('deflate-raw')`, parses with `DOMParser`, and
 * returns the first page's cells for the pure mapping in src/domain/drawio.ts.
 */
import type { DrawioCell } from '../domain/drawio.ts';

export type DrawioRead = { ok: true; cells: DrawioCell[]; pageName: string | undefined; pageCount: number } | { ok: false; message: string };

/**
 * Reads the cells of the first page of a draw.io file. Never throws.
 * @param text the file's text
 * @returns the cells, or a message saying what is wrong with the file
 */
export async function readDrawioFile(text: string): Promise<DrawioRead> {
  const doc = parseXml(text);
  if (!doc) return { ok: false, message: 'the file is not XML (a draw.io file starts with <mxfile> or <mxGraphModel>)' };
  const root = doc.documentElement;
  let model: Element | null;
  let pageName: string | undefined;
  let pageCount = 1;
  if (root.nodeName === 'mxGraphModel') model = root;
  else if (root.nodeName === 'mxfile') {
    const pages = [...root.getElementsByTagName('diagram')];
    pageCount = pages.length;
    const page = pages[0];
    if (!page) return { ok: false, message: 'the file has no page (<diagram> element)' };
    pageName = page.getAttribute('name') ?? undefined;
    model = page.getElementsByTagName('mxGraphModel')[0] ?? null;
    if (!model) {
      const packed = page.textContent?.trim() ?? '';
      if (!packed) return { ok: false, message: `page "${pageName ?? 1}" is empty` };
      const xml = await unpack(packed);
      if (xml === undefined) return { ok: false, message: `page "${pageName ?? 1}" is compressed in a way this reader does not know (expected base64 of deflated, URI-encoded XML)` };
      model = parseXml(xml)?.documentElement ?? null;
      if (model?.nodeName !== 'mxGraphModel') return { ok: false, message: `page "${pageName ?? 1}" does not hold a diagram (<mxGraphModel>)` };
    }
  } else return { ok: false, message: `this is XML, but not a draw.io file (its root element is <${root.nodeName}>, expected <mxfile>)` };

  const cells: DrawioCell[] = [];
  for (const el of model.getElementsByTagName('mxCell')) {
    // Cells with custom properties sit in <UserObject>/<object>, which holds their id and label.
    const wrapper = el.parentElement && ['UserObject', 'object'].includes(el.parentElement.nodeName) ? el.parentElement : undefined;
    const id = wrapper?.getAttribute('id') ?? el.getAttribute('id');
    if (!id) continue;
    const g = [...el.children].find((c) => c.nodeName === 'mxGeometry');
    const num = (name: string) => Number(g?.getAttribute(name) ?? 0) || 0;
    cells.push({
      id,
      parent: el.getAttribute('parent') ?? undefined,
      style: el.getAttribute('style') ?? undefined,
      value: (wrapper ? wrapper.getAttribute('label') : el.getAttribute('value')) ?? undefined,
      vertex: el.getAttribute('vertex') === '1',
      edge: el.getAttribute('edge') === '1',
      source: el.getAttribute('source') ?? undefined,
      target: el.getAttribute('target') ?? undefined,
      geometry: g && g.getAttribute('relative') !== '1' ? { x: num('x'), y: num('y'), width: num('width'), height: num('height') } : undefined,
    });
  }
  return { ok: true, cells, pageName, pageCount };
}

function parseXml(text: string): Document | undefined {
  try {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.getElementsByTagName('parsererror').length ? undefined : doc;
  } catch {
    return undefined;
  }
}

async function unpack(base64: string): Promise<string | undefined> {
  try {
    const bytes = Uint8Array.from(atob(base64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    const input = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const decoder = new TextDecoder();
    let inflated = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) inflated += decoder.decode(r.value, { stream: true });
    return decodeURIComponent(inflated + decoder.decode());
  } catch {
    return undefined;
  }
}
