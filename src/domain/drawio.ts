/**
 * Import from draw.io / diagrams.net: maps the cells of a diagram drawn with the AWS 2019+ shape
 * library (`mxgraph.aws4.*`) to a design. Pure: the adapter (src/adapters/drawio-file.ts) unpacks and
 * parses the XML into `DrawioCell`s; this module only maps them, with the table in drawio-shapes.json.
 *
 * - A vertex whose shape names a service in the table becomes a node of that service; a group shape
 *   (`mxgraph.aws4.group;grIcon=mxgraph.aws4.group_region`) becomes a group node with the same box.
 * - A text cell (style starting with `text;`) becomes a text note when the catalog has `text-note`.
 * - An edge cell joining two mapped services becomes an edge; its text becomes the edge's label.
 * - Positions are kept, scaled by `scale` (draw.io icons are 78 px wide; Archboard's nodes are wider).
 *   Cells inside a draw.io group are positioned relative to it: inside a mapped group the node keeps
 *   that as `parentId`; inside a shape that is not mapped its position is made absolute.
 * - Everything else is listed in `unmapped` with the shape name and the cell id.
 */
import type { Catalog } from './catalog.ts';
import { freshId, parentsFirst } from './commands.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type DesignEdge, type DesignNode } from './design.ts';
import table from './drawio-shapes.json';

/** One `mxCell` of a draw.io diagram, as the adapter reads it. Geometry in draw.io px. */
export interface DrawioCell {
  id: string;
  /** The parent cell's id (`1` is the default layer). */
  parent?: string | undefined;
  style?: string | undefined;
  /** The cell's text; may hold HTML when the style has `html=1`. */
  value?: string | undefined;
  vertex?: boolean;
  edge?: boolean;
  source?: string | undefined;
  target?: string | undefined;
  /** Relative to the parent cell when the parent is a vertex (a group), else absolute. */
  geometry?: { x: number; y: number; width: number; height: number } | undefined;
}

/** A cell that was not imported: its id, the shape name (or `connector`), and why. */
export interface UnmappedCell {
  cellId: string;
  shape: string;
  reason: string;
}

export interface DrawioImport {
  design: Design;
  unmapped: UnmappedCell[];
}

export interface DrawioOptions {
  /** Factor applied to positions and group sizes (default 1). */
  scale?: number;
  scenarioId?: string;
}

const SHAPES: Record<string, string> = table.shapes;
const GROUPS: Record<string, string> = table.groups;
const LABEL_MAX = 200;
const EDGE_LABEL_MAX = 80;
const NOTE_SERVICE = 'text-note';

/** Parses a draw.io style (`key=value;flag;...`) into a map; a bare word maps to `''`. */
export function parseStyle(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    if (!part) continue;
    const i = part.indexOf('=');
    if (i < 0) out.set(part.trim(), '');
    else out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/**
 * The AWS shape a style draws, without the `mxgraph.aws4.` prefix: the `resIcon`/`prIcon` of a
 * resource or product icon, the `grIcon` of a group, else the shape itself. Undefined for cells that
 * draw no `mxgraph.*` shape; a shape from another library keeps its full name (`mxgraph.cisco.x`).
 */
export function shapeName(style: string | undefined): { name: string; kind: 'shape' | 'group' } | undefined {
  const s = parseStyle(style);
  const shape = s.get('shape');
  const strip = (v: string) => v.replace(/^mxgraph\.aws4\./, '');
  if (shape === 'mxgraph.aws4.group' || shape === 'mxgraph.aws4.groupCenter') {
    const icon = s.get('grIcon');
    return { name: icon ? strip(icon) : 'group', kind: 'group' };
  }
  if (shape === 'mxgraph.aws4.resourceIcon' || shape === 'mxgraph.aws4.productIcon') {
    const icon = s.get('resIcon') ?? s.get('prIcon');
    return icon ? { name: strip(icon), kind: 'shape' } : { name: strip(shape), kind: 'shape' };
  }
  if (shape?.startsWith('mxgraph.')) return { name: strip(shape), kind: 'shape' };
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A cell's text without HTML: line breaks and block ends become spaces, tags go, entities are decoded, spaces collapse. */
export function textOf(value: string | undefined): string {
  if (!value) return '';
  return value
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(div|p|li|h\d)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Maps draw.io cells to a design.
 * @param cells every `mxCell` of one diagram page, in document order
 * @returns the design (groups before their members) and what could not be mapped
 */
export function mapDrawioCells(cells: readonly DrawioCell[], catalog: Catalog, options: DrawioOptions = {}): DrawioImport {
  const scale = options.scale ?? 1;
  const byId = new Map(cells.map((c) => [c.id, c]));
  const unmapped: UnmappedCell[] = [];
  const design: Design = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(options.scenarioId ? { scenarioId: options.scenarioId } : {}), nodes: [], edges: [] };
  /** draw.io cell id -> Archboard node id, for mapped vertices. */
  const nodeOf = new Map<string, DesignNode>();
  const prefixOf = (service: string) => (catalog.byId.get(service)?.shortName ?? 'node').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'node';

  // Absolute draw.io position of a vertex (its geometry is relative to a vertex parent).
  const absolute = (c: DrawioCell, depth = 0): { x: number; y: number } => {
    const g = c.geometry ?? { x: 0, y: 0 };
    const p = c.parent === undefined ? undefined : byId.get(c.parent);
    if (!p?.vertex || depth > cells.length) return { x: g.x, y: g.y };
    const pa = absolute(p, depth + 1);
    return { x: pa.x + g.x, y: pa.y + g.y };
  };

  // First pass: which vertices map to what.
  const service = new Map<string, string>();
  for (const c of cells) {
    if (!c.vertex) continue;
    const shape = shapeName(c.style);
    const style = parseStyle(c.style);
    if (!shape) {
      if (style.has('text') && textOf(c.value) && catalog.byId.has(NOTE_SERVICE)) service.set(c.id, NOTE_SERVICE);
      else if (textOf(c.value) || style.size) unmapped.push({ cellId: c.id, shape: style.get('shape') ?? (style.has('text') ? 'text' : 'shape without a name'), reason: 'not an AWS shape (mxgraph.aws4.*)' });
      continue;
    }
    const id = shape.kind === 'group' ? GROUPS[shape.name] : SHAPES[shape.name];
    const entry = id === undefined ? undefined : catalog.byId.get(id);
    if (!entry) unmapped.push({ cellId: c.id, shape: shape.name, reason: shape.kind === 'group' ? 'no matching Archboard group' : 'no matching Archboard service' });
    else service.set(c.id, entry.id);
  }

  // Second pass: nodes, with the nearest mapped group ancestor as parent.
  for (const c of cells) {
    const sid = service.get(c.id);
    if (sid === undefined) continue;
    const entry = catalog.byId.get(sid)!;
    let parent: DesignNode | undefined;
    for (let p = c.parent === undefined ? undefined : byId.get(c.parent), d = 0; p?.vertex && d <= cells.length; p = p.parent === undefined ? undefined : byId.get(p.parent), d++) {
      const mapped = nodeOf.get(p.id);
      if (mapped && catalog.byId.get(mapped.service)?.group) {
        parent = mapped;
        break;
      }
    }
    const abs = absolute(c);
    const parentCell = parent ? [...nodeOf].find(([, n]) => n === parent)![0] : undefined;
    const origin = parentCell ? absolute(byId.get(parentCell)!) : { x: 0, y: 0 };
    const text = textOf(c.value);
    const node: DesignNode = {
      id: freshId(design, prefixOf(sid)),
      service: sid,
      position: { x: Math.round((abs.x - origin.x) * scale), y: Math.round((abs.y - origin.y) * scale) },
    };
    if (sid === NOTE_SERVICE) node.settings = { text: text.slice(0, 2000) };
    else if (text && text !== entry.name && text !== entry.shortName) node.label = text.slice(0, LABEL_MAX);
    if (parent) node.parentId = parent.id;
    if (entry.group && c.geometry) node.size = { width: Math.max(40, Math.round(c.geometry.width * scale)), height: Math.max(40, Math.round(c.geometry.height * scale)) };
    design.nodes.push(node);
    nodeOf.set(c.id, node);
  }

  // Edges between mapped services.
  for (const c of cells) {
    if (!c.edge) continue;
    const s = c.source === undefined ? undefined : nodeOf.get(c.source);
    const t = c.target === undefined ? undefined : nodeOf.get(c.target);
    const isService = (n: DesignNode | undefined) => !!n && !catalog.byId.get(n.service)?.group && n.service !== NOTE_SERVICE;
    if (c.source === undefined || c.target === undefined) {
      unmapped.push({ cellId: c.id, shape: 'connector', reason: 'not attached to a shape at both ends' });
      continue;
    }
    if (!isService(s) || !isService(t)) {
      unmapped.push({ cellId: c.id, shape: 'connector', reason: `joins ${!isService(s) ? `"${c.source}"` : `"${c.target}"`}, which was not imported as a service` });
      continue;
    }
    if (s === t || design.edges.some((e) => e.source === s!.id && e.target === t!.id)) {
      unmapped.push({ cellId: c.id, shape: 'connector', reason: s === t ? 'connects a shape to itself' : 'a second connector between the same two shapes' });
      continue;
    }
    const label = textOf(c.value).slice(0, EDGE_LABEL_MAX);
    const edge: DesignEdge = { id: freshId(design, 'e'), source: s!.id, target: t!.id, ...(label ? { settings: { label } } : {}) };
    design.edges.push(edge);
  }
  design.nodes = parentsFirst(design.nodes);
  return { design, unmapped };
}
